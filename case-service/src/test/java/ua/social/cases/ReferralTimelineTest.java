package ua.social.cases;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import ua.social.cases.support.Api;
import ua.social.contracts.testing.EventSchemas;
import ua.social.cases.support.ReferralEventsPublisher;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.social.cases.support.Api.as;
import static ua.social.identity.testing.DemoUsers.INTAKE_POLTAVA;
import static ua.social.identity.testing.DemoUsers.MANAGER1_POLTAVA;

/**
 * referral.events → the case timeline: every referral change appears once on its case, however often
 * Kafka delivers it, and a completed referral linked to a plan action marks the action done.
 */
@QuarkusTest
class ReferralTimelineTest {

    private static final String CM = MANAGER1_POLTAVA;

    @Test
    void referralChangesAppearOnceOnTheTimelineAndCloseTheLinkedAction() {
        String caseId = Api.openCase(INTAKE_POLTAVA, CM, "BROKERAGE");
        as(CM).body(Map.of("stage", "ASSESSMENT")).post("/cases/" + caseId + "/stage").then().statusCode(200);
        as(CM).body(Map.of("needs", List.of(Map.of("domain", "EMPLOYMENT", "severity", "HIGH"))))
                .post("/cases/" + caseId + "/assessments").then().statusCode(201);
        as(CM).body(Map.of("stage", "PLANNING")).post("/cases/" + caseId + "/stage").then().statusCode(200);
        String actionId = as(CM).body(Map.of("goals", List.of(Map.of("description", "Робота",
                        "needDomains", List.of("EMPLOYMENT"), "actions", List.of(Map.of("description",
                                "Направлення до центру зайнятості", "responsibleKind", "PARTNER_ORGANISATION",
                                "responsible", "Полтавський центр зайнятості",
                                "deadline", LocalDate.now().plusDays(20).toString()))))))
                .post("/cases/" + caseId + "/plan/revisions").then().statusCode(201)
                .extract().path("goals[0].actions[0].id");
        as(CM).body(Map.of("stage", "IMPLEMENTATION")).post("/cases/" + caseId + "/stage").then().statusCode(200);

        String referralId = UUID.randomUUID().toString();
        String requested = UUID.randomUUID().toString();
        String accepted = UUID.randomUUID().toString();
        String completed = UUID.randomUUID().toString();
        List<Object[]> events = List.of(
                new Object[]{requested, "ua.social.referral.requested", ReferralEventsPublisher.data(referralId, caseId, actionId, "REQUESTED", "DRAFT", "REFERRING_SIDE")},
                new Object[]{accepted, "ua.social.referral.accepted", ReferralEventsPublisher.data(referralId, caseId, actionId, "ACCEPTED", "REQUESTED", "PARTNER")},
                new Object[]{completed, "ua.social.referral.completed", ReferralEventsPublisher.data(referralId, caseId, actionId, "COMPLETED", "IN_PROGRESS", "PARTNER")});
        try (ReferralEventsPublisher publisher = new ReferralEventsPublisher()) {
            for (Object[] e : events) {
                @SuppressWarnings("unchecked")
                Map<String, Object> data = (Map<String, Object>) e[2];
                var errors = EventSchemas.validate((String) e[1], new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(data));
                assertTrue(errors.isEmpty(), "the test's event must satisfy the producer's schema: " + errors);
                publisher.publish((String) e[0], (String) e[1], caseId, referralId, (String) data.get("changedAt"), data);
            }
            // Kafka delivers the accepted event again (a retry of the producer, a replay): nothing changes.
            Object[] again = events.get(1);
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) again[2];
            publisher.publish((String) again[0], (String) again[1], caseId, referralId, (String) data.get("changedAt"), data);
        }

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                as(CM).get("/cases/" + caseId + "/timeline?size=100").then()
                        .body("items.findAll { it.type.startsWith('REFERRAL_') }.type",
                                contains("REFERRAL_REQUESTED", "REFERRAL_ACCEPTED", "REFERRAL_COMPLETED")));
        // The duplicate really was read: a later marker event arrives after it, and still one ACCEPTED entry.
        try (ReferralEventsPublisher publisher = new ReferralEventsPublisher()) {
            Map<String, Object> hold = ReferralEventsPublisher.data(UUID.randomUUID().toString(), caseId, null, "ON_HOLD", "IN_PROGRESS", "PARTNER");
            publisher.publish(UUID.randomUUID().toString(), "ua.social.referral.on-hold", caseId, (String) hold.get("referralId"),
                    (String) hold.get("changedAt"), hold);
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                as(CM).get("/cases/" + caseId + "/timeline?size=100").then()
                        .body("items.findAll { it.type.startsWith('REFERRAL_') }.type",
                                contains("REFERRAL_REQUESTED", "REFERRAL_ACCEPTED", "REFERRAL_COMPLETED", "REFERRAL_ON_HOLD")));
        as(CM).get("/cases/" + caseId + "/timeline?size=100").then()
                .body("items.find { it.type == 'REFERRAL_COMPLETED' }.summary", containsString("Працевлаштована"))
                .body("items.find { it.type == 'REFERRAL_COMPLETED' }.actor", equalTo("Полтавський центр зайнятості"))
                .body("items.find { it.type == 'REFERRAL_COMPLETED' }.details.referralId", equalTo(referralId));
        // The linked action of the plan is done.
        String status = as(CM).get("/cases/" + caseId + "/plan").then().statusCode(200)
                .extract().path("goals[0].actions[0].status");
        assertEquals("DONE", status);
    }

    @Test
    void aReferralEnteredInErrorAppearsOnTheTimelineWithItsReason() {
        String caseId = Api.openCase(INTAKE_POLTAVA, CM, "BROKERAGE");
        String referralId = UUID.randomUUID().toString();
        Map<String, Object> requested = ReferralEventsPublisher.data(referralId, caseId, null, "REQUESTED", "DRAFT",
                "REFERRING_SIDE");
        Map<String, Object> error = ReferralEventsPublisher.data(referralId, caseId, null, "ENTERED_IN_ERROR", "REQUESTED",
                "REFERRING_SIDE");
        error.put("reason", "Направлено не до того партнера");
        var errors = EventSchemas.validate("ua.social.referral.entered-in-error",
                new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(error));
        assertTrue(errors.isEmpty(), "the test's event must satisfy the producer's schema: " + errors);
        try (ReferralEventsPublisher publisher = new ReferralEventsPublisher()) {
            publisher.publish(UUID.randomUUID().toString(), "ua.social.referral.requested", caseId, referralId,
                    (String) requested.get("changedAt"), requested);
            publisher.publish(UUID.randomUUID().toString(), "ua.social.referral.entered-in-error", caseId, referralId,
                    (String) error.get("changedAt"), error);
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                as(CM).get("/cases/" + caseId + "/timeline?size=100").then()
                        .body("items.findAll { it.type.startsWith('REFERRAL_') }.type",
                                contains("REFERRAL_REQUESTED", "REFERRAL_ENTERED_IN_ERROR")));
        as(CM).get("/cases/" + caseId + "/timeline?size=100").then()
                .body("items.find { it.type == 'REFERRAL_ENTERED_IN_ERROR' }.summary",
                        containsString("Направлено не до того партнера"))
                .body("items.find { it.type == 'REFERRAL_ENTERED_IN_ERROR' }.details.status", equalTo("ENTERED_IN_ERROR"))
                .body("items.find { it.type == 'REFERRAL_ENTERED_IN_ERROR' }.details.previousStatus", equalTo("REQUESTED"))
                .body("items.find { it.type == 'REFERRAL_ENTERED_IN_ERROR' }.actor", equalTo("referral-service"));
    }
}
