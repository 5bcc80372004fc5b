package ua.social.cases;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import ua.social.cases.support.Api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static ua.social.cases.support.Api.as;
import static ua.social.identity.testing.DemoUsers.INTAKE_POLTAVA;
import static ua.social.identity.testing.DemoUsers.MANAGER2_POLTAVA;
import static ua.social.identity.testing.DemoUsers.SUPERVISOR_POLTAVA;

/**
 * When the staff directory (Keycloak's admin API) cannot be reached, what needs it answers 503 with
 * Retry-After as problem+json and changes nothing; what does not need it keeps working. Tokens are
 * still checked against the real Keycloak: only the directory's address points nowhere.
 */
@QuarkusTest
@TestProfile(StaffDirectoryOutageTest.DirectoryUnreachable.class)
class StaffDirectoryOutageTest {

    public static class DirectoryUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // port 9 (discard) has no listener here: the connection is refused at once
            return Map.of("case.staff-directory.keycloak-url", "http://127.0.0.1:9");
        }
    }

    @Test
    void openingACaseForANamedCaseManagerIs503WithRetryAfterAndCreatesNothing() {
        String clientId = Api.registerClient(INTAKE_POLTAVA);
        String appealId = Api.recordAppeal(INTAKE_POLTAVA, clientId, List.of("HOUSING"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("appealId", appealId);
        body.put("criteria", List.of("ADDITIONAL_RESOURCES_NEEDED"));
        body.put("model", "BROKERAGE");
        body.put("caseManager", MANAGER2_POLTAVA);
        body.put("consent", Api.consent());

        as(INTAKE_POLTAVA).body(body).post("/cases").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "15")
                .body("type", containsString("/problems/staff-directory-unavailable"))
                .body("retryAfterSeconds", equalTo(15));
        // the case was not opened: the appeal still waits
        as(INTAKE_POLTAVA).get("/appeals/" + appealId).then().statusCode(200).body("outcome", equalTo("PENDING"));

        // a supervisor's caseload view needs the directory too
        as(SUPERVISOR_POLTAVA).get("/caseload").then().statusCode(503).header("Retry-After", "15")
                .contentType("application/problem+json");

        // opening without naming a case manager does not need it
        body.remove("caseManager");
        as(INTAKE_POLTAVA).body(body).post("/cases").then().statusCode(201);
    }
}
