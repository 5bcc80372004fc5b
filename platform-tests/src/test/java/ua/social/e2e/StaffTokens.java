package ua.social.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ua.social.identity.testing.DemoUsers;
import ua.social.identity.testing.Tokens;

/**
 * Access tokens of the demo staff for the load, renewed after five minutes of their 15-minute life.
 * While Keycloak is down a renewal fails and the token already issued is used on: that is what a
 * signed-in user does during an outage.
 */
final class StaffTokens {

    private record Token(String value, Instant fetched, Instant expires) {
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    String bearer(String user) {
        Token t = tokens.get(user);
        if (t == null || Instant.now().isAfter(t.fetched().plus(Duration.ofMinutes(5)))) {
            try {
                t = fetch(user);
                tokens.put(user, t);
            } catch (Exception keycloakAway) {
                if (t == null || Instant.now().isAfter(t.expires())) {
                    throw new IllegalStateException("no valid token for " + user + ": " + keycloakAway.getMessage(),
                            keycloakAway);
                }
            }
        }
        return "Bearer " + t.value();
    }

    /** Fresh tokens for everyone, e.g. just before Keycloak goes away. */
    void renew(Iterable<String> users) throws Exception {
        for (String u : users) {
            tokens.put(u, fetch(u));
        }
    }

    /** A sign-in with the password grant; throws when Keycloak does not answer or refuses. */
    static Token fetch(String user) throws Exception {
        String form = "grant_type=password&client_id=" + Tokens.CLIENT_ID + "&username="
                + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + DemoUsers.PASSWORD;
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(Tokens.KEYCLOAK_URL + "/realms/"
                                + Tokens.REALM + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Keycloak answered " + r.statusCode() + " for " + user);
        }
        JsonNode body = Http.JSON.readTree(r.body());
        Instant now = Instant.now();
        return new Token(body.path("access_token").asText(), now,
                now.plusSeconds(body.path("expires_in").asLong(300) - 10));
    }
}
