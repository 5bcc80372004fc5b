package ua.social.referral.apikey;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The partner rate limit's sliding window, without infrastructure: who is admitted and how long to wait. */
@Tag("fast")
class RequestWindowTest {

    private static final long MINUTE = 60_000;
    private static final OptionalLong ADMITTED = OptionalLong.empty();

    @Test
    void requestsUpToTheLimitWithinTheWindowAreAdmittedAndTheNextIsRefused() {
        RequestWindow w = new RequestWindow();
        assertEquals(ADMITTED, w.admit(0, 3, MINUTE));
        assertEquals(ADMITTED, w.admit(10_000, 3, MINUTE));
        assertEquals(ADMITTED, w.admit(20_000, 3, MINUTE));
        // the oldest admitted request (at 0 s) leaves the window at 60 s: 30 s from now
        assertEquals(OptionalLong.of(30), w.admit(30_000, 3, MINUTE));
    }

    @Test
    void theWindowSlidesARequestLeavesItExactlyOneWindowLater() {
        RequestWindow w = new RequestWindow();
        w.admit(0, 2, MINUTE);
        w.admit(30_000, 2, MINUTE);
        assertEquals(OptionalLong.of(1), w.admit(59_999, 2, MINUTE), "one millisecond to wait rounds up to a second");
        assertEquals(ADMITTED, w.admit(60_000, 2, MINUTE), "the request at 0 s no longer counts at 60 s");
        assertEquals(OptionalLong.of(30), w.admit(60_000, 2, MINUTE), "30 s and 60 s are in the window now");
        assertEquals(ADMITTED, w.admit(90_000, 2, MINUTE));
    }

    @Test
    void refusedRequestsDoNotCount() {
        RequestWindow w = new RequestWindow();
        w.admit(0, 1, MINUTE);
        for (long t = 1_000; t < MINUTE; t += 1_000) {
            assertTrue(w.admit(t, 1, MINUTE).isPresent(), "refused at " + t);
        }
        assertEquals(ADMITTED, w.admit(MINUTE, 1, MINUTE), "a minute after the only admitted request, admitted again");
    }

    @Test
    void theWaitIsRoundedUpToWholeSeconds() {
        RequestWindow w = new RequestWindow();
        w.admit(0, 1, MINUTE);
        assertEquals(OptionalLong.of(60), w.admit(1, 1, MINUTE), "59.999 s to wait is said as 60");
        assertEquals(OptionalLong.of(59), w.admit(1_000, 1, MINUTE));
        assertEquals(OptionalLong.of(59), w.admit(1_001, 1, MINUTE), "58.999 s rounds up to 59");
    }
}
