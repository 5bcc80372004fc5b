package ua.social.referral.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ua.social.messaging.EventOutbox;
import ua.social.referral.partner.Partner;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * referral-service's events, written into the transactional outbox in the caller's transaction and
 * published by the relay to {@value #TOPIC}, keyed by the case id (subject: the referral id). The data
 * is exactly that of docs/events/referral.*.schema.json: no client names or contact data.
 */
@ApplicationScoped
public class ReferralEvents {

    public static final String TOPIC = "referral.events";
    public static final String TYPE_PREFIX = "ua.social.referral.";
    public static final String RESPONSE_OVERDUE = TYPE_PREFIX + "response-overdue";

    @Inject
    EventOutbox outbox;

    /** The referral moved from {@code previous} (null at creation) to its current status. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void statusChanged(Referral r, Partner partner, ReferralStatus previous, String reason, Side side,
                              OffsetDateTime changedAt) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("referralId", r.id);
        data.put("caseId", r.caseId);
        data.put("planActionId", r.planActionId);
        data.put("partnerId", partner.id);
        data.put("partnerName", partner.name);
        data.put("partnerSector", partner.sector);
        data.put("serviceId", r.serviceId);
        data.put("serviceCategory", r.serviceCategory);
        data.put("oblast", r.oblast);
        data.put("hromada", r.hromada);
        data.put("urgency", r.urgency);
        data.put("status", r.status);
        data.put("previousStatus", previous);
        data.put("reason", reason);
        data.put("outcome", r.status == ReferralStatus.COMPLETED ? r.outcome : null);
        data.put("requestedAt", r.requestedAt);
        data.put("changedAt", changedAt);
        data.put("changedBy", side);
        outbox.publish(TOPIC, r.status.eventType(), r.caseId, r.id, data);
    }

    /** The partner did not accept or reject in time; emitted once per referral. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void responseOverdue(Referral r, Partner partner) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("referralId", r.id);
        data.put("caseId", r.caseId);
        data.put("partnerId", partner.id);
        data.put("partnerSector", partner.sector);
        data.put("oblast", r.oblast);
        data.put("hromada", r.hromada);
        data.put("urgency", r.urgency);
        data.put("requestedAt", r.requestedAt);
        data.put("responseDueAt", r.responseDueAt);
        data.put("flaggedAt", r.responseOverdueAt);
        outbox.publish(TOPIC, RESPONSE_OVERDUE, r.caseId, r.id, data);
    }
}
