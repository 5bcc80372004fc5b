package ua.social.cases;

import ua.social.contracts.testing.TestTopics;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ua.social.cases.support.Api;
import ua.social.cases.support.ReferralEventsPublisher;
import ua.social.contracts.testing.EventSchemas;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.social.cases.support.Api.as;
import static ua.social.identity.testing.DemoUsers.ADMIN;
import static ua.social.identity.testing.DemoUsers.INTAKE_POLTAVA;
import static ua.social.identity.testing.DemoUsers.MANAGER1_POLTAVA;
import static ua.social.identity.testing.DemoUsers.SUPERVISOR_POLTAVA;

/**
 * One event case-service cannot apply never stops the referral loop: it is retried a bounded number of
 * times, moved to referral.events.dlt and the partition goes on; the operator lists it, sees why, and
 * re-drives it after the fix. Texts as long as the event contract allows reach the timeline whole.
 */
@QuarkusTest
class DeadLetterTest {

    private static final String CM = MANAGER1_POLTAVA;

    @Inject
    DataSource dataSource;

    @Test
    void aPartnersLongestOutcomeAndNameReachTheTimelineWhole() {
        String caseId = Api.openCase(INTAKE_POLTAVA, CM, "BROKERAGE");
        String referralId = UUID.randomUUID().toString();
        String outcome = "Отримала житло в модульному містечку; " + "ґ".repeat(4000 - 38);
        String partnerName = "ГО «" + "Ї".repeat(300 - 5) + "»";
        Map<String, Object> data = ReferralEventsPublisher.data(referralId, caseId, null, "COMPLETED", "IN_PROGRESS", "PARTNER");
        data.put("outcome", outcome);
        data.put("partnerName", partnerName);
        data.put("reason", "Причина ".repeat(500));
        assertEquals(4000, outcome.length());
        assertTrue(EventSchemas.validate("ua.social.referral.completed", new ObjectMapper().valueToTree(data)).isEmpty(),
                "the event is as long as the producer's schema allows, and valid");
        try (ReferralEventsPublisher publisher = new ReferralEventsPublisher()) {
            publisher.publish(UUID.randomUUID().toString(), "ua.social.referral.completed", caseId, referralId,
                    (String) data.get("changedAt"), data);
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                as(CM).get("/cases/" + caseId + "/timeline?size=100").then()
                        .body("items.findAll { it.type == 'REFERRAL_COMPLETED' }.size()", equalTo(1)));
        JsonPath entry = as(CM).get("/cases/" + caseId + "/timeline?size=100").then().extract().jsonPath()
                .setRootPath("items.find { it.type == 'REFERRAL_COMPLETED' }");
        String summary = entry.getString("summary");
        assertTrue(summary.length() <= 1000 && summary.endsWith("…"), "the summary is one shortened line: " + summary.length());
        assertTrue(summary.startsWith("Referral to " + partnerName + ": COMPLETED"));
        assertEquals(outcome, entry.getString("details.outcome"), "the full outcome is kept in the entry's details");
        assertEquals(data.get("reason"), entry.getString("details.reason"));
        assertEquals(partnerName, entry.getString("actor"));
    }

    @Test
    void anEventThatCannotBeAppliedIsDeadLetteredAndTheEventsBehindItStillArrive() {
        String caseId = Api.openCase(INTAKE_POLTAVA, CM, "BROKERAGE");
        String poisonId = UUID.randomUUID().toString();
        String referralId = UUID.randomUUID().toString();
        try (ReferralEventsPublisher publisher = new ReferralEventsPublisher()) {
            // Same key as the case, so the same partition: the poison stands in front of the good event.
            Map<String, Object> poison = ReferralEventsPublisher.data(referralId, "not-a-case-id", null, "ACCEPTED",
                    "REQUESTED", "PARTNER");
            publisher.publish(poisonId, "ua.social.referral.accepted", caseId, referralId,
                    (String) poison.get("changedAt"), poison);
            Map<String, Object> good = ReferralEventsPublisher.data(referralId, caseId, null, "REQUESTED", "DRAFT",
                    "REFERRING_SIDE");
            publisher.publish(UUID.randomUUID().toString(), "ua.social.referral.requested", caseId, referralId,
                    (String) good.get("changedAt"), good);
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                as(CM).get("/cases/" + caseId + "/timeline?size=100").then()
                        .body("items.findAll { it.type == 'REFERRAL_REQUESTED' }.size()", equalTo(1)));

        Map<String, Object> letter = deadLetter(poisonId);
        assertEquals(TestTopics.referralEvents(), letter.get("originalTopic"));
        assertEquals(5, letter.get("attempts"), "retried the configured number of times, then given up");
        assertEquals("ua.social.referral.accepted", letter.get("type"));
        assertEquals(caseId, letter.get("key"));
        assertTrue(((String) letter.get("consumer")).startsWith("case-service-test-"));
        String error = (String) letter.get("error");
        assertTrue(error.contains("ContractViolation") && error.contains("caseId"),
                "the error says the event breaks its contract, and where: " + error);
        assertTrue(((String) letter.get("id")).startsWith(TestTopics.referralEvents() + ".dlt:"));
        assertEquals(false, letter.get("applied"));
        assertTrue(((Number) letter.get("originalOffset")).longValue() >= 0);

        // Only the platform operator sees dead letters.
        as(SUPERVISOR_POLTAVA).get("/admin/dead-letters").then().statusCode(403);
        given().get("/admin/dead-letters").then().statusCode(401);

        // Re-driving before a fix: it fails again, says why, and stays a dead letter.
        as(ADMIN).post("/admin/dead-letters/" + letter.get("id") + "/redrive").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", containsString("dead-letter-still-failing"))
                .body("detail", containsString("ContractViolation"));
        assertEquals(false, deadLetter(poisonId).get("applied"));

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("platform_events_dead_lettered_total\\{[^}]*topic=\"" + Pattern.quote(TestTopics.referralEvents())
                + "\"[^}]*} ([0-9.E]+)")
                .matcher(metrics);
        assertTrue(m.find(), "dead letters are counted on /q/metrics");
        assertTrue(Double.parseDouble(m.group(1)) >= 1.0);
        assertTrue(metrics.contains("platform_consumer_lag{"), "consumer lag per partition is on /q/metrics");
        assertTrue(metrics.contains("platform_outbox_backlog"), "the outbox backlog is on /q/metrics");
        assertTrue(metrics.contains("platform_outbox_oldest_age_seconds"));
        assertTrue(metrics.contains("case_referral_timeline_delay_seconds"), "the referral → timeline delay is measured");
    }

    @Test
    void aDeadLetterIsReDrivenOnceAfterTheFixAndReDrivingAgainChangesNothing() throws SQLException {
        String caseId = Api.openCase(INTAKE_POLTAVA, CM, "BROKERAGE");
        String eventId = UUID.randomUUID().toString();
        String referralId = UUID.randomUUID().toString();
        // A damaged record (say, left by a faulty import) holds the event's place on the timeline:
        // the event cannot be applied until an operator removes it.
        sql("INSERT INTO timeline_entry (case_id, occurred_at, type, summary, actor, details, source_event_id) "
                + "VALUES (?::uuid, now(), 'IMPORTED', 'damaged', 'import', '{}'::jsonb, ?)", caseId, eventId);
        Map<String, Object> data = ReferralEventsPublisher.data(referralId, caseId, null, "REQUESTED", "DRAFT",
                "REFERRING_SIDE");
        try (ReferralEventsPublisher publisher = new ReferralEventsPublisher()) {
            publisher.publish(eventId, "ua.social.referral.requested", caseId, referralId,
                    (String) data.get("changedAt"), data);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> findDeadLetter(eventId) != null);
        String id = (String) findDeadLetter(eventId).get("id");
        as(ADMIN).get("/admin/dead-letters/" + id).then().statusCode(200).body("eventId", equalTo(eventId))
                .body("error", containsString("timeline_entry"));

        sql("DELETE FROM timeline_entry WHERE source_event_id = ? AND type = 'IMPORTED'", eventId);

        as(ADMIN).post("/admin/dead-letters/" + id + "/redrive").then().statusCode(200)
                .body("outcome", equalTo("APPLIED")).body("eventId", equalTo(eventId));
        as(ADMIN).post("/admin/dead-letters/" + id + "/redrive").then().statusCode(200)
                .body("outcome", equalTo("ALREADY_APPLIED"));
        as(CM).get("/cases/" + caseId + "/timeline?size=100").then()
                .body("items.findAll { it.type == 'REFERRAL_REQUESTED' }.size()", equalTo(1));
        assertEquals(true, deadLetter(eventId).get("applied"));

        as(ADMIN).post("/admin/dead-letters/referral.events.dlt:0:999999999/redrive").then().statusCode(404)
                .contentType("application/problem+json");
        as(ADMIN).get("/admin/dead-letters/no-such-letter").then().statusCode(404);
    }

    private Map<String, Object> deadLetter(String eventId) {
        Map<String, Object> letter = findDeadLetter(eventId);
        assertNotNull(letter, "event " + eventId + " is listed as a dead letter");
        return letter;
    }

    private static Map<String, Object> findDeadLetter(String eventId) {
        List<Map<String, Object>> items = as(ADMIN).get("/admin/dead-letters").then().statusCode(200)
                .extract().jsonPath().getList("items");
        return items.stream().filter(i -> eventId.equals(i.get("eventId"))).findFirst().orElse(null);
    }

    private void sql(String statement, String... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                st.setString(i + 1, params[i]);
            }
            st.executeUpdate();
        }
    }
}
