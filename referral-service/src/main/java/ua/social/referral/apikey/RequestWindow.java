package ua.social.referral.apikey;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalLong;

/**
 * The sliding-window rule of the partner rate limit, for one key: a request is admitted when fewer than
 * {@code limit} requests were admitted in the {@code window} before it; otherwise the answer is how many
 * whole seconds until the oldest of them leaves the window (at least 1). Not thread-safe: the caller
 * holds the window's lock.
 */
final class RequestWindow {

    private final Deque<Long> admitted = new ArrayDeque<>();

    /** Admits a request made at {@code nowMillis} (empty), or says how many seconds to wait before retrying. */
    OptionalLong admit(long nowMillis, int limit, long windowMillis) {
        while (!admitted.isEmpty() && admitted.peekFirst() <= nowMillis - windowMillis) {
            admitted.pollFirst();
        }
        if (admitted.size() >= limit) {
            long waitMillis = admitted.peekFirst() + windowMillis - nowMillis;
            return OptionalLong.of(Math.max(1, (waitMillis + 999) / 1000));
        }
        admitted.addLast(nowMillis);
        return OptionalLong.empty();
    }
}
