package ua.social.referral;

import com.networknt.schema.ValidationMessage;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import ua.social.contracts.testing.EventSchemas;
import ua.social.referral.support.Api.PartnerSetup;
import ua.social.referral.support.CaseFeed.TestCase;
import ua.social.referral.support.ReferralEventsReader;
import ua.social.referral.support.ReferralEventsReader.Event;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.social.identity.testing.DemoUsers.MANAGER1_POLTAVA;
import static ua.social.referral.support.Api.as;
import static ua.social.referral.support.Api.draft;
import static ua.social.referral.support.Api.issueKey;
import static ua.social.referral.support.Api.newPartner;
import static ua.social.referral.support.Api.openCase;
import static ua.social.referral.support.Api.partner;
import static ua.social.referral.support.Api.sent;

/**
 * The referral workflow of the HL7 FHIR SDOH Clinical Care referral (Task): an accepted referral may be
 * held, completed or failed at once; the partner may cancel what it accepted; a hold or a cancellation
 * needs a reason; the referring side marks a referral entered in error from any status, which ends it;
 * and a partner polls for what changed since its last look.
 */
@QuarkusTest
class ReferralWorkflowTest {

    private static final String CM = MANAGER1_POLTAVA;

    private static void partnerMoves(String key, String id, Map<String, Object> body, String expected) {
        partner(key).body(body).post("/partner/referrals/" + id + "/transitions")
                .then().statusCode(200).body("status", equalTo(expected));
    }

    @Test
    void anAcceptedReferralIsHeldCompletedFailedOrCancelledByThePartnerAndAHoldOrCancellationNeedsAReason() {
        try (ReferralEventsReader events = new ReferralEventsReader()) {
            TestCase c = openCase(CM, true);
            PartnerSetup p = newPartner("HOUSING", "HOUSING");
            String key = issueKey(p.partnerId());

            String held = sent(CM, c, p, "ROUTINE");
            partnerMoves(key, held, Map.of("status", "ACCEPTED"), "ACCEPTED");
            partner(key).get("/partner/referrals/" + held).then()
                    .body("allowedMoves", contains("CANCELLED", "IN_PROGRESS", "ON_HOLD", "COMPLETED", "FAILED"));
            partner(key).body(Map.of("status", "ON_HOLD")).post("/partner/referrals/" + held + "/transitions")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("reason"));
            partner(key).get("/partner/referrals/" + held).then().body("status", equalTo("ACCEPTED"));
            partnerMoves(key, held, Map.of("status", "ON_HOLD", "reason", "Чекаємо на вільне місце"), "ON_HOLD");

            String completed = sent(CM, c, p, "ROUTINE");
            partnerMoves(key, completed, Map.of("status", "ACCEPTED"), "ACCEPTED");
            partnerMoves(key, completed, Map.of("status", "COMPLETED", "outcome", "Житло надано"), "COMPLETED");

            String failed = sent(CM, c, p, "ROUTINE");
            partnerMoves(key, failed, Map.of("status", "ACCEPTED"), "ACCEPTED");
            partnerMoves(key, failed, Map.of("status", "FAILED", "reason", "Клієнт не вийшов на зв'язок"), "FAILED");

            String cancelled = sent(CM, c, p, "ROUTINE");
            partner(key).body(Map.of("status", "CANCELLED", "reason", "Ще не прийнято"))
                    .post("/partner/referrals/" + cancelled + "/transitions").then().statusCode(409)
                    .body("allowedMoves", contains("ACCEPTED", "REJECTED"));
            partnerMoves(key, cancelled, Map.of("status", "ACCEPTED"), "ACCEPTED");
            partner(key).body(Map.of("status", "CANCELLED")).post("/partner/referrals/" + cancelled + "/transitions")
                    .then().statusCode(400).body("errors[0].field", equalTo("reason"));
            partnerMoves(key, cancelled, Map.of("status", "CANCELLED", "reason", "Клієнтка відмовилась від послуги"),
                    "CANCELLED");
            as(CM).get("/referrals/" + cancelled).then().body("status", equalTo("CANCELLED"))
                    .body("statusReason", equalTo("Клієнтка відмовилась від послуги"))
                    .body("history[-1].side", equalTo("PARTNER"));

            await().atMost(Duration.ofSeconds(20)).until(() -> events.ofCase(c.id().toString()).stream()
                    .anyMatch(e -> e.type().equals("ua.social.referral.cancelled")));
            List<Event> seen = events.ofCase(c.id().toString());
            for (Event e : seen) {
                Set<ValidationMessage> errors = EventSchemas.validate(e.type(), e.data());
                assertTrue(errors.isEmpty(), e.type() + " violates its schema: " + errors);
            }
            Event hold = seen.stream().filter(e -> e.type().equals("ua.social.referral.on-hold")).findFirst().orElseThrow();
            assertEquals("ACCEPTED", hold.data().get("previousStatus").asText());
            assertEquals("Чекаємо на вільне місце", hold.data().get("reason").asText());
            Event done = seen.stream().filter(e -> e.type().equals("ua.social.referral.completed")).findFirst().orElseThrow();
            assertEquals("ACCEPTED", done.data().get("previousStatus").asText());
            Event cancel = seen.stream().filter(e -> e.type().equals("ua.social.referral.cancelled")).findFirst().orElseThrow();
            assertEquals("PARTNER", cancel.data().get("changedBy").asText());
            assertEquals("Клієнтка відмовилась від послуги", cancel.data().get("reason").asText());
        }
    }

    @Test
    void theReferringSideMarksAReferralEnteredInErrorFromAnyStatusWithAReasonAndNothingFollows() {
        try (ReferralEventsReader events = new ReferralEventsReader()) {
            TestCase c = openCase(CM, true);
            PartnerSetup p = newPartner("LEGAL_AID", "LEGAL");
            String key = issueKey(p.partnerId());

            String done = sent(CM, c, p, "URGENT");
            partnerMoves(key, done, Map.of("status", "ACCEPTED"), "ACCEPTED");
            partnerMoves(key, done, Map.of("status", "COMPLETED", "outcome", "Консультацію надано"), "COMPLETED");
            as(CM).get("/referrals/" + done).then().body("allowedMoves", contains("ENTERED_IN_ERROR"));
            partner(key).body(Map.of("status", "ENTERED_IN_ERROR", "reason", "x"))
                    .post("/partner/referrals/" + done + "/transitions").then().statusCode(409)
                    .body("side", equalTo("PARTNER"));
            as(CM).body(Map.of("status", "ENTERED_IN_ERROR")).post("/referrals/" + done + "/transitions")
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("reason"));
            as(CM).body(Map.of("status", "ENTERED_IN_ERROR", "reason", "Направлено не того клієнта"))
                    .post("/referrals/" + done + "/transitions").then().statusCode(200)
                    .body("status", equalTo("ENTERED_IN_ERROR")).body("allowedMoves", hasSize(0))
                    .body("statusReason", equalTo("Направлено не того клієнта"));
            as(CM).body(Map.of("status", "CANCELLED", "reason", "x")).post("/referrals/" + done + "/transitions")
                    .then().statusCode(409).body("currentStatus", equalTo("ENTERED_IN_ERROR"));
            partner(key).get("/partner/referrals/" + done).then().statusCode(200)
                    .body("status", equalTo("ENTERED_IN_ERROR")).body("allowedMoves", hasSize(0));

            String drafted = draft(CM, c, p, "ROUTINE");
            as(CM).body(Map.of("status", "ENTERED_IN_ERROR", "reason", "Дублікат"))
                    .post("/referrals/" + drafted + "/transitions").then().statusCode(200);
            partner(key).get("/partner/referrals/" + drafted).then().statusCode(404);

            await().atMost(Duration.ofSeconds(20)).until(() -> events.ofCase(c.id().toString()).stream()
                    .filter(e -> e.type().equals("ua.social.referral.entered-in-error")).count() == 2);
            List<Event> errors = events.ofCase(c.id().toString()).stream()
                    .filter(e -> e.type().equals("ua.social.referral.entered-in-error")).toList();
            Event first = errors.get(0);
            assertTrue(EventSchemas.validate(first.type(), first.data()).isEmpty(), first.data().toString());
            assertEquals(done, first.subject());
            assertEquals("COMPLETED", first.data().get("previousStatus").asText());
            assertEquals("ENTERED_IN_ERROR", first.data().get("status").asText());
            assertEquals("REFERRING_SIDE", first.data().get("changedBy").asText());
            assertEquals("Направлено не того клієнта", first.data().get("reason").asText());
            assertEquals("DRAFT", errors.get(1).data().get("previousStatus").asText());
        }
    }

    @Test
    void aPartnerPollsForWhatChangedSinceItsLastLook() {
        TestCase c = openCase(CM, true);
        PartnerSetup p = newPartner("EDUCATION", "EDUCATIONAL");
        String key = issueKey(p.partnerId());
        String first = sent(CM, c, p, "ROUTINE");
        String second = sent(CM, c, p, "ROUTINE");

        // The first look: everything, newest first.
        partner(key).get("/partner/referrals").then().statusCode(200).body("items.id", contains(second, first));
        String mark = partner(key).get("/partner/referrals/" + second).path("updatedAt");

        // The partner accepts the first; only it has changed since the mark... and the second, changed at the mark.
        partnerMoves(key, first, Map.of("status", "ACCEPTED"), "ACCEPTED");
        String accepted = partner(key).get("/partner/referrals/" + first).path("updatedAt");
        assertTrue(OffsetDateTime.parse(accepted).isAfter(OffsetDateTime.parse(mark)));
        partner(key).queryParam("updatedSince", mark).get("/partner/referrals").then().statusCode(200)
                .body("items.id", contains(second, first)).body("totalItems", equalTo(2));
        partner(key).queryParam("updatedSince", accepted).get("/partner/referrals").then().statusCode(200)
                .body("items.id", contains(first)).body("items[0].status", equalTo("ACCEPTED"));
        partner(key).queryParam("updatedSince", OffsetDateTime.parse(accepted).plusSeconds(1).toString())
                .get("/partner/referrals").then().statusCode(200).body("items", hasSize(0));
        // An offset sent unencoded arrives with a space for its '+': still read as the instant meant.
        partner(key).queryParam("updatedSince", OffsetDateTime.parse(accepted).plusSeconds(1)
                        .atZoneSameInstant(java.time.ZoneOffset.ofHours(2)).toOffsetDateTime().toString().replace('+', ' '))
                .get("/partner/referrals").then().statusCode(200).body("items", hasSize(0));
        // Combined with the other filters.
        partner(key).queryParam("updatedSince", mark).queryParam("status", "REQUESTED").get("/partner/referrals")
                .then().statusCode(200).body("items.id", contains(second)).body("items.id", not(hasItem(first)));

        partner(key).queryParam("updatedSince", "вчора").get("/partner/referrals").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("updatedSince"));
        partner(key).queryParam("updatedSince", "2026-12-01").get("/partner/referrals").then().statusCode(400)
                .body("errors[0].field", equalTo("updatedSince"));
        partner(key).queryParam("changedSince", mark).get("/partner/referrals").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("changedSince"));
        partner(key).queryParam("statuss", "ACCEPTED").get("/partner/referrals").then().statusCode(400)
                .body("errors[0].field", equalTo("statuss"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("updatedSince"));
    }
}
