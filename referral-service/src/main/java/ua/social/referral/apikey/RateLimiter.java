package ua.social.referral.apikey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import ua.social.identity.PartnerRateLimitedException;
import ua.social.referral.config.ReferralConfig;

import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A sliding-window rate limit per API key: at most {@code referral.api-keys.rate-limit.requests} requests
 * in any {@code referral.api-keys.rate-limit.window}. The window of each key is kept in PostgreSQL
 * ({@code partner_api_key_window}) and counted under that row's lock, so the limit is one total for the
 * key whichever instance of referral-service (and however many) serves its requests.
 */
@ApplicationScoped
public class RateLimiter {

    @Inject
    ReferralConfig config;
    @Inject
    Clock clock;
    @Inject
    EntityManager em;

    /**
     * Counts one request of the key, or throws {@link PartnerRateLimitedException} when over the limit.
     * Runs in the caller's transaction: the key's window stays locked until it ends, so concurrent requests
     * of one key (on any instance) are admitted one after the other.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void acquire(UUID keyId) {
        long window = config.apiKeys().rateLimit().window().toMillis();
        int limit = config.apiKeys().rateLimit().requests();
        em.createNativeQuery("INSERT INTO partner_api_key_window (key_id) VALUES (?1) ON CONFLICT (key_id) DO NOTHING")
                .setParameter(1, keyId).executeUpdate();
        em.createNativeQuery("SELECT key_id FROM partner_api_key_window WHERE key_id = ?1 FOR UPDATE")
                .setParameter(1, keyId).getSingleResult();
        // the clock is read once the lock is held: times are stored in the order requests were admitted
        long now = clock.millis();
        @SuppressWarnings("unchecked")
        List<Number> stored = em.createNativeQuery("SELECT t FROM partner_api_key_window w, unnest(w.admitted_at)"
                        + " WITH ORDINALITY AS a(t, n) WHERE w.key_id = ?1 ORDER BY n")
                .setParameter(1, keyId).getResultList();
        RequestWindow times = new RequestWindow(stored.stream().map(Number::longValue).toList());
        OptionalLong retryAfterSeconds = times.admit(now, limit, window);
        if (retryAfterSeconds.isPresent()) {
            throw new PartnerRateLimitedException(retryAfterSeconds.getAsLong());
        }
        em.createNativeQuery("UPDATE partner_api_key_window SET admitted_at = CAST(?2 AS bigint[]) WHERE key_id = ?1")
                .setParameter(1, keyId)
                .setParameter(2, times.admittedMillis().stream().map(String::valueOf)
                        .collect(Collectors.joining(",", "{", "}")))
                .executeUpdate();
    }

    /** Forgets a key's history (it was revoked: nothing of it needs counting any more). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(UUID keyId) {
        em.createNativeQuery("DELETE FROM partner_api_key_window WHERE key_id = ?1").setParameter(1, keyId)
                .executeUpdate();
    }
}
