package ua.social.referral.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import ua.social.contracts.code.ReferralStatus;
import ua.social.contracts.event.EventJson;
import ua.social.contracts.event.ReferralChanged;
import ua.social.contracts.event.ReferralEvent;
import ua.social.contracts.event.ReferralResponseOverdue;
import ua.social.messaging.CloudEvent;
import ua.social.messaging.ProcessedEvents;
import ua.social.referral.casefile.CaseProjection;
import ua.social.referral.support.Time;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns referral events into webhook deliveries, each event once: the deliveries are written in the same
 * transaction as the event's id in {@code processed_event} (the inbox), so a redelivered event adds none.
 * An event reaches the active endpoints of the referral's partner registered before it happened. What a partner
 * never sees is not sent: drafts (and a draft cancelled before it was sent). While the client's consent to share
 * with partners is withdrawn, the delivery is recorded as {@code WITHHELD} and never sent; withdrawing it also
 * withholds the deliveries still waiting ({@link #withhold}).
 */
@ApplicationScoped
public class WebhookFeed {

    private static final Logger LOG = Logger.getLogger(WebhookFeed.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String WITHHELD = "The client's consent to share with partners was withdrawn.";

    @Inject
    Clock clock;
    @Inject
    ProcessedEvents processed;

    /** The referral events that may become deliveries. */
    public static boolean handles(String type) {
        return type != null && type.startsWith(ReferralEvent.TYPE_PREFIX);
    }

    @Transactional
    public void apply(CloudEvent event) {
        if (!handles(event.type())) {
            return;
        }
        // Read before recording the id: an event that breaks its contract is retried and dead-lettered.
        ReferralEvent data = EventJson.read(ReferralEvent.class, event.type(), event.data());
        if (!processed.firstTime(event)) {
            return;
        }
        Delivered d = delivered(event, data);
        if (d == null) {
            return;
        }
        OffsetDateTime now = Time.now(clock);
        List<WebhookSubscription> subscriptions = WebhookSubscription.list(
                "partnerId = ?1 and status = ?2 and createdAt <= ?3", d.partnerId(), WebhookSubscription.Status.ACTIVE,
                d.occurredAt());
        if (subscriptions.isEmpty()) {
            return;
        }
        CaseProjection c = CaseProjection.findById(d.caseId());
        boolean withheld = c != null && !c.sharingConsent;
        for (WebhookSubscription s : subscriptions) {
            WebhookDelivery w = new WebhookDelivery();
            w.id = UUID.randomUUID();
            w.subscriptionId = s.id;
            w.partnerId = d.partnerId();
            w.referralId = d.referralId();
            w.caseId = d.caseId();
            w.eventId = event.id();
            w.eventType = event.type();
            w.occurredAt = d.occurredAt();
            w.body = body(w.id, event.type(), d);
            w.createdAt = now;
            if (withheld) {
                w.status = WebhookDelivery.Status.WITHHELD;
                w.closedReason = WITHHELD;
            } else {
                w.status = WebhookDelivery.Status.PENDING;
                w.nextAttemptAt = now;
            }
            w.persist();
        }
        LOG.debugf("event %s (%s) of referral %s: %d webhook deliveries%s", event.id(), event.type(), d.referralId(),
                subscriptions.size(), withheld ? " withheld (no consent)" : "");
    }

    /**
     * The client's consent to share with partners was withdrawn: the deliveries about the case's referrals still
     * waiting are withheld, in the transaction that records the consent change.
     *
     * @return how many were withheld
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int withhold(UUID caseId) {
        int n = WebhookDelivery.update("status = ?1, closedReason = ?2, nextAttemptAt = null where caseId = ?3 and status = ?4",
                WebhookDelivery.Status.WITHHELD, WITHHELD, caseId, WebhookDelivery.Status.PENDING);
        if (n > 0) {
            LOG.infof("consent withdrawn for case %s: %d pending webhook deliveries withheld", caseId, n);
        }
        return n;
    }

    /** What a delivery says about the event, or null when the partner is not told of it. */
    private record Delivered(UUID referralId, UUID caseId, UUID partnerId, ReferralStatus status,
                             ReferralStatus previousStatus, OffsetDateTime occurredAt, OffsetDateTime responseDueAt) {
    }

    private static Delivered delivered(CloudEvent event, ReferralEvent data) {
        if (data instanceof ReferralChanged e) {
            if (e.requestedAt() == null || e.status() == ReferralStatus.DRAFT) {
                return null; // a draft, or a draft cancelled unsent: the partner never sees it
            }
            return new Delivered(e.referralId(), e.caseId(), e.partnerId(), e.status(), e.previousStatus(),
                    e.changedAt(), null);
        }
        if (data instanceof ReferralResponseOverdue e) {
            OffsetDateTime at = e.flaggedAt() != null ? e.flaggedAt() : event.time();
            return new Delivered(e.referralId(), e.caseId(), e.partnerId(), ReferralStatus.REQUESTED, null, at,
                    e.responseDueAt());
        }
        return null;
    }

    /**
     * The JSON body, in the shape of the Standard Webhooks convention ({@code type}, {@code timestamp}, {@code data}):
     * what the partner's referral API shows of the change, and no client data.
     */
    private static String body(UUID deliveryId, String type, Delivered d) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("referralId", d.referralId().toString());
        data.put("status", d.status().name());
        data.put("previousStatus", d.previousStatus() == null ? null : d.previousStatus().name());
        data.put("changedAt", iso(d.occurredAt()));
        if (d.responseDueAt() != null) {
            data.put("responseDueAt", iso(d.responseDueAt()));
        }
        data.put("href", "/partner/referrals/" + d.referralId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", deliveryId.toString());
        body.put("type", type);
        body.put("timestamp", iso(d.occurredAt()));
        body.put("data", data);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String iso(OffsetDateTime t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }
}
