package ua.social.referral;

import com.networknt.schema.ValidationMessage;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import ua.social.referral.support.Api.PartnerSetup;
import ua.social.referral.support.CaseFeed;
import ua.social.referral.support.CaseFeed.TestCase;
import ua.social.contracts.testing.EventSchemas;
import ua.social.referral.support.ReferralEventsReader;
import ua.social.referral.support.ReferralEventsReader.Event;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.social.identity.testing.DemoUsers.MANAGER1_POLTAVA;
import static ua.social.identity.testing.DemoUsers.MANAGER2_POLTAVA;
import static ua.social.identity.testing.DemoUsers.POLTAVA_HROMADA;
import static ua.social.identity.testing.DemoUsers.SUPERVISOR_POLTAVA;
import static ua.social.identity.testing.DemoUsers.SUPERVISOR_VINNYTSIA;
import static ua.social.identity.testing.DemoUsers.VINNYTSIA_HROMADA;
import static ua.social.identity.testing.DemoUsers.VINNYTSIA_OBLAST;
import static ua.social.referral.support.Api.as;
import static ua.social.referral.support.Api.draft;
import static ua.social.referral.support.Api.issueKey;
import static ua.social.referral.support.Api.newPartner;
import static ua.social.referral.support.Api.openCase;
import static ua.social.referral.support.Api.partner;
import static ua.social.referral.support.Api.referralBody;
import static ua.social.referral.support.Api.sent;
import static ua.social.referral.support.Api.userId;

/**
 * The closed loop: a case manager refers the client of a case (learnt from case.events) to a partner's
 * service; the partner, with its API key, accepts and works it to completion; every change is on
 * referral.events, keyed by the case id, valid against its schema.
 */
@QuarkusTest
class ReferralLifecycleTest {

    private static final String CM = MANAGER1_POLTAVA;

    private static void partnerMoves(String key, String id, Map<String, Object> body, String expected) {
        partner(key).body(body).post("/partner/referrals/" + id + "/transitions")
                .then().statusCode(200).body("status", equalTo(expected));
    }

    @Test
    void fromDraftToCompletedWithEveryEventOnTheTopic() {
        try (ReferralEventsReader events = new ReferralEventsReader()) {
            TestCase c = openCase(CM, true);
            PartnerSetup p = newPartner("EMPLOYMENT", "EMPLOYMENT");
            String key = issueKey(p.partnerId());

            // Draft, with Idempotency-Key: a retry creates nothing new.
            Map<String, Object> body = referralBody(c, p, "URGENT");
            body.put("planActionId", "8d2f3c4e-1b7a-4f0e-9a55-3f1c2b9d0e11");
            String id = as(CM).header("Idempotency-Key", "ref-" + c.id()).body(body).post("/referrals")
                    .then().statusCode(201).header("Location", containsString("/referrals/"))
                    .body("status", equalTo("DRAFT")).body("allowedMoves", contains("REQUESTED", "CANCELLED", "ENTERED_IN_ERROR"))
                    .body("serviceCategory", equalTo("EMPLOYMENT")).body("partner.sector", equalTo("EMPLOYMENT"))
                    .body("client.fullName", equalTo("Ганна Тестова")).body("hromada", equalTo(POLTAVA_HROMADA))
                    .body("requestedAt", nullValue()).extract().path("id");
            as(CM).header("Idempotency-Key", "ref-" + c.id()).body(body).post("/referrals")
                    .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));
            as(CM).get("/cases/" + c.id() + "/referrals").then().statusCode(200).body("items", hasSize(1));

            // A draft is invisible to the partner.
            partner(key).get("/partner/referrals/" + id).then().statusCode(404);
            partner(key).get("/partner/referrals").then().statusCode(200).body("items", hasSize(0));

            // Sent: the response deadline starts.
            as(CM).body(Map.of("status", "REQUESTED")).post("/referrals/" + id + "/transitions")
                    .then().statusCode(200).body("status", equalTo("REQUESTED"))
                    .body("requestedAt", notNullValue()).body("responseDueAt", notNullValue())
                    .body("allowedMoves", contains("CANCELLED", "ENTERED_IN_ERROR"));
            as(CM).queryParam("pending", true).get("/referrals").then().statusCode(200).body("items.id", hasItem(id));

            // The partner sees it, with the minimum client data and no case file.
            partner(key).queryParam("status", "REQUESTED").get("/partner/referrals").then().statusCode(200)
                    .body("items.id", contains(id)).body("items[0].clientName", equalTo("Ганна Тестова"));
            partner(key).get("/partner/referrals/" + id).then().statusCode(200)
                    .body("client.fullName", equalTo("Ганна Тестова")).body("client.phone", equalTo("+380 50 123 45 67"))
                    .body("client.dateOfBirth", equalTo("1985-03-14")).body("clientDataWithheld", equalTo(false))
                    .body("urgency", equalTo("URGENT")).body("referredBy", equalTo(CM))
                    .body("allowedMoves", contains("ACCEPTED", "REJECTED")).body("caseId", nullValue());

            // Illegal moves are 409 naming the current status and the side's allowed moves.
            partner(key).body(Map.of("status", "COMPLETED", "outcome", "x")).post("/partner/referrals/" + id + "/transitions")
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("currentStatus", equalTo("REQUESTED")).body("allowedMoves", contains("ACCEPTED", "REJECTED"))
                    .body("allowedStatuses", contains("ACCEPTED", "REJECTED")) // deprecated alias
                    .body("detail", containsString("allowed: ACCEPTED, REJECTED"));
            partner(key).body(Map.of("status", "CANCELLED")).post("/partner/referrals/" + id + "/transitions")
                    .then().statusCode(409).body("side", equalTo("PARTNER"));
            as(CM).body(Map.of("status", "ACCEPTED")).post("/referrals/" + id + "/transitions")
                    .then().statusCode(409).body("allowedMoves", contains("CANCELLED", "ENTERED_IN_ERROR"))
                    .body("side", equalTo("REFERRING_SIDE"));

            // The partner works it through.
            partnerMoves(key, id, Map.of("status", "ACCEPTED"), "ACCEPTED");
            partnerMoves(key, id, Map.of("status", "IN_PROGRESS"), "IN_PROGRESS");
            partnerMoves(key, id, Map.of("status", "ON_HOLD", "reason", "Клієнтка в лікарні"), "ON_HOLD");
            partnerMoves(key, id, Map.of("status", "IN_PROGRESS"), "IN_PROGRESS");
            partner(key).body(Map.of("status", "COMPLETED")).post("/partner/referrals/" + id + "/transitions")
                    .then().statusCode(400).body("errors[0].field", equalTo("outcome"));
            partner(key).body(Map.of("text", "Складено резюме, запрошено на співбесіду"))
                    .post("/partner/referrals/" + id + "/notes").then().statusCode(201).body("side", equalTo("PARTNER"));
            partnerMoves(key, id, Map.of("status", "COMPLETED", "outcome", "Працевлаштована продавчинею"), "COMPLETED");
            partner(key).body(Map.of("status", "IN_PROGRESS")).post("/partner/referrals/" + id + "/transitions")
                    .then().statusCode(409).body("allowedMoves", hasSize(0)).body("detail", containsString("none"));
            as(CM).body(Map.of("status", "CANCELLED")).post("/referrals/" + id + "/transitions").then().statusCode(409)
                    .body("currentStatus", equalTo("COMPLETED"));

            // The referring side reads the whole history, the outcome and the partner's note.
            as(CM).get("/referrals/" + id).then().statusCode(200)
                    .body("status", equalTo("COMPLETED")).body("outcome", equalTo("Працевлаштована продавчинею"))
                    .body("respondedAt", notNullValue())
                    .body("history.to", contains("DRAFT", "REQUESTED", "ACCEPTED", "IN_PROGRESS", "ON_HOLD",
                            "IN_PROGRESS", "COMPLETED"))
                    .body("history.side", contains("REFERRING_SIDE", "REFERRING_SIDE", "PARTNER", "PARTNER", "PARTNER",
                            "PARTNER", "PARTNER"))
                    .body("history[4].reason", equalTo("Клієнтка в лікарні"))
                    .body("notes[0].text", containsString("резюме"));
            as(CM).get("/referrals/" + id + "/history").then().statusCode(200).body("$", hasSize(7));

            // Every change is on referral.events, in order, keyed by the case id, valid against its schema.
            List<String> expected = List.of("ua.social.referral.created", "ua.social.referral.requested",
                    "ua.social.referral.accepted", "ua.social.referral.in-progress", "ua.social.referral.on-hold",
                    "ua.social.referral.in-progress", "ua.social.referral.completed");
            await().atMost(Duration.ofSeconds(20)).until(() -> events.ofCase(c.id().toString()).size() >= expected.size());
            List<Event> seen = events.ofCase(c.id().toString());
            assertEquals(expected, seen.stream().map(Event::type).toList());
            for (Event e : seen) {
                Set<ValidationMessage> errors = EventSchemas.validate(e.type(), e.data());
                assertTrue(errors.isEmpty(), e.type() + " violates its schema: " + errors);
                assertEquals("1.0", e.specversion());
                assertEquals("/referral-service", e.source());
                assertEquals(id, e.subject());
                assertEquals(c.id().toString(), e.key());
                assertEquals("application/json", e.contentType());
                assertEquals(id, e.data().get("referralId").asText());
                assertEquals(p.partnerId(), e.data().get("partnerId").asText());
                assertEquals("8d2f3c4e-1b7a-4f0e-9a55-3f1c2b9d0e11", e.data().get("planActionId").asText());
                assertTrue(e.data().path("clientFullName").isMissingNode(), "no client data in events");
                assertTrue(!e.data().toString().contains("Ганна"), "no client name in events");
            }
            assertEquals(1, seen.stream().map(Event::partition).distinct().count(), "one case, one partition");
            assertTrue(seen.get(0).data().get("previousStatus").isNull());
            assertTrue(seen.get(0).data().get("requestedAt").isNull());
            assertEquals("DRAFT", seen.get(1).data().get("previousStatus").asText());
            assertEquals("PARTNER", seen.get(2).data().get("changedBy").asText());
            assertEquals("Клієнтка в лікарні", seen.get(4).data().get("reason").asText());
            assertEquals("Працевлаштована продавчинею", seen.get(6).data().get("outcome").asText());
            assertEquals(seen.get(1).data().get("requestedAt").asText(), seen.get(6).data().get("requestedAt").asText());
        }
    }

    @Test
    void rejectionAndCancellationNeedAReason() {
        try (ReferralEventsReader events = new ReferralEventsReader()) {
            TestCase c = openCase(CM, true);
            PartnerSetup p = newPartner("HEALTH", "MEDICAL");
            String key = issueKey(p.partnerId());
            String rejected = sent(CM, c, p, "ROUTINE");
            partner(key).body(Map.of("status", "REJECTED")).post("/partner/referrals/" + rejected + "/transitions")
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("reason"));
            partner(key).body(Map.of("status", "REJECTED", "reason", "   ")).post("/partner/referrals/" + rejected + "/transitions")
                    .then().statusCode(400).body("errors[0].field", equalTo("reason"));
            partner(key).body(Map.of("status", "ACCEPTED", "reason", "без причини"))
                    .post("/partner/referrals/" + rejected + "/transitions")
                    .then().statusCode(400).body("errors[0].field", equalTo("reason"));
            partnerMoves(key, rejected, Map.of("status", "REJECTED", "reason", "Немає вільних місць"), "REJECTED");
            as(CM).get("/referrals/" + rejected).then().body("statusReason", equalTo("Немає вільних місць"));

            String failed = sent(CM, c, p, "ROUTINE");
            partnerMoves(key, failed, Map.of("status", "ACCEPTED"), "ACCEPTED");
            partnerMoves(key, failed, Map.of("status", "IN_PROGRESS"), "IN_PROGRESS");
            partner(key).body(Map.of("status", "FAILED")).post("/partner/referrals/" + failed + "/transitions")
                    .then().statusCode(400).body("errors[0].field", equalTo("reason"));
            partnerMoves(key, failed, Map.of("status", "FAILED", "reason", "Клієнтка не з'явилася"), "FAILED");

            String cancelled = sent(CM, c, p, "ROUTINE");
            partnerMoves(key, cancelled, Map.of("status", "ACCEPTED"), "ACCEPTED");
            as(CM).body(Map.of("status", "CANCELLED", "reason", "Клієнтка переїхала")).post("/referrals/" + cancelled + "/transitions")
                    .then().statusCode(200).body("status", equalTo("CANCELLED")).body("allowedMoves", contains("ENTERED_IN_ERROR"));
            partner(key).get("/partner/referrals/" + cancelled).then().statusCode(200)
                    .body("status", equalTo("CANCELLED")).body("statusReason", equalTo("Клієнтка переїхала"));

            String draftCancelled = draft(CM, c, p, "ROUTINE");
            as(CM).body(Map.of("status", "CANCELLED")).post("/referrals/" + draftCancelled + "/transitions")
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("reason"));
            as(CM).get("/referrals/" + draftCancelled).then().body("status", equalTo("DRAFT"));
            as(CM).body(Map.of("status", "CANCELLED", "reason", "Дублікат")).post("/referrals/" + draftCancelled + "/transitions")
                    .then().statusCode(200);
            partner(key).get("/partner/referrals/" + draftCancelled).then().statusCode(404);

            await().atMost(Duration.ofSeconds(20)).until(() -> events.ofCase(c.id().toString()).size() >= 14);
            List<Event> seen = events.ofCase(c.id().toString());
            for (Event e : seen) {
                Set<ValidationMessage> errors = EventSchemas.validate(e.type(), e.data());
                assertTrue(errors.isEmpty(), e.type() + " violates its schema: " + errors);
            }
            Event rejection = seen.stream().filter(e -> e.type().equals("ua.social.referral.rejected")).findFirst().orElseThrow();
            assertEquals("Немає вільних місць", rejection.data().get("reason").asText());
            Event failure = seen.stream().filter(e -> e.type().equals("ua.social.referral.failed")).findFirst().orElseThrow();
            assertEquals("IN_PROGRESS", failure.data().get("previousStatus").asText());
            List<Event> cancellations = seen.stream().filter(e -> e.type().equals("ua.social.referral.cancelled")).toList();
            assertEquals(2, cancellations.size());
            assertEquals("REFERRING_SIDE", cancellations.get(0).data().get("changedBy").asText());
            assertTrue(cancellations.get(1).data().get("requestedAt").isNull(), "a cancelled draft was never requested");
        }
    }

    @Test
    void partnersSeeOnlyTheirOwnReferrals() {
        TestCase c = openCase(CM, true);
        PartnerSetup mine = newPartner("LEGAL_AID", "LEGAL");
        PartnerSetup other = newPartner("LEGAL_AID", "LEGAL");
        String myKey = issueKey(mine.partnerId());
        String otherKey = issueKey(other.partnerId());
        String id = sent(CM, c, mine, "ROUTINE");

        partner(otherKey).get("/partner/referrals/" + id).then().statusCode(404).contentType("application/problem+json");
        partner(otherKey).body(Map.of("status", "ACCEPTED")).post("/partner/referrals/" + id + "/transitions")
                .then().statusCode(404);
        partner(otherKey).body(Map.of("text", "чужа")).post("/partner/referrals/" + id + "/notes").then().statusCode(404);
        partner(otherKey).get("/partner/referrals").then().statusCode(200).body("items", hasSize(0))
                .body("totalItems", equalTo(0));
        partner(myKey).get("/partner/referrals").then().statusCode(200).body("items.id", contains(id));
        partner(myKey).get("/partner/referrals/" + java.util.UUID.randomUUID()).then().statusCode(404);
        // A partner key cannot reach the referring side's API, nor a token the partner API.
        partner(myKey).get("/referrals/" + id).then().statusCode(403);
        as(CM).get("/partner/referrals").then().statusCode(403);
    }

    @Test
    void theReferringSideSeesItsCaseloadAndSupervisorsTheirCommunity() {
        TestCase c = openCase(CM, true);
        PartnerSetup p = newPartner("SOCIAL_PROTECTION", "MATERIAL_ECONOMIC");
        String id = sent(CM, c, p, "ROUTINE");

        as(CM).get("/referrals?size=200").then().statusCode(200).body("items.id", hasItem(id));
        as(CM).queryParam("caseId", c.id().toString()).get("/referrals").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].partner.name", equalTo(p.name()));
        as(SUPERVISOR_POLTAVA).queryParam("partnerId", p.partnerId()).get("/referrals").then().statusCode(200)
                .body("items.id", contains(id));
        as(SUPERVISOR_POLTAVA).get("/referrals/" + id).then().statusCode(200).body("client.fullName", notNullValue());
        as(SUPERVISOR_POLTAVA).get("/cases/" + c.id() + "/referrals").then().statusCode(200).body("items", hasSize(1));

        // Another case manager, and another community's supervisor, do not reach it.
        as(MANAGER2_POLTAVA).get("/referrals/" + id).then().statusCode(404);
        as(MANAGER2_POLTAVA).queryParam("partnerId", p.partnerId()).get("/referrals").then().statusCode(200)
                .body("items", hasSize(0));
        as(MANAGER2_POLTAVA).body(Map.of("status", "CANCELLED")).post("/referrals/" + id + "/transitions")
                .then().statusCode(404);
        as(MANAGER2_POLTAVA).body(referralBody(c, p, "ROUTINE")).post("/referrals").then().statusCode(404);
        as(SUPERVISOR_VINNYTSIA).get("/referrals/" + id).then().statusCode(404);
        as(SUPERVISOR_VINNYTSIA).get("/cases/" + c.id() + "/referrals").then().statusCode(404);

        // The case is reassigned to manager 2: the referral follows the case.
        CaseFeed.assign(c, userId(MANAGER2_POLTAVA), MANAGER2_POLTAVA);
        await().atMost(Duration.ofSeconds(20)).until(() -> as(MANAGER2_POLTAVA).get("/referrals/" + id).statusCode() == 200);
        as(CM).get("/referrals/" + id).then().statusCode(404);

        // The case is transferred to Vinnytsia: the referral moves to that community.
        CaseFeed.transfer(c, VINNYTSIA_OBLAST, VINNYTSIA_HROMADA, userId(MANAGER2_POLTAVA));
        await().atMost(Duration.ofSeconds(20)).until(() -> as(SUPERVISOR_VINNYTSIA).get("/referrals/" + id).statusCode() == 200);
        as(SUPERVISOR_VINNYTSIA).get("/referrals/" + id).then().body("hromada", equalTo(VINNYTSIA_HROMADA))
                .body("oblast", equalTo(VINNYTSIA_OBLAST));
        as(SUPERVISOR_POLTAVA).get("/referrals/" + id).then().statusCode(404);
    }
}
