package ua.social.referral.webhook;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import ua.social.identity.problem.ProblemException;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signatures, the retry schedule and what an endpoint may be, without I/O. */
@Tag("fast")
class WebhookRulesTest {

    @Test
    void signaturesReproduceTheStandardWebhooksPublishedTestVector() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSignatures.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330L, "{\"test\": 2432232314}"));
    }

    @Test
    void aNewSecretIsWhsecAndThirtyTwoRandomBytesAndNeverTheSameTwice() {
        String a = WebhookSignatures.newSecret();
        String b = WebhookSignatures.newSecret();
        assertTrue(a.startsWith("whsec_"), a);
        assertEquals(32, java.util.Base64.getDecoder().decode(a.substring(6)).length);
        assertTrue(!a.equals(b));
    }

    @Test
    void aFailingDeliveryIsRetriedWithDoublingWaitsForAtLeastADayAndThenGivenUp() {
        RetrySchedule s = new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(2), Duration.ofHours(24));
        assertEquals(Duration.ofSeconds(30), s.backoff(1));
        assertEquals(Duration.ofSeconds(60), s.backoff(2));
        assertEquals(Duration.ofSeconds(120), s.backoff(3));
        assertEquals(Duration.ofHours(2), s.backoff(40));
        OffsetDateTime first = OffsetDateTime.of(2026, 12, 1, 8, 0, 0, 0, ZoneOffset.UTC);
        OffsetDateTime at = first;
        List<OffsetDateTime> attempts = new ArrayList<>(List.of(first));
        Optional<OffsetDateTime> next;
        while ((next = s.next(first, attempts.size(), at)).isPresent()) {
            at = next.get();
            attempts.add(at);
        }
        OffsetDateTime last = attempts.get(attempts.size() - 1);
        assertTrue(!last.isBefore(first.plusHours(24)), "the last attempt is a day after the first: " + last);
        assertTrue(attempts.size() >= 15 && attempts.size() <= 30, "attempts: " + attempts.size());
        for (int i = 1; i < attempts.size(); i++) {
            assertTrue(Duration.between(attempts.get(i - 1), attempts.get(i)).compareTo(Duration.ofHours(2)) <= 0);
        }
    }

    @Test
    void anEndpointMustBeHttpsOnTheInternetAndPlainHttpOnlyOnLocalhostWhenAllowed() {
        assertEquals("https://hooks.partner.example.ua/platform",
                WebhookUrls.check("https://hooks.partner.example.ua/platform", false).toString());
        assertEquals("http://127.0.0.1:8123/hook", WebhookUrls.check("http://127.0.0.1:8123/hook", true).toString());
        for (String bad : List.of("http://127.0.0.1:8123/hook", "http://hooks.partner.example.ua/", "ftp://partner.example.ua/",
                "hooks.partner.example.ua/platform", "https://", "not a url", "https://user:pw@partner.example.ua/",
                "https://partner.example.ua/#frag", "https://10.1.2.3/hook", "https://192.168.0.10/hook",
                "https://169.254.169.254/latest", "https://[::1]/hook", "https://localhost/hook", "https://999.1.1.1/",
                " ", "https://" + "a".repeat(2000) + ".ua/")) {
            ProblemException e = assertThrows(ProblemException.class, () -> WebhookUrls.check(bad, false), bad);
            assertEquals(400, e.problem().status, bad);
        }
        assertThrows(ProblemException.class, () -> WebhookUrls.check("http://partner.example.ua/", true));
    }
}
