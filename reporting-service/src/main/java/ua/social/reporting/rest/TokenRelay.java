package ua.social.reporting.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import ua.social.identity.problem.Problem;
import ua.social.identity.problem.ProblemException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Forwards the dashboard's authorization-code grant (public client, PKCE S256) to the realm's token
 * endpoint. The browser makes the PKCE pair and the authorization request itself; only this POST goes
 * through the service, because Keycloak's CORS check ("Web Origins") accepts exact origins only and the
 * dashboard may be served from any local port. No secret is added: Keycloak checks the code, the
 * redirect URI and the code verifier exactly as for a direct call.
 */
@ApplicationScoped
public class TokenRelay {

    private static final Logger LOG = Logger.getLogger(TokenRelay.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public record TokenResponse(JsonNode body) {
    }

    public TokenResponse exchange(String realmUrl, String clientId, String code, String verifier, String redirectUri) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", clientId);
        form.put("code", code);
        form.put("code_verifier", verifier);
        form.put("redirect_uri", redirectUri);
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl.replaceAll("/+$", "")
                        + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            LOG.warnf("Keycloak token endpoint not reachable: %s", e.getMessage());
            throw new ProblemException(Problem.of(502, "keycloak-unavailable", "Keycloak unavailable",
                    "The sign-in service did not answer; try again shortly."));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(Problem.of(502, "keycloak-unavailable", "Keycloak unavailable",
                    "The sign-in was interrupted."));
        }
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException e) {
            json = null;
        }
        if (response.statusCode() != 200 || json == null || !json.hasNonNull("access_token")) {
            String error = json != null && json.hasNonNull("error_description") ? json.get("error_description").asText()
                    : json != null && json.hasNonNull("error") ? json.get("error").asText() : "no token";
            throw new ProblemException(Problem.of(400, "sign-in-failed", "Sign-in failed",
                    "Keycloak did not exchange the authorization code: " + error)
                    .field("code", "not accepted by Keycloak"));
        }
        return new TokenResponse(json);
    }
}
