package ua.social.referral.apikey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import ua.social.identity.PartnerRateLimitedException;
import ua.social.referral.config.ReferralConfig;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sliding-window rate limit per API key: at most {@code referral.api-keys.rate-limit.requests} requests
 * in any {@code referral.api-keys.rate-limit.window}. Kept in memory of this instance: with several
 * instances behind a balancer each enforces the limit on its own share.
 */
@ApplicationScoped
public class RateLimiter {

    @Inject
    ReferralConfig config;

    private final Map<UUID, Deque<Long>> requests = new ConcurrentHashMap<>();

    /** Counts one request of the key, or throws {@link PartnerRateLimitedException} when over the limit. */
    public void acquire(UUID keyId) {
        long window = config.apiKeys().rateLimit().window().toMillis();
        int limit = config.apiKeys().rateLimit().requests();
        long now = System.currentTimeMillis();
        Deque<Long> times = requests.computeIfAbsent(keyId, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= now - window) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                long waitMillis = times.peekFirst() + window - now;
                throw new PartnerRateLimitedException(Math.max(1, (waitMillis + 999) / 1000));
            }
            times.addLast(now);
        }
    }

    /** Forgets a key's history (it was revoked: nothing of it needs counting any more). */
    public void forget(UUID keyId) {
        requests.remove(keyId);
    }
}
