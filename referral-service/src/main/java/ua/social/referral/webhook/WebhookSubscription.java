package ua.social.referral.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A partner's webhook endpoint. The signing secret is stored as issued (the service signs every delivery with
 * it, so it cannot be a one-way hash like an API key's); it leaves the service only in the answer that
 * registers the endpoint.
 */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    public enum Status {
        /** Deliveries are sent. */
        ACTIVE,
        /** Switched off after deliveries kept failing; re-activated by the partner or an admin. */
        DISABLED
    }

    @Id
    public UUID id;
    @Column(name = "partner_id")
    public UUID partnerId;
    public String url;
    public String description;
    @Column(name = "signing_secret")
    public String signingSecret;
    @Column(name = "secret_prefix")
    public String secretPrefix;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "disabled_at")
    public OffsetDateTime disabledAt;
    @Column(name = "disabled_reason")
    public String disabledReason;
    @Column(name = "reactivated_at")
    public OffsetDateTime reactivatedAt;
    @Column(name = "reactivated_by")
    public String reactivatedBy;
    @Version
    public long version;
}
