package ua.social.referral;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import ua.social.referral.support.Api.PartnerSetup;
import ua.social.referral.support.CaseFeed.TestCase;
import ua.social.referral.support.ReferralEventsReader;
import ua.social.referral.support.ReferralEventsReader.Event;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.social.identity.testing.DemoUsers.MANAGER1_POLTAVA;
import static ua.social.referral.support.Api.issueKey;
import static ua.social.referral.support.Api.newPartner;
import static ua.social.referral.support.Api.openCase;
import static ua.social.referral.support.Api.partner;
import static ua.social.referral.support.Api.sent;

/** The partner's traced request and the event it causes share one trace: ce_traceparent on the topic. */
@QuarkusTest
class TraceContextTest {

    @Test
    void aPartnersTracedAnswerReachesTheTopicWithItsTraceContext() {
        try (ReferralEventsReader events = new ReferralEventsReader()) {
            TestCase c = openCase(MANAGER1_POLTAVA, true);
            PartnerSetup p = newPartner("EMPLOYMENT", "EMPLOYMENT");
            String key = issueKey(p.partnerId());
            String id = sent(MANAGER1_POLTAVA, c, p, "ROUTINE");
            String traceId = UUID.randomUUID().toString().replace("-", "");

            partner(key).header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
                    .body(Map.of("status", "ACCEPTED")).post("/partner/referrals/" + id + "/transitions")
                    .then().statusCode(200);

            Event accepted = await().atMost(Duration.ofSeconds(15)).until(() -> events.ofCase(c.id().toString()).stream()
                    .filter(e -> "ua.social.referral.accepted".equals(e.type())).findFirst().orElse(null), e -> e != null);
            assertNotNull(accepted.traceparent(), "the event carries the CloudEvents trace context");
            assertTrue(accepted.traceparent().startsWith("00-" + traceId + "-"),
                    "of the partner's trace: " + accepted.traceparent());
        }
    }
}
