package ua.social.referral.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import ua.social.contracts.event.CaseAssigned;
import ua.social.contracts.event.CaseClosed;
import ua.social.contracts.event.CaseEvent;
import ua.social.contracts.event.CaseOpened;
import ua.social.contracts.event.CaseReopened;
import ua.social.contracts.event.CaseTransferred;
import ua.social.contracts.event.ConsentChanged;
import ua.social.contracts.event.EventJson;
import ua.social.messaging.CloudEvent;
import ua.social.messaging.ProcessedEvents;
import ua.social.referral.casefile.CaseProjection;
import ua.social.referral.referral.Referral;
import ua.social.referral.support.Time;
import ua.social.referral.webhook.WebhookFeed;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Applies case.events to the local case projection, each event once: the event id is recorded by
 * {@link ProcessedEvents} in the same transaction as the change. Events about a case this service never
 * saw opened (e.g. from before its database was created) are recorded and otherwise ignored. The data
 * is read into the contract's records; an event that breaks its contract is retried and then
 * dead-lettered like any event that cannot be applied.
 */
@ApplicationScoped
public class CaseProjector {

    private static final Logger LOG = Logger.getLogger(CaseProjector.class);

    @Inject
    Clock clock;
    @Inject
    ProcessedEvents processed;
    @Inject
    WebhookFeed webhooks;

    /** The case events that change what this service knows of a case; the others are skipped. */
    public static boolean handles(String type) {
        return type != null && switch (type) {
            case CaseEvent.OPENED, CaseEvent.ASSIGNED, CaseEvent.CONSENT_CHANGED, CaseEvent.TRANSFERRED, CaseEvent.CLOSED,
                 CaseEvent.REOPENED -> true;
            default -> false;
        };
    }

    @Transactional
    public void apply(CloudEvent event) {
        String type = event.type();
        if (!handles(type)) {
            return;
        }
        // Read before recording the id: an event that breaks its contract is retried and dead-lettered,
        // not recorded as seen.
        CaseEvent data = EventJson.read(CaseEvent.class, type, event.data());
        if (!processed.firstTime(event)) {
            return;
        }
        OffsetDateTime now = Time.now(clock);
        if (data instanceof CaseOpened opened) {
            opened(opened, now);
            return;
        }
        UUID caseId = caseId(data);
        CaseProjection c = CaseProjection.findById(caseId);
        if (c == null) {
            LOG.debugf("event %s (%s) is about case %s, unknown here; ignored", event.id(), type, caseId);
            return;
        }
        if (data instanceof CaseAssigned e) {
            c.caseManagerId = e.caseManagerId();
            c.caseManagerUsername = e.caseManagerUsername();
            moveTo(c, e.oblast(), e.hromada());
        } else if (data instanceof ConsentChanged e) {
            c.sharingConsent = e.sharingWithPartners() && e.withdrawnAt() == null;
            if (!c.sharingConsent) {
                // nothing more about the client's referrals reaches partners' webhooks
                webhooks.withhold(caseId);
            }
        } else if (data instanceof CaseTransferred e) {
            String to = e.toCaseManagerId();
            if (to == null || !to.equals(c.caseManagerId)) {
                c.caseManagerId = to;
                c.caseManagerUsername = null;
            }
            moveTo(c, e.toOblast(), e.toHromada());
        } else if (data instanceof CaseClosed) {
            c.closed = true;
        } else if (data instanceof CaseReopened e) {
            c.closed = false;
            String manager = e.caseManagerId();
            if (manager != null && !manager.equals(c.caseManagerId)) {
                c.caseManagerId = manager;
                c.caseManagerUsername = null;
            }
            moveTo(c, e.oblast(), e.hromada());
        } else {
            throw new IllegalStateException(type);
        }
        c.updatedAt = now;
    }

    private static UUID caseId(CaseEvent data) {
        if (data instanceof CaseAssigned e) {
            return e.caseId();
        } else if (data instanceof ConsentChanged e) {
            return e.caseId();
        } else if (data instanceof CaseTransferred e) {
            return e.caseId();
        } else if (data instanceof CaseClosed e) {
            return e.caseId();
        } else if (data instanceof CaseReopened e) {
            return e.caseId();
        }
        throw new IllegalStateException(data.eventType());
    }

    private static void opened(CaseOpened e, OffsetDateTime now) {
        CaseProjection c = CaseProjection.findById(e.caseId());
        if (c == null) {
            c = new CaseProjection();
            c.caseId = e.caseId();
            c.oblast = e.oblast();
            c.hromada = e.hromada();
            c.sharingConsent = e.consentToShare();
            c.closed = false;
            c.updatedAt = now;
            c.persist();
        }
    }

    /** A case's community changed: its referrals follow it (reporting and supervisors see them there). */
    private static void moveTo(CaseProjection c, String oblast, String hromada) {
        if (oblast.equals(c.oblast) && hromada.equals(c.hromada)) {
            return;
        }
        c.oblast = oblast;
        c.hromada = hromada;
        Referral.update("oblast = ?1, hromada = ?2 where caseId = ?3", oblast, hromada, c.caseId);
    }
}
