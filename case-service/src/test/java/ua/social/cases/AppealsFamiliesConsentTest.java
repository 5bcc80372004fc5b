package ua.social.cases;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import ua.social.cases.support.Api;
import ua.social.cases.support.CaseEventsReader;
import ua.social.cases.support.CaseEventsReader.Event;
import ua.social.contracts.testing.EventSchemas;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.social.cases.support.Api.as;
import static ua.social.cases.support.Api.consent;
import static ua.social.identity.testing.DemoUsers.INTAKE_POLTAVA;
import static ua.social.identity.testing.DemoUsers.MANAGER1_POLTAVA;

/** Appeals that end without a case, cases for a whole family, and consent that is withdrawn. */
@QuarkusTest
class AppealsFamiliesConsentTest {

    @Test
    void anAppealEndsInInformationOrOneOffServicesWithoutACase() {
        try (CaseEventsReader events = new CaseEventsReader()) {
            String clientId = Api.registerClient(INTAKE_POLTAVA);
            String informed = Api.recordAppeal(INTAKE_POLTAVA, clientId, List.of("INCOME_AND_BENEFITS"));
            as(INTAKE_POLTAVA).body(Map.of("outcome", "INFORMATION_PROVIDED")).post("/appeals/" + informed + "/resolution")
                    .then().statusCode(200).body("outcome", equalTo("INFORMATION_PROVIDED"));
            as(INTAKE_POLTAVA).body(Map.of("outcome", "ONE_OFF_SERVICES")).post("/appeals/" + informed + "/resolution")
                    .then().statusCode(409).body("type", containsString("appeal-resolved"));

            String served = Api.recordAppeal(INTAKE_POLTAVA, clientId, List.of("DOCUMENTS_AND_LEGAL"));
            as(INTAKE_POLTAVA).body(Map.of("outcome", "ONE_OFF_SERVICES")).post("/appeals/" + served + "/resolution")
                    .then().statusCode(400).body("errors.field", hasItem("services"));
            as(INTAKE_POLTAVA).body(Map.of("outcome", "ONE_OFF_SERVICES", "services", List.of(
                            Map.of("category", "LEGAL", "deliveredOn", LocalDate.now().toString(),
                                    "provider", "Фронт-офіс", "description", "Допомога із заявою на відновлення паспорта"))))
                    .post("/appeals/" + served + "/resolution").then().statusCode(200)
                    .body("outcome", equalTo("ONE_OFF_SERVICES")).body("caseId", equalTo(null));
            as(INTAKE_POLTAVA).get("/appeals/" + served + "/services").then().statusCode(200)
                    .body("", hasSize(1)).body("[0].category", equalTo("LEGAL"));
            as(INTAKE_POLTAVA).queryParam("clientId", clientId).get("/appeals").then().statusCode(200)
                    .body("totalItems", equalTo(2));

            // Both count as applications; the one-off service is an event too, keyed by the client.
            await().atMost(Duration.ofSeconds(15)).until(() -> events.about(clientId).size() >= 4);
            List<Event> ofClient = events.about(clientId);
            assertEquals(List.of("ua.social.case.client-registered", "ua.social.case.appeal-recorded",
                    "ua.social.case.appeal-recorded", "ua.social.case.service-delivered"),
                    ofClient.stream().map(Event::type).toList());
            Event delivered = ofClient.get(3);
            assertEquals(served, delivered.data().get("appealId").asText());
            assertTrue(delivered.data().get("caseId").isNull());
            assertTrue(EventSchemas.validate(delivered.type(), delivered.data()).isEmpty());
        }
    }

    @Test
    void aCaseForAWholeFamily() {
        try (CaseEventsReader events = new CaseEventsReader()) {
            String mother = Api.registerClient(INTAKE_POLTAVA);
            String daughter = Api.registerClient(INTAKE_POLTAVA);
            String household = as(INTAKE_POLTAVA).body(Map.of("name", "Родина Коваль", "members", List.of(
                            Map.of("clientId", mother, "relation", "HEAD"), Map.of("clientId", daughter, "relation", "CHILD"))))
                    .post("/households").then().statusCode(201).extract().path("id");
            String stranger = Api.registerClient(INTAKE_POLTAVA);
            as(INTAKE_POLTAVA).body(Map.of("clientId", stranger, "householdId", household,
                            "criteria", List.of("ADDITIONAL_RESOURCES_NEEDED"), "model", "INTENSIVE"))
                    .post("/cases").then().statusCode(400).body("errors.field", hasItem("householdId"));
            String caseId = as(INTAKE_POLTAVA).body(Map.of("clientId", mother, "householdId", household,
                            "criteria", List.of("ADDITIONAL_RESOURCES_NEEDED"), "model", "INTENSIVE",
                            "teamArrangement", "TRANSDISCIPLINARY", "caseManager", MANAGER1_POLTAVA, "consent", consent()))
                    .post("/cases").then().statusCode(201).body("householdId", equalTo(household)).extract().path("id");
            await().atMost(Duration.ofSeconds(15)).until(() -> !events.about(caseId).isEmpty());
            Event opened = events.about(caseId).get(0);
            assertEquals("ua.social.case.opened", opened.type());
            assertEquals("FAMILY", opened.data().get("clientKind").asText());
            assertEquals("INTENSIVE", opened.data().get("model").asText());
        }
    }

    @Test
    void withdrawingConsentToShareIsRecordedAndPublished() {
        try (CaseEventsReader events = new CaseEventsReader()) {
            String caseId = Api.openCase(INTAKE_POLTAVA, MANAGER1_POLTAVA, "BROKERAGE");
            as(MANAGER1_POLTAVA).body(Map.of("sharingOnly", true, "reason", "Не бажає передавати дані"))
                    .post("/cases/" + caseId + "/consent/withdrawal").then().statusCode(200)
                    .body("consent.sharingWithPartners", equalTo(false)).body("consent.processing", equalTo(true));
            as(MANAGER1_POLTAVA).body(Map.of("sharingOnly", true))
                    .post("/cases/" + caseId + "/consent/withdrawal").then().statusCode(409)
                    .body("type", containsString("no-consent"));
            await().atMost(Duration.ofSeconds(15)).until(() -> events.about(caseId).stream()
                    .filter(e -> e.type().equals("ua.social.case.consent-changed")).count() == 2);
            Event last = events.about(caseId).stream().filter(e -> e.type().equals("ua.social.case.consent-changed"))
                    .reduce((a, b) -> b).orElseThrow();
            assertEquals(false, last.data().get("sharingWithPartners").asBoolean());
            assertEquals(true, last.data().get("processing").asBoolean());
            assertTrue(EventSchemas.validate(last.type(), last.data()).isEmpty());
            as(MANAGER1_POLTAVA).get("/cases/" + caseId + "/timeline").then()
                    .body("items.summary", hasItem("Consent to share with partners withdrawn"));
        }
    }
}
