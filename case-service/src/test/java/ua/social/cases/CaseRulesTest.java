package ua.social.cases;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import ua.social.cases.support.Api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static ua.social.cases.support.Api.as;
import static ua.social.cases.support.Api.consent;
import static ua.social.identity.testing.DemoUsers.ANALYST;
import static ua.social.identity.testing.DemoUsers.INTAKE_POLTAVA;
import static ua.social.identity.testing.DemoUsers.INTAKE_VINNYTSIA;
import static ua.social.identity.testing.DemoUsers.MANAGER1_POLTAVA;
import static ua.social.identity.testing.DemoUsers.MANAGER1_VINNYTSIA;
import static ua.social.identity.testing.DemoUsers.MANAGER2_POLTAVA;
import static ua.social.identity.testing.DemoUsers.MANAGER2_VINNYTSIA;
import static ua.social.identity.testing.DemoUsers.SUPERVISOR_POLTAVA;
import static ua.social.identity.testing.DemoUsers.SUPERVISOR_VINNYTSIA;

/** The rules a case must obey: criteria, caseload, legal moves, reach, concurrency, retries. */
@QuarkusTest
class CaseRulesTest {

    private static Map<String, Object> openBody(String clientId, List<String> criteria, String model) {
        Map<String, Object> b = new HashMap<>();
        b.put("clientId", clientId);
        b.put("criteria", criteria);
        b.put("model", model);
        b.put("consent", consent());
        return b;
    }

    @Test
    void aCaseNeedsACriterionUnlessASupervisorGivesAReason() {
        String clientId = Api.registerClient(INTAKE_POLTAVA);
        as(INTAKE_POLTAVA).body(openBody(clientId, List.of(), "BROKERAGE")).post("/cases").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", containsString("opening-criteria-missing"))
                .body("errors[0].field", equalTo("criteria"));
        Map<String, Object> withReason = openBody(clientId, List.of(), "BROKERAGE");
        withReason.put("openingOverrideReason", "Гостра криза, рішення супервізора");
        as(INTAKE_POLTAVA).body(withReason).post("/cases").then().statusCode(403)
                .body("type", containsString("supervisor-required"));
        as(SUPERVISOR_POLTAVA).body(withReason).post("/cases").then().statusCode(201)
                .body("criteria", org.hamcrest.Matchers.empty())
                .body("openingOverrideReason", equalTo("Гостра криза, рішення супервізора"));
    }

    @Test
    void moreThanThreeProblemsMustBeRecorded() {
        String clientId = Api.registerClient(INTAKE_POLTAVA);
        String appealId = Api.recordAppeal(INTAKE_POLTAVA, clientId, List.of("HOUSING", "EMPLOYMENT"));
        Map<String, Object> b = openBody(null, List.of("MORE_THAN_THREE_PROBLEMS_LONG_TERM"), "STRENGTHS_BASED");
        b.remove("clientId");
        b.put("appealId", appealId);
        as(INTAKE_POLTAVA).body(b).post("/cases").then().statusCode(422)
                .body("type", containsString("criterion-not-met"));
        as(INTAKE_POLTAVA).get("/appeals/" + appealId).then().body("outcome", equalTo("PENDING"));
    }

    @Test
    void assigningPastTheCaseloadLimitIsRefusedUnlessASupervisorOverrides() {
        int active = as(SUPERVISOR_VINNYTSIA).queryParam("caseManager", MANAGER2_VINNYTSIA).get("/caseload")
                .then().statusCode(200).extract().path("[0].activeCases");
        for (int i = active; i < 10; i++) {
            Api.openCase(INTAKE_VINNYTSIA, MANAGER2_VINNYTSIA, "CLINICAL");
        }
        as(SUPERVISOR_VINNYTSIA).queryParam("caseManager", MANAGER2_VINNYTSIA).get("/caseload").then()
                .body("[0].activeCases", equalTo(10)).body("[0].byModel.CLINICAL", equalTo(10 - active + 0))
                .body("[0].strictestLimit", equalTo(10));

        Map<String, Object> eleventh = openBody(Api.registerClient(INTAKE_VINNYTSIA),
                List.of("CANNOT_REACH_VITAL_SERVICE_ALONE"), "CLINICAL");
        eleventh.put("caseManager", MANAGER2_VINNYTSIA);
        as(INTAKE_VINNYTSIA).body(eleventh).post("/cases").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("caseload-limit-reached"))
                .body("activeCases", equalTo(10)).body("limit", equalTo(10)).body("model", equalTo("CLINICAL"));
        // Nothing was stored: the case manager still carries 10.
        as(SUPERVISOR_VINNYTSIA).queryParam("caseManager", MANAGER2_VINNYTSIA).get("/caseload").then()
                .body("[0].activeCases", equalTo(10));
        // A reason from the front office is not an override.
        eleventh.put("caseloadOverrideReason", "дуже треба");
        as(INTAKE_VINNYTSIA).body(eleventh).post("/cases").then().statusCode(409);
        // The supervisor may, with a written reason, and the reason is on the timeline.
        eleventh.put("caseloadOverrideReason", "Колега у відпустці, тимчасово");
        String caseId = as(SUPERVISOR_VINNYTSIA).body(eleventh).post("/cases").then().statusCode(201)
                .body("caseManager.username", equalTo(MANAGER2_VINNYTSIA)).extract().path("id");
        as(SUPERVISOR_VINNYTSIA).get("/cases/" + caseId + "/timeline").then()
                .body("items.find { it.type == 'CASE_MANAGER_ASSIGNED' }.details.caseloadOverrideReason",
                        equalTo("Колега у відпустці, тимчасово"));
        // A brokerage case (limit 35) still fits.
        Api.openCase(INTAKE_VINNYTSIA, MANAGER2_VINNYTSIA, "BROKERAGE");
    }

    @Test
    void anIllegalMoveIs409NamingTheCurrentAndAllowedStages() {
        String caseId = Api.openCase(INTAKE_POLTAVA, MANAGER1_POLTAVA, "BROKERAGE");
        as(MANAGER1_POLTAVA).body(Map.of("stage", "IMPLEMENTATION")).post("/cases/" + caseId + "/stage")
                .then().statusCode(409).contentType("application/problem+json")
                .body("currentStage", equalTo("CONTACT"))
                .body("allowedMoves", contains("ASSESSMENT", "CLOSED"))
                .body("allowedStages", contains("ASSESSMENT", "CLOSED")) // deprecated alias
                .body("detail", containsString("CONTACT"));
        // Closing goes through /closure; the 409 names the same allowed moves under the same name.
        as(MANAGER1_POLTAVA).body(Map.of("stage", "CLOSED")).post("/cases/" + caseId + "/stage")
                .then().statusCode(409).body("title", equalTo("Use closure"))
                .body("allowedMoves", contains("ASSESSMENT", "CLOSED"));
        // Planning needs an assessment first.
        as(MANAGER1_POLTAVA).body(Map.of("stage", "ASSESSMENT")).post("/cases/" + caseId + "/stage").then().statusCode(200);
        as(MANAGER1_POLTAVA).body(Map.of("stage", "PLANNING")).post("/cases/" + caseId + "/stage").then().statusCode(422)
                .body("type", containsString("assessment-required"));
        // Closed: only reopening, by a supervisor.
        as(MANAGER1_POLTAVA).body(Map.of("reason", "MOVED_AWAY", "outcomeEvaluation", "Переїхала до Львова"))
                .post("/cases/" + caseId + "/closure").then().statusCode(200);
        as(MANAGER1_POLTAVA).body(Map.of("stage", "ASSESSMENT")).post("/cases/" + caseId + "/stage")
                .then().statusCode(409).body("currentStage", equalTo("CLOSED"))
                .body("allowedMoves", contains("ASSESSMENT")).body("allowedStages", contains("ASSESSMENT"));
        as(MANAGER1_POLTAVA).body(Map.of("reason", "Повернулася")).post("/cases/" + caseId + "/reopening")
                .then().statusCode(403);
        as(SUPERVISOR_POLTAVA).body(Map.of("reason", "Повернулася")).post("/cases/" + caseId + "/reopening")
                .then().statusCode(200).body("stage", equalTo("ASSESSMENT"));
    }

    @Test
    void aCaseOutsideYourReachIs404AndTeamMembershipOpensIt() {
        String caseId = Api.openCase(INTAKE_POLTAVA, MANAGER1_POLTAVA, "INTENSIVE");
        for (String outsider : List.of(MANAGER1_VINNYTSIA, SUPERVISOR_VINNYTSIA, MANAGER2_POLTAVA)) {
            as(outsider).get("/cases/" + caseId).then().statusCode(404).contentType("application/problem+json")
                    .body("detail", containsString("outside your reach"));
            as(outsider).get("/cases/" + caseId + "/timeline").then().statusCode(404);
        }
        as(MANAGER1_VINNYTSIA).get("/cases/" + UUID.randomUUID()).then().statusCode(404);
        as(ANALYST).get("/cases/" + caseId).then().statusCode(403);
        as(INTAKE_POLTAVA).get("/cases/" + caseId).then().statusCode(403);
        as(MANAGER2_POLTAVA).get("/cases").then().statusCode(200).body("items.id", not(hasItem(caseId)));

        as(MANAGER1_POLTAVA).body(Map.of("arrangement", "TRANSDISCIPLINARY", "members", List.of(
                        Map.of("kind", "STAFF", "username", MANAGER2_POLTAVA, "specialty", "психолог"),
                        Map.of("kind", "PARTNER", "name", "Лікарня №3, соціальний працівник"))))
                .put("/cases/" + caseId + "/team").then().statusCode(200)
                .body("team.name", hasItem("Андрій Шевчук"));
        as(MANAGER2_POLTAVA).get("/cases/" + caseId).then().statusCode(200);
        as(MANAGER2_POLTAVA).get("/cases").then().body("items.id", hasItem(caseId));
    }

    @Test
    void everyReadOfACaseFileIsInTheAccessLog() {
        String caseId = Api.openCase(INTAKE_POLTAVA, MANAGER1_POLTAVA, "BROKERAGE");
        as(MANAGER1_POLTAVA).get("/cases/" + caseId).then().statusCode(200);
        as(MANAGER1_POLTAVA).get("/cases/" + caseId + "/timeline").then().statusCode(200);
        as(SUPERVISOR_POLTAVA).get("/cases/" + caseId + "/access-log").then().statusCode(200)
                .body("items.action", contains("timeline", "case file", "case opened"))
                .body("items.username", contains(MANAGER1_POLTAVA, MANAGER1_POLTAVA, INTAKE_POLTAVA));
        as(MANAGER1_POLTAVA).get("/cases/" + caseId + "/access-log").then().statusCode(403);
    }

    @Test
    void aStaleChangeToACaseIsRefused() {
        String caseId = Api.openCase(INTAKE_POLTAVA, MANAGER1_POLTAVA, "BROKERAGE");
        String etag = as(SUPERVISOR_POLTAVA).get("/cases/" + caseId).header("ETag");
        as(MANAGER1_POLTAVA).header("If-Match", etag).body(Map.of("stage", "ASSESSMENT"))
                .post("/cases/" + caseId + "/stage").then().statusCode(200);
        as(SUPERVISOR_POLTAVA).header("If-Match", etag).body(Map.of("caseManager", MANAGER2_POLTAVA))
                .put("/cases/" + caseId + "/assignment").then().statusCode(412)
                .body("type", containsString("stale-version"));
        as(SUPERVISOR_POLTAVA).get("/cases/" + caseId).then().body("caseManager.username", equalTo(MANAGER1_POLTAVA));
    }

    @Test
    void retryingAnOpeningWithTheSameKeyOpensOneCase() {
        String clientId = Api.registerClient(INTAKE_POLTAVA);
        Map<String, Object> b = openBody(clientId, List.of("ADDITIONAL_RESOURCES_NEEDED"), "BROKERAGE");
        b.put("caseManager", MANAGER1_POLTAVA);
        String key = UUID.randomUUID().toString();
        String first = as(INTAKE_POLTAVA).header("Idempotency-Key", key).body(b).post("/cases")
                .then().statusCode(201).extract().path("id");
        String second = as(INTAKE_POLTAVA).header("Idempotency-Key", key).body(b).post("/cases")
                .then().statusCode(201).extract().path("id");
        org.junit.jupiter.api.Assertions.assertEquals(first, second);
        as(MANAGER1_POLTAVA).get("/cases?size=200").then()
                .body("items.findAll { it.clientId == '" + clientId + "' }.size()", equalTo(1));
    }

    @Test
    void aTransferKeepsTheHistoryAndMovesTheReach() {
        String caseId = Api.openCase(INTAKE_POLTAVA, MANAGER1_POLTAVA, "STRENGTHS_BASED");
        as(SUPERVISOR_POLTAVA).body(Map.of("toOblast", "UA-05", "toHromada", "UA05020030000031457",
                        "toCaseManager", MANAGER1_VINNYTSIA, "reason", "Родина переїхала до Вінниці"))
                .post("/cases/" + caseId + "/transfer").then().statusCode(200)
                .body("hromada", equalTo("UA05020030000031457"))
                .body("caseManager.username", equalTo(MANAGER1_VINNYTSIA));
        as(MANAGER1_VINNYTSIA).get("/cases/" + caseId + "/timeline").then().statusCode(200)
                .body("items.type", contains("CASE_OPENED", "CONSENT_CHANGED", "CASE_MANAGER_ASSIGNED",
                        "CASE_MANAGER_ASSIGNED", "CASE_TRANSFERRED"));
        as(MANAGER1_POLTAVA).get("/cases/" + caseId).then().statusCode(404);
        as(SUPERVISOR_POLTAVA).get("/cases/" + caseId).then().statusCode(404);
        as(SUPERVISOR_VINNYTSIA).get("/cases/" + caseId).then().statusCode(200);
    }

    @Test
    void overdueActionsAreListedPerCaseManagerAndCommunity() {
        String caseId = Api.openCase(INTAKE_POLTAVA, MANAGER2_POLTAVA, "BROKERAGE");
        as(MANAGER2_POLTAVA).body(Map.of("stage", "ASSESSMENT")).post("/cases/" + caseId + "/stage").then().statusCode(200);
        as(MANAGER2_POLTAVA).body(Map.of("needs", List.of(Map.of("domain", "EMPLOYMENT", "severity", "HIGH"))))
                .post("/cases/" + caseId + "/assessments").then().statusCode(201);
        as(MANAGER2_POLTAVA).body(Map.of("stage", "PLANNING")).post("/cases/" + caseId + "/stage").then().statusCode(200);
        as(MANAGER2_POLTAVA).body(Map.of("goals", List.of(Map.of("description", "Робота", "needDomains", List.of("EMPLOYMENT"),
                        "actions", List.of(
                                Map.of("description", "Реєстрація в центрі зайнятості", "responsibleKind", "PARTNER_ORGANISATION",
                                        "responsible", "Полтавський центр зайнятості",
                                        "deadline", java.time.LocalDate.now().minusDays(3).toString()),
                                Map.of("description", "Резюме", "responsibleKind", "CLIENT", "responsible", "клієнтка",
                                        "deadline", java.time.LocalDate.now().plusDays(3).toString()))))))
                .post("/cases/" + caseId + "/plan/revisions").then().statusCode(201);
        as(MANAGER2_POLTAVA).get("/plan-actions/overdue").then().statusCode(200)
                .body("findAll { it.caseId == '" + caseId + "' }.description", contains("Реєстрація в центрі зайнятості"));
        as(SUPERVISOR_POLTAVA).queryParam("caseManager", MANAGER2_POLTAVA).get("/plan-actions/overdue").then()
                .statusCode(200).body("caseId", hasItem(caseId));
        as(SUPERVISOR_VINNYTSIA).get("/plan-actions/overdue").then().statusCode(200).body("caseId", not(hasItem(caseId)));
        as(MANAGER2_POLTAVA).queryParam("overdue", "true").get("/cases").then().body("items.id", hasItem(caseId))
                .body("items.find { it.id == '" + caseId + "' }.overdue", equalTo(true));
        as(MANAGER1_POLTAVA).get("/plan-actions/overdue").then().body("caseId", not(hasItem(caseId)));
    }
}
