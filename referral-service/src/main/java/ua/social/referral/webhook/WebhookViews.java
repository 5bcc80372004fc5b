package ua.social.referral.webhook;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Webhook endpoints and their deliveries as shown: never the signing secret, except once when registered. */
public final class WebhookViews {

    private WebhookViews() {
    }

    /** An endpoint as listed: {@code secretPrefix} tells secrets apart; a disabled one says why. */
    public record WebhookView(UUID id, UUID partnerId, String url, String description, String secretPrefix,
                              WebhookSubscription.Status status, OffsetDateTime createdAt, String createdBy,
                              OffsetDateTime disabledAt, String disabledReason, OffsetDateTime reactivatedAt,
                              String reactivatedBy) {
        public static WebhookView of(WebhookSubscription s) {
            return new WebhookView(s.id, s.partnerId, s.url, s.description, s.secretPrefix, s.status, s.createdAt,
                    s.createdBy, s.disabledAt, s.disabledReason, s.reactivatedAt, s.reactivatedBy);
        }
    }

    /**
     * An endpoint just registered: {@code secret} signs its deliveries and is shown in this response only. A replay
     * with the same Idempotency-Key answers without it ({@code secret} null).
     */
    public record RegisteredWebhookView(UUID id, UUID partnerId, String url, String description, String secret,
                                        String secretPrefix, WebhookSubscription.Status status,
                                        OffsetDateTime createdAt, String createdBy, String signature,
                                        String notice) {
        static final String SIGNATURE = "webhook-signature: v1,<base64 HMAC-SHA256 over webhook-id.webhook-timestamp.body, "
                + "keyed with the base64-decoded part of the secret after whsec_>";

        public RegisteredWebhookView withoutSecret() {
            return new RegisteredWebhookView(id, partnerId, url, description, null, secretPrefix, status, createdAt,
                    createdBy, signature, "The secret was shown once, in the first response; register the endpoint "
                    + "again to get a new one if it was lost.");
        }
    }

    /** One attempt: the receiver's status code, or the error when it did not answer. */
    public record AttemptView(int attempt, OffsetDateTime attemptedAt, Integer statusCode, String error,
                              long durationMs) {
        static AttemptView of(WebhookAttempt a) {
            return new AttemptView(a.attempt, a.attemptedAt, a.statusCode, a.error, a.durationMs);
        }
    }

    /** A delivery in the log; {@code id} is its {@code webhook-id}. */
    public record DeliveryView(UUID id, UUID referralId, String eventType, OffsetDateTime occurredAt,
                               WebhookDelivery.Status status, int attempts, OffsetDateTime createdAt,
                               OffsetDateTime nextAttemptAt, OffsetDateTime lastAttemptAt, Integer lastStatusCode,
                               String lastError, OffsetDateTime deliveredAt, String closedReason,
                               List<AttemptView> attemptLog) {
        static DeliveryView of(WebhookDelivery d, List<WebhookAttempt> attempts) {
            return new DeliveryView(d.id, d.referralId, d.eventType, d.occurredAt, d.status, d.attempts, d.createdAt,
                    d.status == WebhookDelivery.Status.PENDING ? d.nextAttemptAt : null, d.lastAttemptAt,
                    d.lastStatusCode, d.lastError, d.deliveredAt, d.closedReason,
                    attempts.stream().map(AttemptView::of).toList());
        }
    }
}
