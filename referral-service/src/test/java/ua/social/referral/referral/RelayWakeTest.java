package ua.social.referral.referral;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import ua.social.referral.support.Api.PartnerSetup;
import ua.social.referral.support.CaseFeed.TestCase;
import ua.social.referral.support.ReferralEventsReader;
import ua.social.referral.support.ReferralEventsReader.Event;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static ua.social.identity.testing.DemoUsers.MANAGER2_POLTAVA;
import static ua.social.referral.support.Api.issueKey;
import static ua.social.referral.support.Api.newPartner;
import static ua.social.referral.support.Api.openCase;
import static ua.social.referral.support.Api.partner;
import static ua.social.referral.support.Api.sent;

/**
 * The outbox relay publishes a change as soon as the transaction that wrote it commits (messaging
 * OutboxSignal), not at its next poll: here the poll is an hour away, and every event still arrives.
 */
@QuarkusTest
@TestProfile(RelayWakeTest.PollOnceAnHour.class)
class RelayWakeTest {

    public static class PollOnceAnHour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("platform.outbox.poll-interval", "1h");
        }
    }

    @Test
    void aPartnersChangeIsPublishedWhenItCommitsWithoutWaitingForThePoll() throws Exception {
        try (ReferralEventsReader events = new ReferralEventsReader()) {
            TestCase c = openCase(MANAGER2_POLTAVA, true);
            PartnerSetup p = newPartner("HEALTH", "MEDICAL");
            String key = issueKey(p.partnerId());
            String referral = sent(MANAGER2_POLTAVA, c, p, "ROUTINE");
            partner(key).body(Map.of("status", "ACCEPTED")).post("/partner/referrals/" + referral + "/transitions")
                    .then().statusCode(200);

            await().atMost(Duration.ofSeconds(30)).until(() -> events.ofCase(c.id().toString()).stream()
                    .anyMatch(e -> e.type().equals("ua.social.referral.accepted")));
            List<String> types = events.ofCase(c.id().toString()).stream().map(Event::type).toList();
            assertEquals(List.of("ua.social.referral.created", "ua.social.referral.requested",
                    "ua.social.referral.accepted"), types, "every change of the referral, in order");
        }
    }
}
