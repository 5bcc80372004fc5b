package ua.social.referral.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One referral event for one endpoint. {@link #id} is the {@code webhook-id} header, the same on every attempt;
 * {@link #body} is stored exactly as sent, so each attempt signs and sends the same bytes.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    public enum Status {
        /** Waiting for its first or next attempt (or for an earlier delivery of the same referral). */
        PENDING,
        /** The receiver answered 2xx. */
        DELIVERED,
        /** Every attempt failed until the platform gave up; the endpoint was disabled. */
        FAILED,
        /** Not sent because the endpoint was disabled before its turn. */
        ABANDONED,
        /** Not sent because the client withdrew consent to share with partners. */
        WITHHELD
    }

    @Id
    public UUID id;
    /** The order deliveries were recorded in (a database sequence; read in queries only). */
    @Column(insertable = false, updatable = false)
    public Long seq;
    @Column(name = "subscription_id")
    public UUID subscriptionId;
    @Column(name = "partner_id")
    public UUID partnerId;
    @Column(name = "referral_id")
    public UUID referralId;
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "event_type")
    public String eventType;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
    public String body;
    @Enumerated(EnumType.STRING)
    public Status status;
    public int attempts;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;
    @Column(name = "first_attempt_at")
    public OffsetDateTime firstAttemptAt;
    @Column(name = "last_attempt_at")
    public OffsetDateTime lastAttemptAt;
    @Column(name = "last_status_code")
    public Integer lastStatusCode;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;
    @Column(name = "closed_reason")
    public String closedReason;
}
