package ua.social.cases;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import ua.social.cases.support.Api;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static ua.social.cases.support.Api.as;
import static ua.social.identity.testing.DemoUsers.INTAKE_POLTAVA;
import static ua.social.identity.testing.DemoUsers.MANAGER1_VINNYTSIA;
import static ua.social.identity.testing.DemoUsers.SUPERVISOR_POLTAVA;

/** Opening a case does not tell the caller who exists, who holds which role, or who works where. */
@QuarkusTest
class StaffEnumerationTest {

    @Test
    void anUnknownUserANonManagerAndAnotherCommunitysManagerGetTheSameAnswer() {
        String clientId = Api.registerClient(INTAKE_POLTAVA);
        Set<String> answers = new LinkedHashSet<>();
        for (String caseManager : List.of("nobody.at.all", INTAKE_POLTAVA, SUPERVISOR_POLTAVA, MANAGER1_VINNYTSIA)) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("clientId", clientId);
            b.put("criteria", List.of("ADDITIONAL_RESOURCES_NEEDED"));
            b.put("model", "BROKERAGE");
            b.put("caseManager", caseManager);
            var r = as(INTAKE_POLTAVA).body(b).post("/cases").then().contentType("application/problem+json")
                    .extract().response();
            answers.add(r.statusCode() + " " + r.asString());
        }
        assertEquals(1, answers.size(), "one answer for all: " + answers);
        org.hamcrest.MatcherAssert.assertThat(answers.iterator().next(),
                org.hamcrest.Matchers.startsWith("422 "));
        org.hamcrest.MatcherAssert.assertThat(answers.iterator().next(),
                org.hamcrest.Matchers.containsString("\"field\":\"caseManager\""));
        // Nothing was opened for the client.
        as(SUPERVISOR_POLTAVA).get("/cases?size=200").then()
                .body("items.findAll { it.clientId == '" + clientId + "' }.size()", org.hamcrest.Matchers.equalTo(0));
    }
}
