package ua.social.referral.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import ua.social.messaging.CloudEvent;
import ua.social.messaging.ProcessedEvents;
import ua.social.referral.referral.Referral;
import ua.social.referral.support.Time;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Applies case.events to the local case projection, each event once: the event id is recorded by
 * {@link ProcessedEvents} in the same transaction as the change. Events about a case this service never
 * saw opened (e.g. from before its database was created) are recorded and otherwise ignored.
 */
@ApplicationScoped
public class CaseProjector {

    private static final Logger LOG = Logger.getLogger(CaseProjector.class);
    public static final String PREFIX = "ua.social.case.";

    @Inject
    Clock clock;
    @Inject
    ProcessedEvents processed;

    /** The case events that change what this service knows of a case; the others are skipped. */
    public static boolean handles(String type) {
        return type != null && type.startsWith(PREFIX) && switch (type.substring(PREFIX.length())) {
            case "opened", "assigned", "consent-changed", "transferred", "closed", "reopened" -> true;
            default -> false;
        };
    }

    @Transactional
    public void apply(CloudEvent event) {
        String type = event.type();
        if (!handles(type)) {
            return;
        }
        String kind = type.substring(PREFIX.length());
        if (!processed.firstTime(event)) {
            return;
        }
        UUID caseId = uuid(event.text("caseId"));
        if (caseId == null) {
            LOG.warnf("event %s (%s) has no valid caseId; ignored", event.id(), type);
            return;
        }
        OffsetDateTime now = Time.now(clock);
        if (kind.equals("opened")) {
            opened(event, caseId, now);
            return;
        }
        CaseProjection c = CaseProjection.findById(caseId);
        if (c == null) {
            LOG.debugf("event %s (%s) is about case %s, unknown here; ignored", event.id(), type, caseId);
            return;
        }
        JsonNode d = event.data();
        switch (kind) {
            case "assigned" -> {
                c.caseManagerId = event.text("caseManagerId");
                c.caseManagerUsername = event.text("caseManagerUsername");
                moveTo(c, event.text("oblast"), event.text("hromada"));
            }
            case "consent-changed" -> c.sharingConsent = d.path("sharingWithPartners").asBoolean(false)
                    && event.text("withdrawnAt") == null;
            case "transferred" -> {
                String to = event.text("toCaseManagerId");
                if (to == null || !to.equals(c.caseManagerId)) {
                    c.caseManagerId = to;
                    c.caseManagerUsername = null;
                }
                moveTo(c, event.text("toOblast"), event.text("toHromada"));
            }
            case "closed" -> c.closed = true;
            case "reopened" -> {
                c.closed = false;
                String manager = event.text("caseManagerId");
                if (manager != null && !manager.equals(c.caseManagerId)) {
                    c.caseManagerId = manager;
                    c.caseManagerUsername = null;
                }
                moveTo(c, event.text("oblast"), event.text("hromada"));
            }
            default -> throw new IllegalStateException(kind);
        }
        c.updatedAt = now;
    }

    private static void opened(CloudEvent event, UUID caseId, OffsetDateTime now) {
        if (event.text("oblast") == null || event.text("hromada") == null) {
            LOG.warnf("event %s (%s) names no oblast or community; ignored", event.id(), event.type());
            return;
        }
        CaseProjection c = CaseProjection.findById(caseId);
        if (c == null) {
            c = new CaseProjection();
            c.caseId = caseId;
            c.oblast = event.text("oblast");
            c.hromada = event.text("hromada");
            c.sharingConsent = event.data().path("consentToShare").asBoolean(false);
            c.closed = false;
            c.updatedAt = now;
            c.persist();
        }
    }

    /** A case's community changed: its referrals follow it (reporting and supervisors see them there). */
    private static void moveTo(CaseProjection c, String oblast, String hromada) {
        if (oblast == null || hromada == null || (oblast.equals(c.oblast) && hromada.equals(c.hromada))) {
            return;
        }
        c.oblast = oblast;
        c.hromada = hromada;
        Referral.update("oblast = ?1, hromada = ?2 where caseId = ?3", oblast, hromada, c.caseId);
    }

    private static UUID uuid(String s) {
        if (s == null) {
            return null;
        }
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
