package ua.social.reporting;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import ua.social.identity.testing.AuthorizationMatrix;
import ua.social.identity.testing.AuthorizationMatrix.Call;
import ua.social.identity.testing.AuthorizationMatrix.Caller;
import ua.social.identity.testing.AuthorizationMatrix.Recipe;
import ua.social.identity.testing.DemoUsers;
import ua.social.identity.testing.Tokens;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every cell of reporting-service's rows of docs/security/authorization-matrix.csv against this service.
 * The "record" is the statistics of the Poltava community; a replay is started by the admin's cell and
 * awaited. Reporting has no partner access: the key columns present well-formed keys it does not know.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    private static final String SERVICE = "reporting-service";
    private static final String UNKNOWN_KEY = "rsk_0123abcd_" + "x".repeat(43);

    private static String admin() {
        return Tokens.bearer(DemoUsers.ADMIN);
    }

    static boolean noReplayRunning() {
        List<String> statuses = given().header("Authorization", admin()).get("/admin/replays").then().statusCode(200)
                .extract().jsonPath().getList("status");
        return !statuses.contains("RUNNING");
    }

    /** A recipe per operation: shared with {@link FuzzTest}, which starts from these requests. */
    static Map<String, Recipe> recipes() {
        String own = "?from=2019-01-01&to=2019-12-31&hromada=" + DemoUsers.POLTAVA_HROMADA;
        Map<String, Recipe> recipes = new HashMap<>();
        recipes.put("GET /me", k -> Call.of("/me"));
        recipes.put("GET /statistics", k -> Call.of("/statistics" + own));
        recipes.put("GET /statistics/{table}", k -> Call.of("/statistics/applicants" + own));
        recipes.put("GET /reports/regional-project", k -> Call.of("/reports/regional-project" + own));
        recipes.put("POST /admin/replays", k -> Call.of("/admin/replays"));
        recipes.put("GET /admin/replays", k -> Call.of("/admin/replays"));
        recipes.put("GET /admin/replays/{id}", k -> Call.of("/admin/replays/" + given().header("Authorization", admin())
                .get("/admin/replays").then().statusCode(200).extract().path("[0].id")));
        recipes.put("GET /admin/consumer", k -> Call.of("/admin/consumer"));
        recipes.put("GET /admin/dead-letters", k -> Call.of("/admin/dead-letters"));
        // A dead letter that does not exist: the operator gets 404, everyone else is refused before that.
        recipes.put("GET /admin/dead-letters/{id}", k -> Call.of("/admin/dead-letters/case.events.dlt:0:999999999"));
        recipes.put("POST /admin/dead-letters/{id}/redrive",
                k -> Call.of("/admin/dead-letters/case.events.dlt:0:999999999/redrive"));
        recipes.put("GET /dashboard-api/config", k -> Call.of("/dashboard-api/config"));
        recipes.put("GET /dashboard-api/communities", k -> Call.of("/dashboard-api/communities?oblast=UA-53"));
        // A code Keycloak never issued: the relay passes it on and answers Keycloak's refusal (400) for every caller
        // alike, it needs no token.
        recipes.put("POST /dashboard-api/token", k -> Call.form("/dashboard-api/token", Map.of("code", "not-a-real-code",
                "code_verifier", "v".repeat(43), "redirect_uri", "http://localhost:8083/dashboard/")));

        return recipes;
    }

    /** Reporting knows no partner key: every key column presents a well-formed one it does not know. */
    static Map<Caller, String> keys() {
        Map<Caller, String> keys = new EnumMap<>(Caller.class);
        for (Caller c : List.of(Caller.PARTNER_KEY, Caller.OTHER_PARTNER_KEY, Caller.REVOKED_KEY,
                Caller.ROTATED_KEY_PAST_GRACE)) {
            keys.put(c, UNKNOWN_KEY);
        }
        return keys;
    }

    @Test
    void everyCellOfTheMatrixAnswersItsExpectedStatus() {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(AuthorizationMatrixTest::noReplayRunning);
        try {
            int cells = AuthorizationMatrix.check(SERVICE, recipes(), keys());
            assertEquals(AuthorizationMatrix.rows(SERVICE).size() * Caller.values().length, cells);
        } finally {
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                    .until(AuthorizationMatrixTest::noReplayRunning);
        }
    }

    @Test
    void everyOperationOfTheOpenApiDocumentIsInTheMatrix() {
        List<String> problems = AuthorizationMatrix.missingFromMatrix(SERVICE);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
