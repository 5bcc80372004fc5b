package ua.social.referral.apikey;

import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ua.social.identity.CallerContext;
import ua.social.identity.PartnerApiKeyAuthenticationMechanism;
import ua.social.identity.problem.Problem;
import ua.social.identity.problem.ProblemException;
import ua.social.identity.web.PageView;
import ua.social.referral.config.ReferralConfig;
import ua.social.referral.partner.Partner;
import ua.social.referral.partner.PartnerDeactivated;
import ua.social.referral.apikey.ApiKeyViews.ApiKeyView;
import ua.social.referral.apikey.ApiKeyViews.IssuedKeyView;
import ua.social.referral.support.Time;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Issuing, listing, revoking and rotating partner API keys (platform admins). The secret exists only
 * in the response that issues it; the database keeps its SHA-256 hash.
 */
@ApplicationScoped
public class ApiKeys {

    @Inject
    Clock clock;
    @Inject
    CallerContext callerContext;
    @Inject
    ReferralConfig config;
    @Inject
    RateLimiter rateLimiter;

    @Transactional
    public IssuedKeyView issue(UUID partnerId, String label, OffsetDateTime expiresAt) {
        Partner p = partner(partnerId);
        if (!p.active) {
            throw ProblemException.conflict("partner-inactive", "Partner inactive",
                    "Partner " + p.name + " is deactivated in the directory; activate it before issuing keys.");
        }
        return create(p.id, label, expiresAt, null);
    }

    private IssuedKeyView create(UUID partnerId, String label, OffsetDateTime expiresAt, UUID rotatedFrom) {
        KeySecrets.NewKey secret;
        do {
            secret = KeySecrets.generate();
        } while (PartnerApiKey.count("prefix", secret.prefix()) > 0);
        PartnerApiKey k = new PartnerApiKey();
        k.id = UUID.randomUUID();
        k.partnerId = partnerId;
        k.prefix = secret.prefix();
        k.secretHash = KeySecrets.hash(secret.key());
        k.label = label == null || label.isBlank() ? null : label.trim();
        k.createdAt = Time.now(clock);
        k.createdBy = callerContext.current().username();
        k.expiresAt = expiresAt;
        k.rotatedFrom = rotatedFrom;
        k.persist();
        return new IssuedKeyView(k.id, partnerId, k.prefix, k.label, secret.key(), k.createdAt, k.expiresAt,
                rotatedFrom, PartnerApiKeyAuthenticationMechanism.HEADER,
                "Store this key now: it is shown only once. The platform keeps only its hash.");
    }

    @Transactional
    public PageView<ApiKeyView> list(UUID partnerId, int page, int size) {
        partner(partnerId);
        OffsetDateTime now = Time.now(clock);
        var query = PartnerApiKey.<PartnerApiKey>find("partnerId = ?1 order by createdAt desc, id", partnerId);
        long total = query.count();
        return PageView.of(query.page(Page.of(page, size)).list().stream().map(k -> ApiKeyView.of(k, now)).toList(),
                page, size, total);
    }

    @Transactional
    public ApiKeyView get(UUID partnerId, UUID keyId) {
        return ApiKeyView.of(key(partnerId, keyId), Time.now(clock));
    }

    /** Revokes at once: the next request with the key is refused. Revoking a revoked key changes nothing. */
    @Transactional
    public ApiKeyView revoke(UUID partnerId, UUID keyId) {
        PartnerApiKey k = key(partnerId, keyId);
        OffsetDateTime now = Time.now(clock);
        if (k.revokedAt == null) {
            // the window's row is locked before the key's, in the order a request of the key locks them
            rateLimiter.forget(k.id);
            k.revokedAt = now;
            k.revokedBy = callerContext.current().username();
        }
        return ApiKeyView.of(k, now);
    }

    /**
     * Re-activates a key suspended when its partner was deactivated; the partner must be active again.
     * Re-activating an active key changes nothing; a revoked or expired key stays as it is (409).
     */
    @Transactional
    public ApiKeyView reactivate(UUID partnerId, UUID keyId) {
        PartnerApiKey k = key(partnerId, keyId);
        Partner p = partner(partnerId);
        OffsetDateTime now = Time.now(clock);
        PartnerApiKey.Status status = k.status(now);
        if (status == PartnerApiKey.Status.ACTIVE) {
            return ApiKeyView.of(k, now);
        }
        if (status != PartnerApiKey.Status.SUSPENDED) {
            throw new ProblemException(Problem.of(409, "key-not-suspended", "Key not suspended",
                    "Key " + k.prefix + " is " + status + "; only a key suspended with its partner can be re-activated. "
                            + "Issue a new key instead.").with("status", status.name()));
        }
        if (!p.active) {
            throw ProblemException.conflict("partner-inactive", "Partner inactive",
                    "Partner " + p.name + " is deactivated in the directory; activate it before re-activating its keys.");
        }
        k.suspendedAt = null;
        k.suspendedBy = null;
        return ApiKeyView.of(k, now);
    }

    /**
     * Issues the successor of a key; the old key keeps working for the rotation grace period
     * ({@code referral.api-keys.rotation-grace}), or until its own earlier expiry, then stops.
     */
    @Transactional
    public IssuedKeyView rotate(UUID partnerId, UUID keyId, String label, OffsetDateTime expiresAt) {
        PartnerApiKey old = key(partnerId, keyId);
        OffsetDateTime now = Time.now(clock);
        if (old.status(now) != PartnerApiKey.Status.ACTIVE) {
            throw new ProblemException(Problem.of(409, "key-not-active", "Key not active",
                    "Key " + old.prefix + " is " + old.status(now) + "; only an active key can be rotated. Issue a new key instead.")
                    .with("status", old.status(now).name()));
        }
        if (old.replacedBy != null) {
            throw new ProblemException(Problem.of(409, "key-already-rotated", "Key already rotated",
                    "Key " + old.prefix + " was already rotated; its successor is " + old.replacedBy + ".")
                    .with("replacedBy", old.replacedBy));
        }
        if (!partner(partnerId).active) {
            throw ProblemException.conflict("partner-inactive", "Partner inactive",
                    "The partner is deactivated in the directory; activate it before issuing keys.");
        }
        IssuedKeyView successor = create(partnerId, label == null ? old.label : label, expiresAt, old.id);
        OffsetDateTime graceEnd = now.plus(config.apiKeys().rotationGrace());
        if (old.expiresAt == null || old.expiresAt.isAfter(graceEnd)) {
            old.expiresAt = graceEnd;
        }
        old.replacedBy = successor.id();
        return successor;
    }

    /**
     * Deactivation suspends every key still in use; re-activating the partner leaves them suspended until an
     * admin re-activates each key ({@code POST /partners/{id}/api-keys/{keyId}/reactivation}).
     */
    void suspendKeys(@Observes PartnerDeactivated e) {
        PartnerApiKey.update("suspendedAt = ?1, suspendedBy = ?2 where partnerId = ?3 and revokedAt is null "
                + "and suspendedAt is null and (expiresAt is null or expiresAt > ?1)", e.at(), e.by(), e.partnerId());
    }

    private static Partner partner(UUID partnerId) {
        Partner p = Partner.findById(partnerId);
        if (p == null) {
            throw ProblemException.notFound("Partner " + partnerId);
        }
        return p;
    }

    private static PartnerApiKey key(UUID partnerId, UUID keyId) {
        PartnerApiKey k = PartnerApiKey.findById(keyId);
        if (k == null || !k.partnerId.equals(partnerId)) {
            throw ProblemException.notFound("API key " + keyId);
        }
        return k;
    }
}
