package ua.social.referral;

import com.networknt.schema.ValidationMessage;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import ua.social.referral.support.Api.PartnerSetup;
import ua.social.referral.support.CaseFeed.TestCase;
import ua.social.contracts.testing.EventSchemas;
import ua.social.identity.testing.TestClock;
import ua.social.referral.support.ReferralEventsReader;
import ua.social.referral.support.ReferralEventsReader.Event;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.social.identity.testing.DemoUsers.MANAGER2_POLTAVA;
import static ua.social.identity.testing.DemoUsers.SUPERVISOR_POLTAVA;
import static ua.social.referral.support.Api.as;
import static ua.social.referral.support.Api.issueKey;
import static ua.social.referral.support.Api.newPartner;
import static ua.social.referral.support.Api.openCase;
import static ua.social.referral.support.Api.partner;
import static ua.social.referral.support.Api.sent;

/**
 * Response deadlines by urgency (EMERGENCY 4 h, ROUTINE 120 h): a referral the partner did not answer in
 * time is flagged, listable, and announced by ua.social.referral.response-overdue exactly once. The test
 * moves the platform's clock past the deadline instead of waiting for it; the check runs every second.
 */
@QuarkusTest
class OverdueTest {

    private static final String CM = MANAGER2_POLTAVA;

    @Test
    void anUnansweredEmergencyReferralIsFlaggedOnce() {
        TestClock clock = new TestClock();
        QuarkusMock.installMockForType(clock, Clock.class);
        try (ReferralEventsReader events = new ReferralEventsReader()) {
            TestCase c = openCase(CM, true);
            PartnerSetup p = newPartner("HEALTH", "MEDICAL");
            String key = issueKey(p.partnerId());
            String emergency = sent(CM, c, p, "EMERGENCY");
            String routine = sent(CM, c, p, "ROUTINE");
            String due = as(CM).get("/referrals/" + emergency).then().body("overdue", equalTo(false))
                    .extract().path("responseDueAt");
            String requested = as(CM).get("/referrals/" + emergency).path("requestedAt");
            assertEquals(Duration.ofHours(4), Duration.between(OffsetDateTime.parse(requested), OffsetDateTime.parse(due)));

            clock.advance(Duration.ofHours(4));
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300))
                    .until(() -> as(CM).get("/referrals/" + emergency).<Boolean>path("overdue"));
            as(CM).get("/referrals/" + emergency).then().body("responseOverdueAt", notNullValue());
            as(CM).get("/referrals/" + routine).then().body("overdue", equalTo(false));
            as(CM).queryParam("overdue", true).get("/referrals?size=200").then().statusCode(200)
                    .body("items.id", hasItem(emergency)).body("items.id", not(hasItem(routine)));
            as(SUPERVISOR_POLTAVA).queryParam("overdue", true).queryParam("caseId", c.id().toString())
                    .get("/referrals").then().body("items.id", equalTo(List.of(emergency)));
            partner(key).queryParam("overdue", true).get("/partner/referrals").then().statusCode(200)
                    .body("items.id", equalTo(List.of(emergency))).body("items[0].overdue", equalTo(true));

            // The check keeps running and does not repeat the event: a second emergency referral, sent
            // after the first was flagged, is flagged by a later run.
            String later = sent(CM, c, p, "EMERGENCY");
            clock.advance(Duration.ofHours(4));
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300))
                    .until(() -> as(CM).get("/referrals/" + later).<Boolean>path("overdue"));

            // A late answer is still accepted; the referral is no longer listed as overdue.
            partner(key).body(Map.of("status", "ACCEPTED")).post("/partner/referrals/" + emergency + "/transitions")
                    .then().statusCode(200).body("overdue", equalTo(false));
            partner(key).queryParam("overdue", true).get("/partner/referrals").then().body("items.id",
                    not(hasItem(emergency)));

            // The case's events arrive in order: once the acceptance is there, every overdue event before it is too.
            await().atMost(Duration.ofSeconds(20)).until(() -> events.ofCase(c.id().toString()).stream()
                    .anyMatch(e -> e.type().equals("ua.social.referral.accepted")
                            && e.data().get("referralId").asText().equals(emergency)));
            List<Event> overdue = events.ofCase(c.id().toString()).stream().filter(e -> e.type().equals("ua.social.referral.response-overdue")).toList();
            assertEquals(List.of(emergency, later), overdue.stream().map(e -> e.data().get("referralId").asText()).toList(),
                    "one response-overdue event per late referral");
            Event e = overdue.get(0);
            Set<ValidationMessage> errors = EventSchemas.validate(e.type(), e.data());
            assertTrue(errors.isEmpty(), "response-overdue violates its schema: " + errors);
            assertEquals("EMERGENCY", e.data().get("urgency").asText());
            assertEquals("HEALTH", e.data().get("partnerSector").asText());
            assertEquals(c.id().toString(), e.key());
        }
    }
}
