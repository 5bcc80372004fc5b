package ua.social.referral;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ua.social.identity.testing.TestClock;
import ua.social.referral.support.Api.PartnerSetup;
import ua.social.referral.support.CaseFeed;
import ua.social.referral.support.CaseFeed.TestCase;
import ua.social.referral.support.WebhookReceiver;
import ua.social.referral.support.WebhookReceiver.Received;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.social.identity.testing.DemoUsers.ADMIN;
import static ua.social.identity.testing.DemoUsers.MANAGER1_POLTAVA;
import static ua.social.referral.support.Api.as;
import static ua.social.referral.support.Api.awaitCase;
import static ua.social.referral.support.Api.issueKey;
import static ua.social.referral.support.Api.newPartner;
import static ua.social.referral.support.Api.openCase;
import static ua.social.referral.support.Api.partner;
import static ua.social.referral.support.Api.partnerBody;
import static ua.social.referral.support.Api.sent;

/**
 * Webhooks as a partner's own system sees them, with a receiver inside the test: signed requests for every change
 * of the partner's referrals, retried after a failure with the same webhook-id, in order per referral, nothing
 * after the client withdrew consent, and an endpoint failing for a day switched off with its reason. The retry
 * waits are passed by moving the platform's clock, never by waiting.
 */
@QuarkusTest
class WebhookTest {

    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);

    private TestClock clock;
    private WebhookReceiver receiver;

    @BeforeEach
    void setUp() {
        clock = new TestClock();
        QuarkusMock.installMockForType(clock, Clock.class);
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    private record Hook(String id, String secret, String path) {
    }

    private Hook register(String key, String partnerId) {
        Response r = partner(key).body(Map.of("url", receiver.url(), "description", "CRM")).post("/partners/" + partnerId + "/webhooks");
        r.then().statusCode(201).body("secret", startsWith("whsec_")).body("status", equalTo("ACTIVE"))
                .body("url", equalTo(receiver.url()));
        String id = r.path("id");
        return new Hook(id, r.path("secret"), "/partners/" + partnerId + "/webhooks/" + id);
    }

    private List<Received> awaitReceived(String referralId, int count) {
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200))
                .until(() -> receiver.receivedFor(referralId).size() >= count);
        return receiver.receivedFor(referralId);
    }

    private static Response log(String key, Hook hook) {
        return partner(key).queryParam("size", 200).get(hook.path() + "/deliveries");
    }

    private static List<Map<String, Object>> deliveriesOf(String key, Hook hook, String referralId) {
        List<Map<String, Object>> items = log(key, hook).then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(i -> referralId.equals(i.get("referralId"))).toList();
    }

    private static void move(String key, String referralId, String status) {
        partner(key).body(Map.of("status", status)).post("/partner/referrals/" + referralId + "/transitions")
                .then().statusCode(200);
    }

    @Test
    void aPartnerRegistersWithItsKeyAndEveryChangeOfItsReferralsArrivesSignedWithTheSecretShownOnce() {
        PartnerSetup p = newPartner("LEGAL_AID", "LEGAL");
        String key = issueKey(p.partnerId());
        Hook hook = register(key, p.partnerId());
        partner(key).get("/partners/" + p.partnerId() + "/webhooks").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].id", equalTo(hook.id()))
                .body("items[0].secret", nullValue()).body("items[0].secretPrefix", equalTo(hook.secret().substring(0, 12)))
                .body("items[0].status", equalTo("ACTIVE"));
        as(ADMIN).get(hook.path()).then().statusCode(200).body("url", equalTo(receiver.url()))
                .body("secret", nullValue());

        TestCase c = openCase(MANAGER1_POLTAVA, true);
        String referral = sent(MANAGER1_POLTAVA, c, p, "URGENT");
        move(key, referral, "ACCEPTED");

        List<Received> got = awaitReceived(referral, 2);
        assertEquals(List.of("REQUESTED", "ACCEPTED"), got.stream().map(Received::status).toList(),
                "the draft is never announced; then each change in order");
        for (Received r : got) {
            assertTrue(WebhookReceiver.verifies(hook.secret(), r), "signature of " + r);
            assertFalse(WebhookReceiver.verifies(WebhookReceiverSecrets.OTHER, r), "another secret does not verify");
            assertTrue(r.contentType().startsWith("application/json"), r.contentType());
            long ts = Long.parseLong(r.timestamp());
            assertTrue(Math.abs(clock.instant().getEpochSecond() - ts) < 60, "timestamp in unix seconds: " + ts);
            assertEquals(r.id(), r.json().path("id").asText(), "the body names its webhook-id");
            assertFalse(r.body().contains("Ганна") || r.body().contains("+380") || r.body().contains(c.id().toString()),
                    "no client data and no case id: " + r.body());
        }
        assertEquals("ua.social.referral.requested", got.get(0).json().path("type").asText());
        assertEquals("ua.social.referral.accepted", got.get(1).json().path("type").asText());
        assertEquals("REQUESTED", got.get(1).json().path("data").path("previousStatus").asText());
        assertEquals("/partner/referrals/" + referral, got.get(1).json().path("data").path("href").asText());

        await().atMost(Duration.ofSeconds(20)).until(() -> deliveriesOf(key, hook, referral).stream()
                .allMatch(d -> "DELIVERED".equals(d.get("status"))));
        List<Map<String, Object>> logged = deliveriesOf(key, hook, referral);
        assertEquals(List.of(got.get(1).id(), got.get(0).id()), logged.stream().map(d -> d.get("id")).toList(),
                "the log lists the deliveries newest first, by their webhook-id");
        log(key, hook).then().body("items[0].attempts", equalTo(1))
                .body("items[0].attemptLog[0].statusCode", equalTo(204)).body("items[0].nextAttemptAt", nullValue())
                .body("items[0].deliveredAt", notNullValue());
    }

    @Test
    void aDeliveryAnswered500IsRetriedAfterItsBackoffWithTheSameWebhookIdAndThenDelivered() {
        PartnerSetup p = newPartner("HEALTH", "MEDICAL");
        String key = issueKey(p.partnerId());
        Hook hook = register(key, p.partnerId());
        receiver.answer(500);
        TestCase c = openCase(MANAGER1_POLTAVA, true);
        String referral = sent(MANAGER1_POLTAVA, c, p, "ROUTINE");

        Received failed = awaitReceived(referral, 1).get(0);
        assertEquals(500, failed.answered());
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveriesOf(key, hook, referral).size() == 1
                && Integer.valueOf(1).equals(deliveriesOf(key, hook, referral).get(0).get("attempts")));
        log(key, hook).then().body("items[0].status", equalTo("PENDING"))
                .body("items[0].lastStatusCode", equalTo(500)).body("items[0].nextAttemptAt", notNullValue())
                .body("items[0].attemptLog[0].statusCode", equalTo(500));

        clock.advance(FIRST_BACKOFF.plusSeconds(1));
        List<Received> got = awaitReceived(referral, 2);
        Received retried = got.get(1);
        assertEquals(failed.id(), retried.id(), "the retry carries the same webhook-id");
        assertEquals(failed.body(), retried.body(), "and the same body");
        assertTrue(WebhookReceiver.verifies(hook.secret(), retried), "signed again for its own timestamp");
        assertEquals(204, retried.answered());
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(deliveriesOf(key, hook, referral).get(0).get("status")));
        log(key, hook).then().body("items[0].attempts", equalTo(2))
                .body("items[0].attemptLog.statusCode", equalTo(List.of(500, 204)))
                .body("items[0].id", equalTo(failed.id()));
        assertEquals(2, receiver.receivedFor(referral).size(), "delivered once after the failure, not again");
    }

    @Test
    void theNextChangeOfAReferralWaitsWhileTheEarlierIsRetriedAndAllArriveInOrder() {
        PartnerSetup p = newPartner("EMPLOYMENT", "EMPLOYMENT");
        String key = issueKey(p.partnerId());
        register(key, p.partnerId());
        receiver.answer(500);
        TestCase c = openCase(MANAGER1_POLTAVA, true);
        String first = sent(MANAGER1_POLTAVA, c, p, "ROUTINE");
        awaitReceived(first, 1);
        move(key, first, "ACCEPTED");
        move(key, first, "IN_PROGRESS");
        // Another referral of the same case: its events follow the first's on the same partition, so once it has
        // arrived, the first's later changes were waiting to be sent too.
        String second = sent(MANAGER1_POLTAVA, c, p, "ROUTINE");
        awaitReceived(second, 1);
        assertEquals(1, receiver.receivedFor(first).size(), "nothing more of the first while its REQUESTED is retried");

        clock.advance(FIRST_BACKOFF.plusSeconds(1));
        List<Received> got = awaitReceived(first, 4);
        assertEquals(List.of("REQUESTED", "REQUESTED", "ACCEPTED", "IN_PROGRESS"),
                got.stream().map(Received::status).toList());
        assertEquals(List.of(500, 204, 204, 204), got.stream().map(Received::answered).toList());
        assertEquals(got.get(0).id(), got.get(1).id());
    }

    @Test
    void nothingMoreOfAReferralIsDeliveredOnceTheClientWithdrewConsent() {
        PartnerSetup p = newPartner("HOUSING", "HOUSING");
        String key = issueKey(p.partnerId());
        Hook hook = register(key, p.partnerId());
        receiver.answer(500);
        TestCase c = openCase(MANAGER1_POLTAVA, true);
        String referral = sent(MANAGER1_POLTAVA, c, p, "ROUTINE");
        awaitReceived(referral, 1);

        CaseFeed.consent(c.id(), c.hromada(), false, CaseFeed.now());
        awaitCase(MANAGER1_POLTAVA, c, false, false);
        await().atMost(Duration.ofSeconds(20)).until(() -> "WITHHELD".equals(deliveriesOf(key, hook, referral).get(0).get("status")));
        move(key, referral, "ACCEPTED");
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveriesOf(key, hook, referral).size() == 2);

        // A referral of another client, with consent, past the retry time: once it has arrived, the dispatcher
        // has passed the withheld ones.
        TestCase other = openCase(MANAGER1_POLTAVA, true);
        clock.advance(FIRST_BACKOFF.plusSeconds(1));
        String sentinel = sent(MANAGER1_POLTAVA, other, p, "ROUTINE");
        awaitReceived(sentinel, 1);

        assertEquals(1, receiver.receivedFor(referral).size(), "only the attempt made before the withdrawal");
        log(key, hook).then().statusCode(200);
        List<Map<String, Object>> withheld = deliveriesOf(key, hook, referral);
        assertEquals(List.of("WITHHELD", "WITHHELD"), withheld.stream().map(d -> d.get("status")).toList());
        assertTrue(withheld.stream().allMatch(d -> d.get("nextAttemptAt") == null));
        assertTrue(String.valueOf(withheld.get(0).get("closedReason")).contains("consent"));
    }

    @Test
    void anEndpointFailingForADayIsDisabledWithItsReasonUntilThePartnerReactivatesIt() {
        PartnerSetup p = newPartner("EDUCATION", "EDUCATIONAL");
        String key = issueKey(p.partnerId());
        Hook hook = register(key, p.partnerId());
        receiver.otherwise(503);
        TestCase c = openCase(MANAGER1_POLTAVA, true);
        String referral = sent(MANAGER1_POLTAVA, c, p, "ROUTINE");
        awaitReceived(referral, 1);
        move(key, referral, "ACCEPTED");
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveriesOf(key, hook, referral).size() == 2);

        clock.advance(Duration.ofHours(12));
        awaitReceived(referral, 2);
        partner(key).get(hook.path()).then().body("status", equalTo("ACTIVE"));
        clock.advance(Duration.ofHours(12).plusMinutes(1));
        awaitReceived(referral, 3);
        await().atMost(Duration.ofSeconds(20)).until(() -> "DISABLED".equals(partner(key).get(hook.path()).path("status")));

        partner(key).get(hook.path()).then().statusCode(200).body("disabledAt", notNullValue())
                .body("disabledReason", containsString("HTTP 503")).body("disabledReason", containsString("reactivation"));
        List<Map<String, Object>> deliveries = deliveriesOf(key, hook, referral);
        assertEquals(List.of("ABANDONED", "FAILED"), deliveries.stream().map(d -> d.get("status")).toList());
        log(key, hook).then().body("items[1].attempts", greaterThanOrEqualTo(3))
                .body("items[1].attemptLog.statusCode", everyItem(equalTo(503)));
        List<String> ids = receiver.receivedFor(referral).stream().map(Received::id).distinct().toList();
        assertEquals(1, ids.size(), "only the first change was ever attempted: the second waited behind it");

        receiver.otherwise(204);
        partner(key).post(hook.path() + "/reactivation").then().statusCode(200).body("status", equalTo("ACTIVE"))
                .body("reactivatedAt", notNullValue());
        move(key, referral, "IN_PROGRESS");
        Received after = awaitReceived(referral, 4).get(3);
        assertEquals("IN_PROGRESS", after.status());
        assertTrue(WebhookReceiver.verifies(hook.secret(), after));
    }

    @Test
    void aPartnerDeactivatedInTheDirectoryGetsNothingMore() {
        PartnerSetup p = newPartner("PSYCHOLOGICAL_SUPPORT", "PSYCHOLOGICAL");
        String key = issueKey(p.partnerId());
        Hook hook = register(key, p.partnerId());
        TestCase c = openCase(MANAGER1_POLTAVA, true);
        String referral = sent(MANAGER1_POLTAVA, c, p, "ROUTINE");
        awaitReceived(referral, 1);

        Map<String, Object> off = partnerBody(p.name(), "PSYCHOLOGICAL_SUPPORT");
        off.put("active", false);
        as(ADMIN).body(off).put("/partners/" + p.partnerId()).then().statusCode(200);
        as(MANAGER1_POLTAVA).body(Map.of("status", "CANCELLED", "reason", "Клієнтка звернулась деінде"))
                .post("/referrals/" + referral + "/transitions").then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Map<String, Object>> items = as(ADMIN).queryParam("status", "ABANDONED").get(hook.path() + "/deliveries")
                    .then().statusCode(200).extract().jsonPath().getList("items");
            return items.size() == 1;
        });
        as(ADMIN).queryParam("status", "ABANDONED").get(hook.path() + "/deliveries").then()
                .body("items[0].eventType", equalTo("ua.social.referral.cancelled")).body("items[0].attempts", equalTo(0))
                .body("items[0].closedReason", containsString("deactivated"));
        assertEquals(List.of("REQUESTED"), receiver.receivedFor(referral).stream().map(Received::status).toList());
    }

    @Test
    void registrationRefusesWhatIsNotAnHttpsEndpointNamingTheFieldAndStoresNothing() {
        PartnerSetup p = newPartner("LEGAL_AID", "LEGAL");
        String key = issueKey(p.partnerId());
        String hooks = "/partners/" + p.partnerId() + "/webhooks";
        for (String url : List.of("not a url", "ftp://hooks.partner.example.ua/", "http://hooks.partner.example.ua/crm",
                "https://10.0.0.7/crm", "https://user:secret@hooks.partner.example.ua/", "hooks.partner.example.ua/crm", "")) {
            partner(key).body(Map.of("url", url)).post(hooks).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("url"));
        }
        partner(key).body(Map.of()).post(hooks).then().statusCode(400).body("errors[0].field", equalTo("url"));
        partner(key).body(Map.of("url", "https://hooks.partner.example.ua/crm", "description", "x".repeat(201)))
                .post(hooks).then().statusCode(400).body("errors[0].field", equalTo("description"));
        partner(key).body("{\"url\": ").post(hooks).then().statusCode(400).contentType("application/problem+json");
        partner(key).get(hooks).then().statusCode(200).body("totalItems", equalTo(0));

        as(ADMIN).body(Map.of("url", "https://hooks.partner.example.ua/crm")).post(hooks).then().statusCode(201)
                .body("url", equalTo("https://hooks.partner.example.ua/crm")).body("createdBy", equalTo(ADMIN));
    }

    @Test
    void aPartnerNeitherSeesNorRegistersAnotherPartnersWebhooks() {
        PartnerSetup a = newPartner("LEGAL_AID", "LEGAL");
        String aKey = issueKey(a.partnerId());
        PartnerSetup b = newPartner("HEALTH", "MEDICAL");
        String bKey = issueKey(b.partnerId());
        Hook bHook = register(bKey, b.partnerId());
        String bHooks = "/partners/" + b.partnerId() + "/webhooks";

        partner(aKey).body(Map.of("url", receiver.url())).post(bHooks).then().statusCode(403)
                .contentType("application/problem+json");
        partner(aKey).get(bHooks).then().statusCode(403);
        partner(aKey).get(bHook.path()).then().statusCode(403);
        partner(aKey).get(bHook.path() + "/deliveries").then().statusCode(403);
        partner(aKey).post(bHook.path() + "/reactivation").then().statusCode(403);
        // B's webhook under A's own path is not A's: 404, and the admin gets the same through the wrong partner
        partner(aKey).get("/partners/" + a.partnerId() + "/webhooks/" + bHook.id()).then().statusCode(404);
        as(ADMIN).get("/partners/" + a.partnerId() + "/webhooks/" + bHook.id()).then().statusCode(404);
        partner(bKey).get(bHooks).then().statusCode(200).body("items", hasSize(1));
        partner(aKey).get("/partners/" + a.partnerId() + "/webhooks").then().statusCode(200).body("items", hasSize(0));
        as(MANAGER1_POLTAVA).get(bHooks).then().statusCode(403);
    }

    /** A secret that is not the endpoint's, to show a signature does not verify with any secret. */
    private static final class WebhookReceiverSecrets {
        static final String OTHER = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    }
}
