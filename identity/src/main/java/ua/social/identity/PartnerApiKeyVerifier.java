package ua.social.identity;

import java.util.Optional;

/**
 * Extension point for partner API-key authentication. A service that accepts partner calls
 * (referral-service) provides one {@code @ApplicationScoped} implementation; services without
 * one ignore the {@code X-API-Key} header, so a partner key opens nothing there.
 *
 * <p>Implementations run on a worker thread and may use the database.
 */
public interface PartnerApiKeyVerifier {

    /**
     * @param presentedKey the raw secret from the {@code X-API-Key} header
     * @return the partner the key belongs to, or empty when the key is unknown, revoked or expired
     * @throws PartnerRateLimitedException when the key is valid but over its rate limit
     */
    Optional<PartnerKeyOwner> verify(String presentedKey);

    /** The organisation a valid key belongs to. */
    record PartnerKeyOwner(String partnerId, String partnerName, String keyPrefix) {
    }
}
