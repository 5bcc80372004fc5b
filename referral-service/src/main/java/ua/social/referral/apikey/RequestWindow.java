package ua.social.referral.apikey;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;

/**
 * The sliding-window rule of the partner rate limit, for one key: a request is admitted when fewer than
 * {@code limit} requests were admitted in the {@code window} before it; otherwise the answer is how many
 * whole seconds until the oldest of them leaves the window (at least 1). Not thread-safe: the caller
 * holds the window's lock (the {@link RateLimiter} keeps it in PostgreSQL, under the key's row lock).
 */
final class RequestWindow {

    private final Deque<Long> admitted = new ArrayDeque<>();

    RequestWindow() {
    }

    /** A window that already admitted requests at these times (oldest first), as stored. */
    RequestWindow(Collection<Long> admittedMillis) {
        admitted.addAll(admittedMillis);
    }

    /** The times of the requests admitted in the window, oldest first: what is stored for the key. */
    List<Long> admittedMillis() {
        return List.copyOf(admitted);
    }

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
