package ua.social.referral.referral;

import ua.social.contracts.code.ReferralStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ua.social.contracts.event.ReferralChanged;
import ua.social.contracts.event.ReferralResponseOverdue;
import ua.social.messaging.EventOutbox;
import ua.social.messaging.EventTopics;
import ua.social.referral.partner.Partner;

import java.time.OffsetDateTime;

/**
 * referral-service's events, written into the transactional outbox in the caller's transaction and
 * published by the relay to {@code platform.topics.referral-events}, keyed by the case id (subject: the referral id). The data
 * is the contract's {@link ReferralChanged} and {@link ReferralResponseOverdue}: no client names or contact data.
 */
@ApplicationScoped
public class ReferralEvents {

    @Inject
    EventOutbox outbox;
    @Inject
    EventTopics topics;

    /** The referral moved from {@code previous} (null at creation) to its current status. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void statusChanged(Referral r, Partner partner, ReferralStatus previous, String reason, Side side,
                              OffsetDateTime changedAt) {
        ReferralChanged data = new ReferralChanged(r.id, r.caseId, r.planActionId, partner.id, partner.name,
                partner.sector, r.serviceId, r.serviceCategory, r.oblast, r.hromada, r.urgency.name(), r.status,
                previous, reason, r.status == ReferralStatus.COMPLETED ? r.outcome : null, r.requestedAt, changedAt,
                side.name());
        outbox.publish(topics.referralEvents(), data.eventType(), r.caseId, r.id, data);
    }

    /** The partner did not accept or reject in time; emitted once per referral. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void responseOverdue(Referral r, Partner partner) {
        ReferralResponseOverdue data = new ReferralResponseOverdue(r.id, r.caseId, partner.id, partner.sector,
                r.oblast, r.hromada, r.urgency.name(), r.requestedAt, r.responseDueAt, r.responseOverdueAt);
        outbox.publish(topics.referralEvents(), data.eventType(), r.caseId, r.id, data);
    }
}
