package ua.social.referral.apikey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ua.social.identity.PartnerApiKeyVerifier;
import ua.social.referral.partner.Partner;
import ua.social.referral.support.Time;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The partner API-key check of the identity library's {@code X-API-Key} mechanism: the key is found by
 * its prefix and compared by hash; revoked and expired keys, and keys of deactivated partners, are
 * refused at once (nothing is cached); a valid key over its rate limit gets 429.
 */
@ApplicationScoped
public class StoredPartnerKeys implements PartnerApiKeyVerifier {

    @Inject
    Clock clock;
    @Inject
    RateLimiter rateLimiter;

    @Override
    @Transactional
    public Optional<PartnerKeyOwner> verify(String presentedKey) {
        Optional<String> prefix = KeySecrets.prefixOf(presentedKey);
        if (prefix.isEmpty()) {
            return Optional.empty();
        }
        PartnerApiKey key = PartnerApiKey.find("prefix", prefix.get()).firstResult();
        if (key == null || !KeySecrets.sameHash(KeySecrets.hash(presentedKey), key.secretHash)) {
            return Optional.empty();
        }
        OffsetDateTime now = Time.now(clock);
        if (key.status(now) != PartnerApiKey.Status.ACTIVE) {
            return Optional.empty();
        }
        Partner partner = Partner.findById(key.partnerId);
        if (partner == null || !partner.active) {
            return Optional.empty();
        }
        rateLimiter.acquire(key.id);
        key.lastUsedAt = now;
        return Optional.of(new PartnerKeyOwner(partner.id.toString(), partner.name, key.prefix));
    }
}
