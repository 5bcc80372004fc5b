package ua.social.referral.apikey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import ua.social.identity.PartnerRateLimitedException;
import ua.social.referral.config.ReferralConfig;

import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;
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
    @Inject
    Clock clock;

    private final Map<UUID, RequestWindow> requests = new ConcurrentHashMap<>();

    /** Counts one request of the key, or throws {@link PartnerRateLimitedException} when over the limit. */
    public void acquire(UUID keyId) {
        long window = config.apiKeys().rateLimit().window().toMillis();
        int limit = config.apiKeys().rateLimit().requests();
        long now = clock.millis();
        RequestWindow times = requests.computeIfAbsent(keyId, k -> new RequestWindow());
        OptionalLong retryAfterSeconds;
        synchronized (times) {
            retryAfterSeconds = times.admit(now, limit, window);
        }
        if (retryAfterSeconds.isPresent()) {
            throw new PartnerRateLimitedException(retryAfterSeconds.getAsLong());
        }
    }

    /** Forgets a key's history (it was revoked: nothing of it needs counting any more). */
    public void forget(UUID keyId) {
        requests.remove(keyId);
    }
}
