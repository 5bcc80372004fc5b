package ua.social.cases;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import ua.social.cases.support.Api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static ua.social.cases.support.Api.as;
import static ua.social.identity.testing.DemoUsers.INTAKE_VINNYTSIA;
import static ua.social.identity.testing.DemoUsers.MANAGER2_VINNYTSIA;
import static ua.social.identity.testing.DemoUsers.SUPERVISOR_VINNYTSIA;

/** The caseload limit holds however a case reaches a case manager: opening, reopening or a stricter model. */
@QuarkusTest
class CaseloadBypassTest {

    private static final int CLINICAL_LIMIT = 10;

    private static int activeCases() {
        return as(SUPERVISOR_VINNYTSIA).queryParam("caseManager", MANAGER2_VINNYTSIA).get("/caseload")
                .then().statusCode(200).extract().path("[0].activeCases");
    }

    /** Fills the case manager up to the clinical limit (other tests may have given them cases already). */
    private static void fillToTheClinicalLimit() {
        for (int i = activeCases(); i < CLINICAL_LIMIT; i++) {
            Api.openCase(INTAKE_VINNYTSIA, MANAGER2_VINNYTSIA, "CLINICAL");
        }
    }

    private static String openOverTheLimit(String model) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("clientId", Api.registerClient(INTAKE_VINNYTSIA));
        b.put("criteria", List.of("ADDITIONAL_RESOURCES_NEEDED"));
        b.put("model", model);
        b.put("consent", Api.consent());
        b.put("caseManager", MANAGER2_VINNYTSIA);
        b.put("caseloadOverrideReason", "Тимчасово, до повернення колеги");
        return as(SUPERVISOR_VINNYTSIA).body(b).post("/cases").then().statusCode(201).extract().path("id");
    }

    @Test
    void reopeningACaseOfAFullCaseManagerIsRefusedUnlessTheSupervisorGivesAReason() {
        fillToTheClinicalLimit();
        String caseId = openOverTheLimit("CLINICAL");
        as(MANAGER2_VINNYTSIA).body(Map.of("reason", "GOALS_ACHIEVED", "outcomeEvaluation", "Цілі досягнуто"))
                .post("/cases/" + caseId + "/closure").then().statusCode(200);
        int before = activeCases();

        as(SUPERVISOR_VINNYTSIA).body(Map.of("reason", "Знову звернулася")).post("/cases/" + caseId + "/reopening")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", containsString("caseload-limit-reached"))
                .body("caseManager", equalTo(MANAGER2_VINNYTSIA)).body("limit", equalTo(CLINICAL_LIMIT));
        as(SUPERVISOR_VINNYTSIA).get("/cases/" + caseId).then().body("stage", equalTo("CLOSED"));
        org.junit.jupiter.api.Assertions.assertEquals(before, activeCases(), "a refused reopening changes nothing");

        as(SUPERVISOR_VINNYTSIA).body(Map.of("reason", "Знову звернулася",
                        "caseloadOverrideReason", "Кризова ситуація, знає клієнтку"))
                .post("/cases/" + caseId + "/reopening").then().statusCode(200).body("stage", equalTo("ASSESSMENT"));
        as(SUPERVISOR_VINNYTSIA).get("/cases/" + caseId + "/timeline?size=200").then()
                .body("items.find { it.type == 'CASE_REOPENED' }.details.caseloadOverrideReason",
                        equalTo("Кризова ситуація, знає клієнтку"))
                .body("items.find { it.type == 'CASE_REOPENED' }.details.reason", equalTo("Знову звернулася"));
    }

    @Test
    void changingOnlyTheModelToAStricterOneIsRefusedPastItsLimitUnlessTheSupervisorGivesAReason() {
        fillToTheClinicalLimit();
        String caseId = Api.openCase(INTAKE_VINNYTSIA, MANAGER2_VINNYTSIA, "BROKERAGE");

        as(SUPERVISOR_VINNYTSIA).body(Map.of("caseManager", MANAGER2_VINNYTSIA, "model", "CLINICAL"))
                .put("/cases/" + caseId + "/assignment").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("caseload-limit-reached")).body("model", equalTo("CLINICAL"));
        as(SUPERVISOR_VINNYTSIA).get("/cases/" + caseId).then().body("model", equalTo("BROKERAGE"));

        as(SUPERVISOR_VINNYTSIA).body(Map.of("caseManager", MANAGER2_VINNYTSIA, "model", "CLINICAL",
                        "caseloadOverrideReason", "Потрібен клінічний супровід, інших фахівців немає"))
                .put("/cases/" + caseId + "/assignment").then().statusCode(200).body("model", equalTo("CLINICAL"))
                .body("caseManager.username", equalTo(MANAGER2_VINNYTSIA));
        as(SUPERVISOR_VINNYTSIA).get("/cases/" + caseId + "/timeline?size=200").then()
                .body("items.find { it.type == 'MODEL_CHANGED' }.details.caseloadOverrideReason",
                        equalTo("Потрібен клінічний супровід, інших фахівців немає"))
                .body("items.find { it.type == 'MODEL_CHANGED' }.details.to", equalTo("CLINICAL"));
    }
}
