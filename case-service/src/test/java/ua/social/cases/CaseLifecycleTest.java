package ua.social.cases;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import ua.social.cases.support.CaseEventsReader;
import ua.social.cases.support.CaseEventsReader.Event;
import ua.social.contracts.testing.EventSchemas;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.social.cases.support.Api.as;
import static ua.social.cases.support.Api.client;
import static ua.social.cases.support.Api.consent;
import static ua.social.cases.support.Api.uniqueBirthDate;
import static ua.social.identity.testing.DemoUsers.INTAKE_POLTAVA;
import static ua.social.identity.testing.DemoUsers.MANAGER1_POLTAVA;
import static ua.social.identity.testing.DemoUsers.SUPERVISOR_POLTAVA;

/**
 * One case through every stage over HTTP, as the front office, the case manager and the supervisor
 * do it, with real tokens, database and broker: the timeline and the events on case.events.
 */
@QuarkusTest
class CaseLifecycleTest {

    private static final String CM = MANAGER1_POLTAVA;

    private static void moveTo(String caseId, String stage) {
        as(CM).body(Map.of("stage", stage)).post("/cases/" + caseId + "/stage")
                .then().statusCode(200).body("stage", equalTo(stage));
    }

    @Test
    void aCaseFromTheFrontOfficeToClosure() {
        try (CaseEventsReader events = new CaseEventsReader()) {
            // Front office: register the person and record the appeal with four problems.
            Map<String, Object> person = client("Дем'яненко-Коваль", "Мар'яна", uniqueBirthDate());
            person.put("confirmedNotDuplicate", true);
            String clientId = as(INTAKE_POLTAVA).body(person).post("/clients")
                    .then().statusCode(201).body("lastName", equalTo("Дем'яненко-Коваль"))
                    .body("hromada", equalTo("UA53080370000025447")).extract().path("id");
            String appealId = as(INTAKE_POLTAVA).body(Map.of("clientId", clientId, "channel", "IN_PERSON",
                            "location", "Фронт-офіс, Полтава", "needDomains",
                            List.of("HOUSING", "INCOME_AND_BENEFITS", "DOCUMENTS_AND_LEGAL", "MENTAL_HEALTH")))
                    .post("/appeals").then().statusCode(201).body("outcome", equalTo("PENDING")).extract().path("id");

            // Opening: criteria met, consent given, case manager assigned.
            String caseId = as(INTAKE_POLTAVA).body(Map.of("appealId", appealId,
                            "criteria", List.of("MORE_THAN_THREE_PROBLEMS_LONG_TERM", "ADDITIONAL_RESOURCES_NEEDED"),
                            "model", "STRENGTHS_BASED", "teamArrangement", "INTERDISCIPLINARY",
                            "caseManager", CM, "consent", consent()))
                    .post("/cases").then().statusCode(201)
                    .body("stage", equalTo("CONTACT"))
                    .body("caseManager.username", equalTo(CM))
                    .body("consent.sharingWithPartners", equalTo(true))
                    .extract().path("id");
            as(INTAKE_POLTAVA).get("/appeals/" + appealId).then().statusCode(200)
                    .body("outcome", equalTo("CASE_OPENED")).body("caseId", equalTo(caseId));

            // Contact → assessment: needs, strengths, risks.
            moveTo(caseId, "ASSESSMENT");
            as(CM).body(Map.of(
                            "needs", List.of(
                                    Map.of("domain", "HOUSING", "severity", "HIGH", "description", "Живе у модульному містечку"),
                                    Map.of("domain", "INCOME_AND_BENEFITS", "severity", "MODERATE"),
                                    Map.of("domain", "DOCUMENTS_AND_LEGAL", "severity", "HIGH", "description", "Втрачено паспорт")),
                            "strengths", List.of(Map.of("kind", "PERSONAL", "description", "Мотивована працювати"),
                                    Map.of("kind", "ENVIRONMENT", "description", "Підтримка сестри")),
                            "risks", List.of(Map.of("description", "Борги за оренду", "severity", "MODERATE"))))
                    .post("/cases/" + caseId + "/assessments").then().statusCode(201)
                    .header("Location", endsWith("/cases/" + caseId + "/assessments/1"))
                    .body("number", equalTo(1));

            // Planning: goals linked to the assessed needs, actions with responsible and deadline.
            moveTo(caseId, "PLANNING");
            String actionId = as(CM).body(Map.of("consultationFrequency", "щотижня", "goals", List.of(
                            Map.of("description", "Відновити паспорт", "needDomains", List.of("DOCUMENTS_AND_LEGAL"),
                                    "actions", List.of(Map.of("description", "Запис до ЦНАП",
                                            "responsibleKind", "PARTNER_ORGANISATION", "responsible", "Центр правової допомоги",
                                            "deadline", LocalDate.now().plusDays(14).toString()))),
                            Map.of("description", "Стабільне житло", "needDomains", List.of("HOUSING"),
                                    "actions", List.of(Map.of("description", "Заява на житло для ВПО",
                                            "responsibleKind", "STAFF", "responsible", CM,
                                            "deadline", LocalDate.now().plusDays(30).toString()))))))
                    .post("/cases/" + caseId + "/plan/revisions").then().statusCode(201)
                    .body("revision", equalTo(1)).body("goals", hasSize(2))
                    .extract().path("goals[0].actions[0].id");

            // Implementation: a service delivered, an action done.
            moveTo(caseId, "IMPLEMENTATION");
            as(CM).body(Map.of("category", "LEGAL", "deliveredOn", LocalDate.now().toString(),
                            "provider", "Центр безоплатної правничої допомоги", "description", "Консультація"))
                    .post("/cases/" + caseId + "/services").then().statusCode(201).body("category", equalTo("LEGAL"));
            as(CM).body(Map.of("status", "DONE")).put("/cases/" + caseId + "/plan/actions/" + actionId + "/status")
                    .then().statusCode(200).body("status", equalTo("DONE"));

            // Monitoring, a confidential note, a supervision review, then the plan revised.
            moveTo(caseId, "MONITORING");
            as(CM).body(Map.of("kind", "MONITORING", "text", "Паспорт отримано; житло ще шукаємо", "confidential", true))
                    .post("/cases/" + caseId + "/notes").then().statusCode(201);
            as(SUPERVISOR_POLTAVA).body(Map.of("kind", "SUPERVISION_REVIEW", "text", "Розглянуто на супервізії",
                    "confidential", false)).post("/cases/" + caseId + "/notes").then().statusCode(201);
            moveTo(caseId, "PLANNING");
            as(CM).body(Map.of("reason", "Потреба в житлі змінилася", "goals", List.of(
                            Map.of("description", "Соціальне житло", "needDomains", List.of("HOUSING"),
                                    "actions", List.of(Map.of("description", "Черга на соціальне житло",
                                            "responsibleKind", "STAFF", "responsible", CM,
                                            "deadline", LocalDate.now().plusDays(60).toString()))))))
                    .post("/cases/" + caseId + "/plan/revisions").then().statusCode(201).body("revision", equalTo(2));
            as(CM).get("/cases/" + caseId + "/plan/revisions/1").then().statusCode(200)
                    .body("current", equalTo(false)).body("goals", hasSize(2))
                    .body("goals[0].actions[0].status", equalTo("DONE"));
            as(CM).get("/cases/" + caseId + "/plan").then().statusCode(200).body("revision", equalTo(2));
            moveTo(caseId, "IMPLEMENTATION");
            moveTo(caseId, "MONITORING");

            // Closure with a reason and an outcome evaluation.
            as(CM).body(Map.of("reason", "GOALS_ACHIEVED", "outcomeEvaluation", "Документи відновлено, житло знайдено"))
                    .post("/cases/" + caseId + "/closure").then().statusCode(200)
                    .body("stage", equalTo("CLOSED")).body("closureReason", equalTo("GOALS_ACHIEVED"))
                    .body("allowedMoves", contains("ASSESSMENT"));

            // The timeline tells the whole story, in order.
            as(CM).get("/cases/" + caseId + "/timeline?size=100").then().statusCode(200)
                    .body("items.type", contains("CASE_OPENED", "CONSENT_CHANGED", "CASE_MANAGER_ASSIGNED",
                            "STAGE_CHANGED", "ASSESSMENT_RECORDED", "STAGE_CHANGED", "PLAN_AGREED", "STAGE_CHANGED",
                            "SERVICE_DELIVERED", "PLAN_ACTION_UPDATED", "STAGE_CHANGED", "MONITORING_NOTE_ADDED",
                            "SUPERVISION_REVIEW_ADDED", "STAGE_CHANGED", "PLAN_REVISED", "STAGE_CHANGED",
                            "STAGE_CHANGED", "CASE_CLOSED"))
                    .body("items[3].details.from", equalTo("CONTACT"))
                    .body("items[3].details.to", equalTo("ASSESSMENT"))
                    .body("items[13].details.from", equalTo("MONITORING"))
                    .body("items[13].details.to", equalTo("PLANNING"))
                    .body("totalItems", equalTo(18));
            as(CM).get("/cases/" + caseId + "/timeline?size=5&page=1").then().statusCode(200)
                    .body("items", hasSize(5)).body("items[0].type", equalTo("STAGE_CHANGED"))
                    .body("items[1].type", equalTo("PLAN_AGREED"))
                    .body("totalPages", equalTo(4));

            // The events on case.events: every change, in order, keyed by the case, each valid against its schema.
            List<String> expected = List.of("ua.social.case.opened", "ua.social.case.consent-changed",
                    "ua.social.case.assigned", "ua.social.case.stage-changed", "ua.social.case.stage-changed",
                    "ua.social.case.plan-revised", "ua.social.case.stage-changed", "ua.social.case.service-delivered",
                    "ua.social.case.stage-changed", "ua.social.case.stage-changed", "ua.social.case.plan-revised",
                    "ua.social.case.stage-changed", "ua.social.case.stage-changed", "ua.social.case.closed");
            await().atMost(Duration.ofSeconds(20)).until(() -> events.about(caseId).stream()
                    .filter(e -> e.key().equals(caseId)).count() >= expected.size());
            List<Event> ofCase = events.about(caseId).stream().filter(e -> e.key().equals(caseId)).toList();
            assertEquals(expected, ofCase.stream().map(Event::type).toList());
            assertEquals(1, ofCase.stream().map(Event::partition).distinct().count(), "one case, one partition");
            for (Event e : ofCase) {
                assertEquals("1.0", e.specversion());
                assertEquals("/case-service", e.source());
                assertTrue(e.id() != null && e.time() != null, "ce_id and ce_time are set");
            }
            assertEquals("CONTACT", ofCase.get(3).data().get("from").asText());
            assertEquals("GOALS_ACHIEVED", ofCase.get(13).data().get("reason").asText());
            assertEquals("STRENGTHS_BASED", ofCase.get(0).data().get("model").asText());

            // Events before the case: the client registered and the appeal recorded, keyed by the client.
            List<Event> ofClient = events.about(clientId).stream().filter(e -> e.key().equals(clientId)).toList();
            assertEquals(List.of("ua.social.case.client-registered", "ua.social.case.appeal-recorded"),
                    ofClient.stream().map(Event::type).toList());
            assertEquals(4, ofClient.get(1).data().get("needDomains").size());

            for (Event e : concat(ofClient, ofCase)) {
                var errors = EventSchemas.validate(e.type(), e.data());
                assertTrue(errors.isEmpty(), e.type() + " does not match its schema: " + errors + " in " + e.data());
                assertTrue(e.data().toString().indexOf("Мар'яна") < 0, "no names in events");
            }
        }
    }

    @Test
    void theCaseFileShowsItsStateAndVersion() {
        String caseId = ua.social.cases.support.Api.openCase(INTAKE_POLTAVA, CM, "BROKERAGE");
        as(CM).get("/cases/" + caseId).then().statusCode(200)
                .header("ETag", notNullValue())
                .body("stage", equalTo("CONTACT"))
                .body("allowedMoves", contains("ASSESSMENT", "CLOSED"))
                .body("number", notNullValue())
                .body("criteria", hasItem("ADDITIONAL_RESOURCES_NEEDED"));
    }

    private static List<Event> concat(List<Event> a, List<Event> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
