package ua.social.referral.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import ua.social.referral.casefile.CaseProjection;
import ua.social.referral.config.ReferralConfig;
import ua.social.referral.partner.Partner;
import ua.social.referral.support.Time;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The deliveries' state, in short transactions around the sending. A claim takes due deliveries with
 * {@code SELECT … FOR UPDATE SKIP LOCKED} and leases them (their next attempt moves past the longest an attempt can
 * take), so another instance neither waits for them nor sends them meanwhile; a crashed instance's lease runs out and
 * the delivery is sent again, with the same {@code webhook-id}. Per endpoint and referral, only the oldest
 * waiting delivery is ever due: delivery n+1 waits while n is waiting or being retried.
 */
@ApplicationScoped
public class WebhookDeliveries {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveries.class);
    static final String DISABLED_METRIC = "referral.webhooks.disabled";
    static final String PARTNER_INACTIVE = "The partner was deactivated in the directory.";

    @Inject
    Clock clock;
    @Inject
    EntityManager em;
    @Inject
    ReferralConfig config;
    @Inject
    MeterRegistry registry;

    /** A claimed delivery: which attempt this is, and what to send. */
    public record Claimed(UUID deliveryId, int attempt, WebhookSender.Request request) {
    }

    RetrySchedule schedule() {
        ReferralConfig.Webhooks.Retry r = config.webhooks().retry();
        return new RetrySchedule(r.firstBackoff(), r.maxBackoff(), r.giveUpAfter());
    }

    private Duration lease() {
        return config.webhooks().connectTimeout().plus(config.webhooks().requestTimeout()).plusMinutes(1);
    }

    @Transactional
    public List<Claimed> claim(int max) {
        return claim(max, Time.now(clock));
    }

    /** Claims up to {@code max} deliveries due at {@code now}. */
    @Transactional
    public List<Claimed> claim(int max, OffsetDateTime now) {
        List<?> ids = em.createNativeQuery("SELECT d.id FROM webhook_delivery d "
                        + "JOIN webhook_subscription s ON s.id = d.subscription_id "
                        + "WHERE d.status = 'PENDING' AND d.next_attempt_at <= ?1 AND s.status = 'ACTIVE' "
                        + "AND NOT EXISTS (SELECT 1 FROM webhook_delivery e WHERE e.subscription_id = d.subscription_id "
                        + "AND e.referral_id = d.referral_id AND e.status = 'PENDING' AND e.seq < d.seq) "
                        + "ORDER BY d.next_attempt_at, d.seq LIMIT ?2 FOR UPDATE OF d SKIP LOCKED")
                .setParameter(1, now).setParameter(2, max).getResultList();
        List<Claimed> claimed = new ArrayList<>();
        for (Object id : ids) {
            WebhookDelivery d = WebhookDelivery.findById(id instanceof UUID u ? u : UUID.fromString(id.toString()));
            CaseProjection c = CaseProjection.findById(d.caseId);
            if (c != null && !c.sharingConsent) {
                d.status = WebhookDelivery.Status.WITHHELD;
                d.closedReason = WebhookFeed.WITHHELD;
                d.nextAttemptAt = null;
                continue;
            }
            Partner partner = Partner.findById(d.partnerId);
            if (partner == null || !partner.active) {
                d.status = WebhookDelivery.Status.ABANDONED;
                d.closedReason = PARTNER_INACTIVE;
                d.nextAttemptAt = null;
                continue;
            }
            WebhookSubscription s = WebhookSubscription.findById(d.subscriptionId);
            d.nextAttemptAt = now.plus(lease());
            claimed.add(new Claimed(d.id, d.attempts + 1,
                    new WebhookSender.Request(s.url, s.signingSecret, d.id.toString(), d.body)));
        }
        return claimed;
    }

    /** Records one attempt; a failure is scheduled again, or given up and the endpoint disabled. */
    @Transactional
    public void record(Claimed c, WebhookSender.Outcome o) {
        OffsetDateTime now = Time.now(clock);
        WebhookDelivery d = WebhookDelivery.findById(c.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
        WebhookAttempt a = new WebhookAttempt();
        a.id = UUID.randomUUID();
        a.deliveryId = d.id;
        a.attempt = d.attempts + 1;
        a.attemptedAt = now;
        a.statusCode = o.statusCode();
        a.error = o.error();
        a.durationMs = o.durationMs();
        a.persist();
        d.attempts = a.attempt;
        d.lastAttemptAt = now;
        d.firstAttemptAt = d.firstAttemptAt == null ? now : d.firstAttemptAt;
        d.lastStatusCode = o.statusCode();
        d.lastError = o.error();
        if (d.status != WebhookDelivery.Status.PENDING) {
            return; // withheld while it was being sent
        }
        if (o.delivered()) {
            d.status = WebhookDelivery.Status.DELIVERED;
            d.deliveredAt = now;
            d.nextAttemptAt = null;
            return;
        }
        Optional<OffsetDateTime> next = schedule().next(d.firstAttemptAt, d.attempts, now);
        if (next.isPresent()) {
            d.nextAttemptAt = next.get();
            return;
        }
        giveUp(d, now);
    }

    private void giveUp(WebhookDelivery d, OffsetDateTime now) {
        String last = d.lastStatusCode != null ? "HTTP " + d.lastStatusCode : d.lastError;
        d.status = WebhookDelivery.Status.FAILED;
        d.nextAttemptAt = null;
        d.closedReason = "Given up after " + d.attempts + " attempts from " + d.firstAttemptAt + " to " + now
                + "; the last: " + last + ".";
        WebhookSubscription s = WebhookSubscription.findById(d.subscriptionId, LockModeType.PESSIMISTIC_WRITE);
        if (s.status == WebhookSubscription.Status.DISABLED) {
            return;
        }
        s.status = WebhookSubscription.Status.DISABLED;
        s.disabledAt = now;
        s.disabledReason = truncate("Disabled because delivery " + d.id + " (" + d.eventType + ") failed every attempt for "
                + Duration.between(d.firstAttemptAt, now).toHours() + " hours (" + d.attempts + " attempts; the last: "
                + last + "). Deliveries still waiting were abandoned. Fix the endpoint, then re-activate it (POST "
                + "/partners/" + s.partnerId + "/webhooks/" + s.id + "/reactivation); meanwhile read the referrals "
                + "with GET /partner/referrals.", 1000);
        int abandoned = WebhookDelivery.update("status = ?1, closedReason = ?2, nextAttemptAt = null "
                        + "where subscriptionId = ?3 and status = ?4", WebhookDelivery.Status.ABANDONED,
                "The endpoint was disabled before this delivery's turn.", s.id, WebhookDelivery.Status.PENDING);
        registry.counter(DISABLED_METRIC).increment();
        LOG.warnf("webhook %s of partner %s (%s) disabled: delivery %s failed for %s (last: %s); %d waiting deliveries "
                        + "abandoned", s.id, s.partnerId, s.url, d.id, Duration.between(d.firstAttemptAt, now), last,
                abandoned);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
