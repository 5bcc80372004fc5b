package ua.social.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import ua.social.identity.testing.DemoUsers;
import ua.social.identity.testing.Tokens;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The realm's hardening (issue 8, hole 9), against the running Keycloak and in the realm files: brute-force
 * detection, the audience of every staff client's tokens, and demo users kept out of the production realm.
 */
class RealmHardeningTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_USER = System.getenv().getOrDefault("KEYCLOAK_ADMIN_USER", "admin");
    private static final String ADMIN_PASSWORD = System.getenv().getOrDefault("KEYCLOAK_ADMIN_PASSWORD", "admin");
    private static final String ADMIN_API = Tokens.KEYCLOAK_URL + "/admin/realms/" + Tokens.REALM;

    private static RequestSpecification admin() {
        String token = RestAssured.given().baseUri(Tokens.KEYCLOAK_URL).contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", ADMIN_USER).formParam("password", ADMIN_PASSWORD)
                .post("/realms/master/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
        return RestAssured.given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    private static Response passwordGrant(String username, String password) {
        return RestAssured.given().baseUri(Tokens.KEYCLOAK_URL).contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password").formParam("client_id", Tokens.CLIENT_ID)
                .formParam("username", username).formParam("password", password)
                .post("/realms/" + Tokens.REALM + "/protocol/openid-connect/token");
    }

    @Test
    void fiveWrongPasswordsLockAThrowawayAccountForAWhileNotForever() {
        String username = "bruteforce-probe-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Probe-" + UUID.randomUUID();
        Response created = admin().body(Map.of("username", username, "enabled", true, "emailVerified", true,
                        "firstName", "Probe", "lastName", "Throwaway", "email", username + "@probe.example.ua",
                        "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))))
                .post(ADMIN_API + "/users");
        assertEquals(201, created.statusCode(), created.asString());
        String location = created.header("Location");
        String userId = location.substring(location.lastIndexOf('/') + 1);
        try {
            passwordGrant(username, password).then().statusCode(200);
            for (int i = 0; i < 5; i++) {
                passwordGrant(username, "wrong-" + i).then().statusCode(anyOf(equalTo(400), equalTo(401)))
                        .body("error", equalTo("invalid_grant"));
            }
            // Locked: even the right password is refused now, without telling the attacker why.
            passwordGrant(username, password).then().statusCode(anyOf(equalTo(400), equalTo(401)))
                    .body("error", equalTo("invalid_grant")).body("access_token", equalTo(null));
            admin().get(ADMIN_API + "/attack-detection/brute-force/users/" + userId).then().statusCode(200)
                    .body("disabled", equalTo(true));
            // Temporarily: the account itself stays enabled, the lock ends by time (or an admin clears it).
            admin().get(ADMIN_API + "/users/" + userId).then().statusCode(200).body("enabled", equalTo(true));
            admin().delete(ADMIN_API + "/attack-detection/brute-force/users/" + userId).then().statusCode(204);
            passwordGrant(username, password).then().statusCode(200);
        } finally {
            admin().delete(ADMIN_API + "/users/" + userId);
        }
    }

    @Test
    void theRunningRealmLocksTemporarilyWithTheFilesValues() throws IOException {
        JsonNode file = JSON.readTree(Path.of("realm/social-services-realm.json").toFile());
        admin().get(ADMIN_API).then().statusCode(200)
                .body("bruteForceProtected", equalTo(true))
                .body("permanentLockout", equalTo(false))
                .body("failureFactor", equalTo(file.get("failureFactor").asInt()))
                .body("waitIncrementSeconds", equalTo(file.get("waitIncrementSeconds").asInt()))
                .body("maxFailureWaitSeconds", equalTo(file.get("maxFailureWaitSeconds").asInt()));
    }

    private static Set<String> audience(JsonNode token) {
        JsonNode aud = token.get("aud");
        List<String> out = new ArrayList<>();
        if (aud != null && aud.isArray()) {
            aud.forEach(a -> out.add(a.asText()));
        } else if (aud != null) {
            out.add(aud.asText());
        }
        return Set.copyOf(out);
    }

    private static JsonNode exampleToken(String clientId, String username) throws IOException {
        String clientUuid = admin().queryParam("clientId", clientId).get(ADMIN_API + "/clients").then().statusCode(200)
                .extract().path("[0].id");
        String userId = admin().queryParam("username", username).queryParam("exact", true).get(ADMIN_API + "/users")
                .then().statusCode(200).extract().path("[0].id");
        String body = admin().queryParam("userId", userId).queryParam("scope", "openid")
                .get(ADMIN_API + "/clients/" + clientUuid + "/evaluate-scopes/generate-example-access-token")
                .then().statusCode(200).extract().asString();
        return JSON.readTree(body);
    }

    @Test
    void everyStaffClientsTokensCarryTheAudienceOfTheServicesItCalls() throws IOException {
        String payload = Tokens.of(DemoUsers.MANAGER1_POLTAVA).split("\\.")[1];
        JsonNode cli = JSON.readTree(Base64.getUrlDecoder().decode(payload));
        assertTrue(audience(cli).containsAll(Set.of("case-service", "referral-service", "reporting-service")),
                "platform-cli: " + cli.get("aud"));

        JsonNode frontOffice = exampleToken("front-office", DemoUsers.INTAKE_POLTAVA);
        assertTrue(audience(frontOffice).containsAll(Set.of("case-service", "referral-service")),
                "front-office: " + frontOffice.get("aud"));
        JsonNode dashboard = exampleToken("ministry-dashboard", DemoUsers.ANALYST);
        assertTrue(audience(dashboard).contains("reporting-service"), "ministry-dashboard: " + dashboard.get("aud"));
    }

    @Test
    void theProductionRealmFileHasNoPersonAccountsAndTheDemoUsersLiveApart() throws IOException {
        JsonNode realm = JSON.readTree(Path.of("realm/social-services-realm.json").toFile());
        assertTrue(realm.get("bruteForceProtected").asBoolean());
        for (JsonNode u : realm.path("users")) {
            assertTrue(u.hasNonNull("serviceAccountClientId"), "a person account in the production realm: " + u.get("username"));
            assertTrue(u.path("credentials").isEmpty(), "credentials in the production realm: " + u.get("username"));
        }
        JsonNode demo = JSON.readTree(Path.of("realm/demo-users.json").toFile());
        assertEquals("social-services", demo.get("realm").asText());
        List<String> names = new ArrayList<>();
        demo.get("users").forEach(u -> names.add(u.get("username").asText()));
        assertEquals(List.of(DemoUsers.INTAKE_POLTAVA, DemoUsers.MANAGER1_POLTAVA, DemoUsers.MANAGER2_POLTAVA,
                DemoUsers.SUPERVISOR_POLTAVA, DemoUsers.INTAKE_VINNYTSIA, DemoUsers.MANAGER1_VINNYTSIA,
                DemoUsers.MANAGER2_VINNYTSIA, DemoUsers.SUPERVISOR_VINNYTSIA, DemoUsers.ANALYST, DemoUsers.ADMIN), names);
    }
}
