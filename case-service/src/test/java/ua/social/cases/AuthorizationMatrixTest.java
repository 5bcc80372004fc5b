package ua.social.cases;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import ua.social.identity.testing.AuthorizationMatrix;
import ua.social.identity.testing.AuthorizationMatrix.Call;
import ua.social.identity.testing.AuthorizationMatrix.Caller;
import ua.social.identity.testing.AuthorizationMatrix.Recipe;
import ua.social.identity.testing.Tokens;
import ua.social.cases.support.Api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.restassured.RestAssured.given;
import static ua.social.cases.support.Api.as;
import static ua.social.cases.support.Api.consent;
import static ua.social.cases.support.Api.registerClient;
import static ua.social.identity.testing.DemoUsers.INTAKE_POLTAVA;
import static ua.social.identity.testing.DemoUsers.MANAGER1_POLTAVA;
import static ua.social.identity.testing.DemoUsers.MANAGER1_VINNYTSIA;
import static ua.social.identity.testing.DemoUsers.MANAGER2_POLTAVA;
import static ua.social.identity.testing.DemoUsers.POLTAVA_HROMADA;
import static ua.social.identity.testing.DemoUsers.SUPERVISOR_POLTAVA;
import static ua.social.identity.testing.DemoUsers.SUPERVISOR_VINNYTSIA;
import static ua.social.identity.testing.DemoUsers.VINNYTSIA_HROMADA;
import static ua.social.identity.testing.DemoUsers.VINNYTSIA_OBLAST;

/**
 * Every cell of case-service's rows of docs/security/authorization-matrix.csv against this service, with
 * real records of the Poltava community: a client, a household, an appeal, and a case of manager1.poltava
 * with consent, an assessment and a plan. Operations that change their record get a fresh one per cell.
 * case-service has no partner access: the key columns present well-formed keys it does not know.
 * Successful answers to callers outside the community must not show the record (checked by id or name).
 */
@QuarkusTest
class AuthorizationMatrixTest {

    private static final String SERVICE = "case-service";
    private static final String UNKNOWN_KEY = "rsk_0123abcd_" + "x".repeat(43);
    /** Cases this test opened: closed at the end, so they do not fill the caseloads other tests rely on. */
    private static final List<String> OPENED = new ArrayList<>();

    /** A case of a new Poltava client, opened by the supervisor for manager1.poltava (over any caseload limit). */
    private static String freshCase() {
        String clientId = registerClient(INTAKE_POLTAVA);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", clientId);
        body.put("criteria", List.of("ADDITIONAL_RESOURCES_NEEDED"));
        body.put("model", "BROKERAGE");
        body.put("consent", consent());
        body.put("caseManager", MANAGER1_POLTAVA);
        body.put("caseloadOverrideReason", "Матриця доступу: тестовий випадок");
        String id = as(SUPERVISOR_POLTAVA).body(body).post("/cases").then().statusCode(201).extract().path("id");
        OPENED.add(id);
        return id;
    }

    static void closeTheCasesThisTestOpened() {
        Map<String, Object> closure = Map.of("reason", "OTHER", "outcomeEvaluation", "Матриця доступу перевірена");
        for (String id : OPENED) {
            for (String supervisor : List.of(SUPERVISOR_POLTAVA, SUPERVISOR_VINNYTSIA)) {
                String stage = as(supervisor).get("/cases/" + id).then().extract().path("stage");
                if (stage != null) {
                    if (!"CLOSED".equals(stage)) {
                        as(supervisor).body(closure).post("/cases/" + id + "/closure").then().statusCode(200);
                    }
                    break;
                }
            }
        }
    }

    private static void move(String caseId, String stage) {
        as(MANAGER1_POLTAVA).body(Map.of("stage", stage)).post("/cases/" + caseId + "/stage").then().statusCode(200);
    }

    private static Map<String, Object> assessment() {
        return Map.of("needs", List.of(Map.of("domain", "HOUSING", "severity", "HIGH", "description", "Немає житла")),
                "strengths", List.of(Map.of("kind", "PERSONAL", "description", "Мотивована")),
                "risks", List.of(Map.of("description", "Борги", "severity", "MODERATE")));
    }

    private static Map<String, Object> plan() {
        return Map.of("reason", "Матриця доступу", "consultationFrequency", "щотижня", "goals", List.of(
                Map.of("description", "Стабільне житло", "needDomains", List.of("HOUSING"),
                        "actions", List.of(Map.of("description", "Заява на житло для ВПО", "responsibleKind", "STAFF",
                                "responsible", MANAGER1_POLTAVA, "deadline", LocalDate.now().plusDays(30).toString())))));
    }

    private static String appeal(String clientId) {
        return Api.recordAppeal(INTAKE_POLTAVA, clientId, List.of("HOUSING"));
    }

    private static Map<String, Object> service() {
        return Map.of("category", "LEGAL", "deliveredOn", LocalDate.now().toString(),
                "provider", "Центр безоплатної правничої допомоги", "description", "Консультація");
    }

    /** The records and a recipe per operation: shared with {@link FuzzTest}, which starts from these requests. */
    static Map<String, Recipe> recipes() {
        // The shared records of the Poltava community.
        Map<String, Object> person = Api.client("Матрична-" + Api.letters((int) (System.nanoTime() % 100000)), "Олена",
                Api.uniqueBirthDate());
        person.put("confirmedNotDuplicate", true);
        String clientId = as(INTAKE_POLTAVA).body(person).post("/clients").then().statusCode(201).extract().path("id");
        String lastName = (String) person.get("lastName");
        String household = as(INTAKE_POLTAVA).body(Map.of("name", "Родина " + lastName, "members",
                List.of(Map.of("clientId", clientId, "relation", "HEAD")))).post("/households")
                .then().statusCode(201).extract().path("id");
        String appealId = appeal(clientId);
        String caseId = freshCase();
        move(caseId, "ASSESSMENT");
        as(MANAGER1_POLTAVA).body(assessment()).post("/cases/" + caseId + "/assessments").then().statusCode(201);
        String assessing = freshCase();
        move(assessing, "ASSESSMENT");
        move(caseId, "PLANNING");
        String actionId = as(MANAGER1_POLTAVA).body(plan()).post("/cases/" + caseId + "/plan/revisions").then()
                .statusCode(201).extract().path("goals[0].actions[0].id");
        String cases = "/cases/" + caseId;

        Map<String, Recipe> recipes = new HashMap<>();
        recipes.put("GET /me", k -> Call.of("/me"));
        recipes.put("GET /admin/dead-letters", k -> Call.of("/admin/dead-letters"));
        // A dead letter that does not exist: the operator gets 404, everyone else is refused before that.
        recipes.put("GET /admin/dead-letters/{id}", k -> Call.of("/admin/dead-letters/referral.events.dlt:0:999999999"));
        recipes.put("POST /admin/dead-letters/{id}/redrive",
                k -> Call.of("/admin/dead-letters/referral.events.dlt:0:999999999/redrive"));
        // Record requests: a reference the duplicate check never issued, a request that does not exist.
        recipes.put("POST /record-requests", k -> Call.json("/record-requests",
                Map.of("reference", "unknown-reference-0001", "reason", "Особа переїхала до нашої громади")));
        recipes.put("GET /record-requests", k -> Call.of("/record-requests"));
        recipes.put("GET /record-requests/{id}", k -> Call.of("/record-requests/" + java.util.UUID.randomUUID()));
        recipes.put("POST /record-requests/{id}/decision", k -> Call.json("/record-requests/"
                + java.util.UUID.randomUUID() + "/decision", Map.of("decision", "DECLINED")));
        recipes.put("GET /reference-data", k -> Call.of("/reference-data"));
        recipes.put("GET /reference-data/{kind}", k -> Call.of("/reference-data/case-management-models"));
        recipes.put("POST /clients", k -> {
            Map<String, Object> body = Api.client("Нова-" + Api.letters((int) (System.nanoTime() % 1000000)), "Ірина",
                    Api.uniqueBirthDate());
            body.put("confirmedNotDuplicate", true);
            return Call.json("/clients", body);
        });
        recipes.put("GET /clients", k -> Call.of("/clients?name=" + lastName).hiding(clientId));
        recipes.put("GET /clients/likely-duplicates", k -> Call.of("/clients/likely-duplicates?lastName=" + lastName
                + "&firstName=Олена&dateOfBirth=" + person.get("dateOfBirth")).hiding(lastName));
        recipes.put("GET /clients/{id}", k -> Call.of("/clients/" + clientId));
        recipes.put("PUT /clients/{id}", k -> Call.json("/clients/" + clientId, person));
        recipes.put("GET /clients/{id}/access-log", k -> Call.of("/clients/" + clientId + "/access-log"));
        recipes.put("POST /households", k -> Call.json("/households", Map.of("name", "Родина", "members",
                List.of(Map.of("clientId", registerClient(INTAKE_POLTAVA), "relation", "HEAD")))));
        recipes.put("GET /households/{id}", k -> Call.of("/households/" + household));
        recipes.put("POST /households/{id}/members", k -> Call.json("/households/" + household + "/members",
                Map.of("clientId", registerClient(INTAKE_POLTAVA), "relation", "CHILD")));
        recipes.put("POST /appeals", k -> Call.json("/appeals", Map.of("clientId", clientId, "channel", "IN_PERSON",
                "location", "Фронт-офіс ЦНАП", "needDomains", List.of("HOUSING"), "description", "Повторне звернення")));
        recipes.put("GET /appeals", k -> Call.of("/appeals?clientId=" + clientId).hiding(appealId));
        recipes.put("GET /appeals/{id}", k -> Call.of("/appeals/" + appealId));
        recipes.put("POST /appeals/{id}/resolution", k -> Call.json("/appeals/" + appeal(clientId) + "/resolution",
                Map.of("outcome", "INFORMATION_PROVIDED")));
        recipes.put("POST /appeals/{id}/services", k -> Call.json("/appeals/" + appealId + "/services", service()));
        recipes.put("GET /appeals/{id}/services", k -> Call.of("/appeals/" + appealId + "/services"));

        recipes.put("POST /cases", k -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("clientId", registerClient(INTAKE_POLTAVA));
            body.put("criteria", List.of("ADDITIONAL_RESOURCES_NEEDED"));
            body.put("model", "BROKERAGE");
            body.put("consent", consent());
            body.put("caseManager", MANAGER2_POLTAVA);
            return Call.json("/cases", body);
        });
        recipes.put("GET /cases", k -> Call.of("/cases?size=200").hiding(caseId));
        recipes.put("GET /cases/{id}", k -> Call.of(cases));
        recipes.put("PUT /cases/{id}/assignment", k -> Call.json("/cases/" + freshCase() + "/assignment",
                Map.of("caseManager", MANAGER2_POLTAVA, "caseloadOverrideReason", "Матриця доступу")));
        recipes.put("POST /cases/{id}/transfer", k -> Call.json("/cases/" + freshCase() + "/transfer",
                Map.of("toOblast", VINNYTSIA_OBLAST, "toHromada", VINNYTSIA_HROMADA, "toCaseManager", MANAGER1_VINNYTSIA,
                        "reason", "Родина переїхала", "caseloadOverrideReason", "Матриця доступу")));
        recipes.put("PUT /cases/{id}/team", k -> Call.json(cases + "/team", Map.of("arrangement", "TRANSDISCIPLINARY",
                "members", List.of(Map.of("kind", "STAFF", "username", MANAGER2_POLTAVA, "specialty", "психолог"),
                        Map.of("kind", "PARTNER", "name", "Лікарня №3, соціальний працівник")))));
        recipes.put("POST /cases/{id}/stage", k -> Call.json("/cases/" + freshCase() + "/stage", Map.of("stage", "ASSESSMENT")));
        recipes.put("POST /cases/{id}/closure", k -> Call.json("/cases/" + freshCase() + "/closure",
                Map.of("reason", "GOALS_ACHIEVED", "outcomeEvaluation", "Мету досягнуто")));
        recipes.put("POST /cases/{id}/reopening", k -> {
            String closed = freshCase();
            as(MANAGER1_POLTAVA).body(Map.of("reason", "GOALS_ACHIEVED", "outcomeEvaluation", "Мету досягнуто"))
                    .post("/cases/" + closed + "/closure").then().statusCode(200);
            return Call.json("/cases/" + closed + "/reopening", Map.of("reason", "Повернулася",
                    "caseloadOverrideReason", "Матриця доступу"));
        });
        recipes.put("PUT /cases/{id}/consent", k -> Call.json(cases + "/consent", consent()));
        recipes.put("POST /cases/{id}/consent/withdrawal", k -> Call.json("/cases/" + freshCase() + "/consent/withdrawal",
                Map.of("sharingOnly", true, "reason", "Клієнтка передумала")));
        recipes.put("POST /cases/{id}/assessments", k -> Call.json("/cases/" + assessing + "/assessments", assessment()));
        recipes.put("GET /cases/{id}/assessments", k -> Call.of(cases + "/assessments"));
        recipes.put("POST /cases/{id}/plan/revisions", k -> Call.json(cases + "/plan/revisions", plan()));
        recipes.put("GET /cases/{id}/plan", k -> Call.of(cases + "/plan"));
        recipes.put("GET /cases/{id}/plan/revisions", k -> Call.of(cases + "/plan/revisions"));
        recipes.put("GET /cases/{id}/plan/revisions/{revision}", k -> Call.of(cases + "/plan/revisions/1"));
        recipes.put("PUT /cases/{id}/plan/actions/{actionId}/status", k -> {
            String fresh = freshCase();
            move(fresh, "ASSESSMENT");
            as(MANAGER1_POLTAVA).body(assessment()).post("/cases/" + fresh + "/assessments").then().statusCode(201);
            move(fresh, "PLANNING");
            String action = as(MANAGER1_POLTAVA).body(plan()).post("/cases/" + fresh + "/plan/revisions").then()
                    .statusCode(201).extract().path("goals[0].actions[0].id");
            return Call.json("/cases/" + fresh + "/plan/actions/" + action + "/status", Map.of("status", "DONE"));
        });
        recipes.put("POST /cases/{id}/services", k -> Call.json(cases + "/services", service()));
        recipes.put("GET /cases/{id}/services", k -> Call.of(cases + "/services"));
        recipes.put("POST /cases/{id}/notes", k -> Call.json(cases + "/notes", Map.of("kind", "MONITORING",
                "text", "Клієнтка на зв'язку", "confidential", false)));
        recipes.put("GET /cases/{id}/notes", k -> Call.of(cases + "/notes"));
        recipes.put("GET /cases/{id}/timeline", k -> Call.of(cases + "/timeline"));
        recipes.put("GET /cases/{id}/access-log", k -> Call.of(cases + "/access-log"));
        recipes.put("GET /caseload", k -> Call.of("/caseload"));
        recipes.put("GET /plan-actions/overdue", k -> Call.of("/plan-actions/overdue"));
        // Imports: a one-line file whose line is refused (a service on a case never imported), so no cell stores
        // records; the job to read is the Poltava supervisor's.
        String importLine = "{\"kind\":\"service\",\"externalId\":\"matrix\",\"case\":\"matrix-no-such-case\","
                + "\"category\":\"LEGAL\",\"deliveredOn\":\"2024-01-10\",\"provider\":\"Матриця\"}";
        String importJob = given().header("Authorization", Tokens.bearer(SUPERVISOR_POLTAVA))
                .contentType("application/x-ndjson").body(importLine.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/imports").then().statusCode(202)
                .extract().path("id");
        recipes.put("POST /imports", k -> new Call("/imports?hromada=" + POLTAVA_HROMADA,
                r -> r.contentType("application/x-ndjson").body(importLine.getBytes(java.nio.charset.StandardCharsets.UTF_8)), null, importLine, "application/x-ndjson"));
        recipes.put("GET /imports/{id}", k -> Call.of("/imports/" + importJob));
        recipes.put("GET /imports/{id}/report", k -> Call.of("/imports/" + importJob + "/report"));
        assertTrue(actionId != null);
        return recipes;
    }

    /** case-service knows no partner key: every key column presents a well-formed one it does not know. */
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
        int cells;
        try {
            cells = AuthorizationMatrix.check(SERVICE, recipes(), keys());
        } finally {
            closeTheCasesThisTestOpened();
        }
        assertEquals(AuthorizationMatrix.rows(SERVICE).size() * Caller.values().length, cells);
    }

    @Test
    void everyOperationOfTheOpenApiDocumentIsInTheMatrix() {
        List<String> problems = AuthorizationMatrix.missingFromMatrix(SERVICE);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
