package ua.social.identity.testing;

import io.restassured.RestAssured;
import io.restassured.response.Response;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens from the real Keycloak brought up by {@code ./platform test}, for the demo users,
 * through the {@code platform-cli} client (direct access grants). Cached until shortly before expiry.
 */
public final class Tokens {

    public static final String KEYCLOAK_URL = System.getProperty("keycloak.url",
            System.getenv().getOrDefault("KEYCLOAK_URL", "http://localhost:8180"));
    public static final String REALM = "social-services";
    public static final String CLIENT_ID = "platform-cli";

    private record Cached(String token, Instant expires) {
    }

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** An access token for a demo user (password {@link DemoUsers#PASSWORD}). */
    public static String of(String username) {
        Cached c = CACHE.get(username);
        if (c != null && Instant.now().isBefore(c.expires())) {
            return c.token();
        }
        Response r = RestAssured.given()
                .baseUri(KEYCLOAK_URL)
                .contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password")
                .formParam("client_id", CLIENT_ID)
                .formParam("username", username)
                .formParam("password", DemoUsers.PASSWORD)
                .post("/realms/" + REALM + "/protocol/openid-connect/token");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + username + ": "
                    + r.statusCode() + " " + r.asString());
        }
        String token = r.jsonPath().getString("access_token");
        int expiresIn = r.jsonPath().getInt("expires_in");
        CACHE.put(username, new Cached(token, Instant.now().plusSeconds(Math.max(5, expiresIn - 30))));
        return token;
    }

    /**
     * A token Keycloak issues to a confidential client for itself (client credentials): validly signed by
     * the realm, but meant for no service of the platform (its audience is {@code account}).
     */
    public static String clientCredentials(String clientId, String secret) {
        Response r = RestAssured.given()
                .baseUri(KEYCLOAK_URL)
                .contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .post("/realms/" + REALM + "/protocol/openid-connect/token");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused client credentials for " + clientId + ": "
                    + r.statusCode() + " " + r.asString());
        }
        return r.jsonPath().getString("access_token");
    }

    /** The claims of a token (its payload, not verified). */
    public static io.restassured.path.json.JsonPath claims(String token) {
        return io.restassured.path.json.JsonPath.from(new String(java.util.Base64.getUrlDecoder()
                .decode(token.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** "Bearer ..." for the Authorization header. */
    public static String bearer(String username) {
        return "Bearer " + of(username);
    }
}
