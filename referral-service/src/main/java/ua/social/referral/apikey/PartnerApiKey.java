package ua.social.referral.apikey;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A partner's API key: its public prefix and the SHA-256 hash of the whole key, never the key itself. */
@Entity
@Table(name = "partner_api_key")
public class PartnerApiKey extends PanacheEntityBase {

    /** What a key is now, derived from its dates. */
    public enum Status { ACTIVE, SUSPENDED, EXPIRED, REVOKED }

    @Id
    public UUID id;
    @Column(name = "partner_id")
    public UUID partnerId;
    public String prefix;
    @Column(name = "secret_hash")
    public String secretHash;
    public String label;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;
    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;
    @Column(name = "revoked_by")
    public String revokedBy;
    /** Set when the partner was deactivated; cleared only by an admin's key re-activation. */
    @Column(name = "suspended_at")
    public OffsetDateTime suspendedAt;
    @Column(name = "suspended_by")
    public String suspendedBy;
    @Column(name = "last_used_at")
    public OffsetDateTime lastUsedAt;
    @Column(name = "rotated_from")
    public UUID rotatedFrom;
    @Column(name = "replaced_by")
    public UUID replacedBy;

    public Status status(OffsetDateTime now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return Status.EXPIRED;
        }
        if (suspendedAt != null) {
            return Status.SUSPENDED;
        }
        return Status.ACTIVE;
    }
}
