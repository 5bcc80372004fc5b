package ua.social.referral.apikey;

import java.time.OffsetDateTime;
import java.util.UUID;

/** API keys as they are shown: never a secret, except once in the answer that issued it. */
public final class ApiKeyViews {

    private ApiKeyViews() {
    }

    /** A key as listed: never its secret. */
    public record ApiKeyView(UUID id, UUID partnerId, String prefix, String label, PartnerApiKey.Status status,
                             OffsetDateTime createdAt, String createdBy, OffsetDateTime expiresAt,
                             OffsetDateTime lastUsedAt, OffsetDateTime revokedAt, String revokedBy,
                             OffsetDateTime suspendedAt, String suspendedBy, UUID rotatedFrom, UUID replacedBy) {
        public static ApiKeyView of(PartnerApiKey k, OffsetDateTime now) {
            return new ApiKeyView(k.id, k.partnerId, k.prefix, k.label, k.status(now), k.createdAt, k.createdBy,
                    k.expiresAt, k.lastUsedAt, k.revokedAt, k.revokedBy, k.suspendedAt, k.suspendedBy, k.rotatedFrom,
                    k.replacedBy);
        }
    }

    /**
     * A key just issued: {@code key} is the secret, shown in this response only. A replay of the request
     * with the same Idempotency-Key answers the same without the secret ({@code key} null).
     */
    public record IssuedKeyView(UUID id, UUID partnerId, String prefix, String label, String key,
                                OffsetDateTime createdAt, OffsetDateTime expiresAt, UUID rotatedFrom,
                                String header, String notice) {
        public IssuedKeyView withoutSecret() {
            return new IssuedKeyView(id, partnerId, prefix, label, null, createdAt, expiresAt, rotatedFrom, header,
                    "The secret was shown once, in the first response; revoke this key and issue a new one if it was lost.");
        }
    }
}
