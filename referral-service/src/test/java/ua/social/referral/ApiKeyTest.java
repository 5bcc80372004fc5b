package ua.social.referral;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import ua.social.identity.testing.TestClock;
import ua.social.referral.support.Api.PartnerSetup;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.social.identity.testing.DemoUsers.ADMIN;
import static ua.social.identity.testing.DemoUsers.SUPERVISOR_POLTAVA;
import static ua.social.referral.support.Api.as;
import static ua.social.referral.support.Api.issueKey;
import static ua.social.referral.support.Api.newPartner;
import static ua.social.referral.support.Api.partner;

/**
 * Partner API keys: issued by a platform admin with the secret shown once and only a hash kept;
 * listed, revoked at once, rotated with a grace period; a per-key rate limit (40 per minute in tests).
 */
@QuarkusTest
class ApiKeyTest {

    @Test
    void aKeyIsShownOnceAndAuthenticatesItsPartner() {
        PartnerSetup p = newPartner("HEALTH", "MEDICAL");
        String keys = "/partners/" + p.partnerId() + "/api-keys";
        Response issued = as(ADMIN).header("Idempotency-Key", "issue-" + p.partnerId())
                .body(Map.of("label", "МІС клініки")).post(keys);
        issued.then().statusCode(201).header("Location", containsString(keys + "/"))
                .body("key", startsWith("rsk_")).body("prefix", startsWith("rsk_")).body("header", equalTo("X-API-Key"));
        String secret = issued.path("key");
        String prefix = issued.path("prefix");
        assertTrue(secret.startsWith(prefix + "_"));

        // A replay with the same Idempotency-Key creates no second key and never shows the secret again.
        as(ADMIN).header("Idempotency-Key", "issue-" + p.partnerId()).body(Map.of("label", "МІС клініки")).post(keys)
                .then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(issued.path("id"))).body("key", nullValue());

        // The key authenticates the partner: role partner, its id.
        partner(secret).get("/me").then().statusCode(200)
                .body("partnerId", equalTo(p.partnerId())).body("roles", equalTo(List.of("partner")))
                .body("username", equalTo(p.name()));

        as(ADMIN).get(keys).then().statusCode(200).body("items", hasSize(1))
                .body("items[0].prefix", equalTo(prefix)).body("items[0].status", equalTo("ACTIVE"))
                .body("items[0].lastUsedAt", notNullValue()).body("items[0].createdAt", notNullValue())
                .body("items[0].label", equalTo("МІС клініки"))
                .body("items[0].key", nullValue());
        String listed = as(ADMIN).get(keys).asString();
        assertFalse(listed.contains(secret.substring(prefix.length() + 1)), "the secret never appears again");

        // Only platform admins manage keys; a partner key opens no staff endpoint.
        as(SUPERVISOR_POLTAVA).body(Map.of()).post(keys).then().statusCode(403).contentType("application/problem+json");
        partner(secret).get("/referrals").then().statusCode(403).contentType("application/problem+json");
        partner(secret).body(Map.of()).post(keys).then().statusCode(403);
    }

    @Test
    void unknownOrMalformedKeysAre401() {
        partner("not-a-key").get("/partner/referrals").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"));
        partner("rsk_0123456789_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").get("/partner/referrals")
                .then().statusCode(401).body("type", containsString("unauthenticated"));
        PartnerSetup p = newPartner("EDUCATION", "EDUCATIONAL");
        String secret = issueKey(p.partnerId());
        String tampered = secret.substring(0, secret.length() - 1) + (secret.endsWith("A") ? "B" : "A");
        partner(tampered).get("/partner/referrals").then().statusCode(401);
        partner(secret).get("/partner/referrals").then().statusCode(200);
    }

    @Test
    void aRevokedKeyIsRefusedAtOnce() {
        PartnerSetup p = newPartner("LEGAL_AID", "LEGAL");
        Response issued = as(ADMIN).body(Map.of()).post("/partners/" + p.partnerId() + "/api-keys");
        String secret = issued.path("key");
        partner(secret).get("/partner/referrals").then().statusCode(200);
        as(ADMIN).post("/partners/" + p.partnerId() + "/api-keys/" + issued.path("id") + "/revocation")
                .then().statusCode(200).body("status", equalTo("REVOKED")).body("revokedBy", equalTo(ADMIN))
                .body("revokedAt", notNullValue());
        partner(secret).get("/partner/referrals").then().statusCode(401).contentType("application/problem+json");
        // Rotating a revoked key is refused.
        as(ADMIN).post("/partners/" + p.partnerId() + "/api-keys/" + issued.path("id") + "/rotation")
                .then().statusCode(409).body("status", equalTo("REVOKED"));
    }

    @Test
    void aDeactivatedPartnersKeysStopWorking() {
        PartnerSetup p = newPartner("HUMANITARIAN", "MATERIAL_ECONOMIC");
        String secret = issueKey(p.partnerId());
        partner(secret).get("/partner/referrals").then().statusCode(200);
        Map<String, Object> inactive = ua.social.referral.support.Api.partnerBody(p.name(), "HUMANITARIAN");
        inactive.put("active", false);
        as(ADMIN).body(inactive).put("/partners/" + p.partnerId()).then().statusCode(200).body("active", equalTo(false));
        partner(secret).get("/partner/referrals").then().statusCode(401);
        as(ADMIN).body(Map.of()).post("/partners/" + p.partnerId() + "/api-keys").then().statusCode(409)
                .body("type", containsString("partner-inactive"));
    }

    @Test
    void rotationKeepsTheOldKeyForTheGracePeriodOnly() {
        TestClock clock = new TestClock();
        QuarkusMock.installMockForType(clock, Clock.class);
        PartnerSetup p = newPartner("HOUSING", "HOUSING");
        String keys = "/partners/" + p.partnerId() + "/api-keys";
        Response first = as(ADMIN).body(Map.of("label", "v1")).post(keys);
        String oldKey = first.path("key");
        Response rotated = as(ADMIN).post(keys + "/" + first.path("id") + "/rotation");
        rotated.then().statusCode(201).body("key", startsWith("rsk_")).body("rotatedFrom", equalTo(first.path("id")))
                .body("label", equalTo("v1"));
        String newKey = rotated.path("key");

        // Within the grace period (24 hours) both keys work.
        partner(oldKey).get("/partner/referrals").then().statusCode(200);
        partner(newKey).get("/partner/referrals").then().statusCode(200);
        as(ADMIN).get(keys + "/" + first.path("id")).then().statusCode(200)
                .body("replacedBy", equalTo(rotated.path("id"))).body("expiresAt", notNullValue());
        as(ADMIN).post(keys + "/" + first.path("id") + "/rotation").then().statusCode(409)
                .body("type", containsString("key-already-rotated"));

        clock.advance(Duration.ofHours(24).minusMinutes(1));
        partner(oldKey).get("/partner/referrals").then().statusCode(200);

        // After it, only the new key does.
        clock.advance(Duration.ofMinutes(1));
        partner(oldKey).get("/partner/referrals").then().statusCode(401);
        partner(newKey).get("/partner/referrals").then().statusCode(200);
        as(ADMIN).get(keys).then().statusCode(200).body("items.status", hasItem("EXPIRED"))
                .body("items.status", hasItem("ACTIVE"));
    }

    @Test
    void anExplicitExpiryEndsAKey() {
        TestClock clock = new TestClock();
        QuarkusMock.installMockForType(clock, Clock.class);
        PartnerSetup p = newPartner("OTHER", "INFORMATION");
        String expires = OffsetDateTime.now(clock).plusHours(1).toString();
        String secret = as(ADMIN).body(Map.of("expiresAt", expires)).post("/partners/" + p.partnerId() + "/api-keys")
                .then().statusCode(201).extract().path("key");
        partner(secret).get("/partner/referrals").then().statusCode(200);
        clock.advance(Duration.ofMinutes(59));
        partner(secret).get("/partner/referrals").then().statusCode(200);
        clock.advance(Duration.ofMinutes(1));
        partner(secret).get("/partner/referrals").then().statusCode(401);
        as(ADMIN).body(Map.of("expiresAt", "2020-01-01T00:00:00Z")).post("/partners/" + p.partnerId() + "/api-keys")
                .then().statusCode(400).body("errors[0].field", equalTo("expiresAt"));
        as(ADMIN).body(Map.of("expiresAt", "next tuesday")).post("/partners/" + p.partnerId() + "/api-keys")
                .then().statusCode(400).body("errors[0].field", equalTo("expiresAt"));
    }

    @Test
    void requestsOverTheRateLimitGet429WithRetryAfter() {
        TestClock clock = new TestClock();
        QuarkusMock.installMockForType(clock, Clock.class);
        PartnerSetup p = newPartner("HUMANITARIAN", "MATERIAL_ECONOMIC");
        String secret = issueKey(p.partnerId());
        List<Integer> statuses = new ArrayList<>();
        Response limited = null;
        for (int i = 0; i < 45 && limited == null; i++) {
            Response r = partner(secret).get("/partner/referrals");
            statuses.add(r.statusCode());
            if (r.statusCode() == 429) {
                limited = r;
            }
        }
        assertEquals(40, statuses.stream().filter(s -> s == 200).count(), "the limit is 40 per minute in tests");
        assertTrue(limited != null, "request 41 is over the limit");
        limited.then().contentType("application/problem+json").body("type", containsString("rate-limited"))
                .header("Retry-After", notNullValue()).body("retryAfterSeconds", notNullValue());
        assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1);
        // A window (one minute) later the key is admitted again.
        clock.advance(Duration.ofMinutes(1));
        partner(secret).get("/partner/referrals").then().statusCode(200);
        // Another partner's key is not affected.
        PartnerSetup other = newPartner("HUMANITARIAN", "MATERIAL_ECONOMIC");
        partner(issueKey(other.partnerId())).get("/partner/referrals").then().statusCode(200);
    }
}
