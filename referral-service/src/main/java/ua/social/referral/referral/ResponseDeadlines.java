package ua.social.referral.referral;

import ua.social.contracts.code.ReferralStatus;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.hibernate.Timeouts;
import org.hibernate.cfg.AvailableSettings;
import org.jboss.logging.Logger;
import ua.social.referral.partner.Partner;
import ua.social.referral.support.Time;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Flags referrals whose partner did not accept or reject within the response deadline of their
 * urgency, and emits ua.social.referral.response-overdue for each, once: the flag
 * ({@code response_overdue_at}) is set in the same transaction as the event is written.
 * <p>
 * Every instance of referral-service runs the check. Each locks the referrals it flags
 * ({@code FOR UPDATE SKIP LOCKED}): two checks at once flag disjoint referrals, and a referral another
 * instance flagged meanwhile no longer matches {@code response_overdue_at IS NULL}, so each overdue
 * referral gets exactly one event whatever the number of instances.
 */
@ApplicationScoped
public class ResponseDeadlines {

    private static final Logger LOG = Logger.getLogger(ResponseDeadlines.class);
    static final int BATCH = 100;

    @Inject
    Clock clock;
    @Inject
    ReferralEvents events;

    @Scheduled(every = "${referral.overdue-check.every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        try {
            while (flagBatch() == BATCH) {
                LOG.debug("overdue check: full batch flagged, continuing");
            }
        } catch (RuntimeException e) {
            LOG.warnf("overdue check failed, will retry: %s", e.getMessage());
        }
    }

    @Transactional
    int flagBatch() {
        OffsetDateTime now = Time.now(clock);
        List<Referral> due = Referral.<Referral>find("status = ?1 and responseOverdueAt is null and responseDueAt <= ?2"
                        + " order by responseDueAt", ReferralStatus.REQUESTED, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE).withHint(AvailableSettings.JAKARTA_LOCK_TIMEOUT, Timeouts.SKIP_LOCKED_MILLI)
                .range(0, BATCH - 1).list();
        for (Referral r : due) {
            r.responseOverdueAt = now;
            r.updatedAt = now; // the business status changed: a partner polling for changes sees it
            events.responseOverdue(r, Partner.findById(r.partnerId));
        }
        return due.size();
    }
}
