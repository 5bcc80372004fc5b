package ua.social.reporting.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import ua.social.identity.Territory;
import ua.social.identity.problem.ProblemException;
import ua.social.reporting.config.ReportingConfig;
import ua.social.reporting.reference.CommunityNames;
import ua.social.contracts.code.Oblast;
import ua.social.contracts.code.VulnerableGroup;
import ua.social.reporting.rest.TokenRelay.TokenResponse;

import java.util.Arrays;
import java.util.List;

/**
 * What the dashboard (static files under /dashboard/) needs before the user has a token: where
 * Keycloak is, and a same-origin relay for the one step of the PKCE flow that the browser cannot do
 * cross-origin from an arbitrary local port (see {@link TokenRelay}), and the communities of the
 * KATOTTG codifier by name for the community filter (public reference data, no statistics).
 */
@Path("/dashboard-api")
@PermitAll
@Tag(name = "Dashboard", description = "Sign-in settings of the ministry dashboard (no token needed)")
public class DashboardResource {

    @Inject
    ReportingConfig config;
    @Inject
    TokenRelay relay;
    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    public record Option(String code, String label) {
    }

    public record DashboardConfig(String keycloakUrl, String realm, String clientId, String authorizationEndpoint,
                                  String logoutEndpoint, int minCount, List<Option> oblasts,
                                  List<Option> categories) {
    }

    @GET
    @Path("config")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Keycloak realm and public client of the dashboard, the oblasts and vulnerable groups")
    public DashboardConfig config() {
        String realm = config.dashboard().keycloakUrl().replaceAll("/+$", "") + "/realms/" + config.dashboard().realm();
        return new DashboardConfig(config.dashboard().keycloakUrl(), config.dashboard().realm(),
                config.dashboard().clientId(), realm + "/protocol/openid-connect/auth",
                realm + "/protocol/openid-connect/logout", config.suppression().minCount(),
                Arrays.stream(Oblast.values()).map(o -> new Option(o.code(), o.uk())).toList(),
                Arrays.stream(VulnerableGroup.values()).map(g -> new Option(g.name(), g.uk())).toList());
    }

    @GET
    @Path("communities")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Communities (hromadas) of the KATOTTG codifier by Ukrainian name, for the community filter",
            description = "All of them (about 1,800), or those of one oblast; q keeps those whose name contains it "
                    + "(case-insensitive). The statistics filter takes the code.")
    public List<CommunityNames.Community> communities(@QueryParam("oblast") String oblast, @QueryParam("q") String q) {
        String o = Territory.requireOblast(oblast, "oblast");
        if (q != null && q.length() > 100) {
            throw ProblemException.badRequest("q", "at most 100 characters");
        }
        String needle = q == null ? "" : q.trim().toLowerCase(CommunityNames.UKRAINIAN);
        return CommunityNames.all().stream()
                .filter(c -> o == null || c.oblast().equals(o))
                .filter(c -> needle.isEmpty() || c.name().toLowerCase(CommunityNames.UKRAINIAN).contains(needle))
                .toList();
    }

    @POST
    @Path("token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Exchanges the dashboard's authorization code and PKCE verifier for tokens at Keycloak")
    @APIResponse(responseCode = "200", description = "Keycloak's token response (access_token, expires_in, ...)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Response token(@FormParam("code") String code, @FormParam("code_verifier") String verifier,
                          @FormParam("redirect_uri") String redirectUri) {
        if (code == null || code.isBlank() || code.length() > 4096) {
            throw ProblemException.badRequest("code", "the authorization code is required");
        }
        if (verifier == null || !verifier.matches("[A-Za-z0-9._~-]{43,128}")) {
            throw ProblemException.badRequest("code_verifier", "must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~");
        }
        if (redirectUri == null || !redirectUri.matches("https?://[^\\s]{1,2000}")) {
            throw ProblemException.badRequest("redirect_uri", "must be the http(s) URL the code was issued for");
        }
        TokenResponse response = relay.exchange(realmUrl, config.dashboard().clientId(), code, verifier, redirectUri);
        return Response.ok(response.body(), MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }
}
