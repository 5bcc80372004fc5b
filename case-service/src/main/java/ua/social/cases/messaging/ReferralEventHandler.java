package ua.social.cases.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import ua.social.cases.casefile.CaseWorkService;
import ua.social.cases.casefile.PlanRevision;
import ua.social.cases.casefile.SocialCase;
import ua.social.cases.support.Timeline;
import ua.social.messaging.CloudEvent;
import ua.social.messaging.ProcessedEvents;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Closes the referral loop on the case side: each referral change from referral-service becomes a
 * timeline entry of its case, and a completed or failed referral linked to a plan action sets that
 * action's status. Idempotent: the event id is recorded with the change, so a redelivered or replayed
 * event adds nothing. The entry's {@code details.traceId} names the trace that began with the request
 * in referral-service (partner or case manager), so the change can be followed end to end. The time from the referral change to its timeline entry is measured as
 * {@code case_referral_timeline_delay_seconds} on {@code /q/metrics}.
 */
@ApplicationScoped
public class ReferralEventHandler {

    private static final Logger LOG = Logger.getLogger(ReferralEventHandler.class);
    static final String PREFIX = "ua.social.referral.";

    @Inject
    Clock clock;
    @Inject
    ProcessedEvents processed;
    @Inject
    Timeline timeline;
    @Inject
    CaseWorkService work;
    @Inject
    MeterRegistry registry;

    @Transactional
    public void apply(CloudEvent event) {
        if (!event.type().startsWith(PREFIX) || !processed.firstTime(event)) {
            return;
        }
        String caseId = event.text("caseId");
        SocialCase c = caseId == null ? null : SocialCase.findById(UUID.fromString(caseId));
        if (c == null) {
            LOG.debugf("referral event %s names no case of this service (%s); recorded and skipped", event.id(), caseId);
            return;
        }
        String kind = event.type().substring(PREFIX.length());
        OffsetDateTime when = event.time() != null ? event.time() : OffsetDateTime.now(clock);
        String partner = event.text("partnerName") != null ? event.text("partnerName") : event.text("partnerSector");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("referralId", event.text("referralId"));
        details.put("partnerId", event.text("partnerId"));
        details.put("partnerSector", event.text("partnerSector"));
        put(details, "status", event.text("status"));
        put(details, "previousStatus", event.text("previousStatus"));
        put(details, "reason", event.text("reason"));
        put(details, "outcome", event.text("outcome"));
        put(details, "planActionId", event.text("planActionId"));
        SpanContext trace = Span.current().getSpanContext();
        if (trace.isValid()) {
            details.put("traceId", trace.getTraceId());
        }
        String type = "REFERRAL_" + kind.toUpperCase().replace('-', '_');
        String summary;
        if ("response-overdue".equals(kind)) {
            summary = "Referral to " + partner + ": no answer by " + event.text("responseDueAt");
        } else {
            summary = "Referral to " + partner + ": " + event.text("status")
                    + (event.text("reason") != null ? " — " + event.text("reason") : "")
                    + (event.text("outcome") != null ? " — " + event.text("outcome") : "");
        }
        String actor = "PARTNER".equals(event.text("changedBy")) ? partner : "referral-service";
        timeline.append(c.id, type, summary, actor, details, when, event.id());
        if (event.time() != null) {
            Timer.builder("case.referral.timeline.delay")
                    .description("From a referral change in referral-service to its entry on the case timeline")
                    .publishPercentiles(0.5, 0.95, 0.99)
                    .register(registry)
                    .record(java.time.Duration.between(event.time(), OffsetDateTime.now(clock)).abs());
        }

        String actionId = event.text("planActionId");
        if (actionId != null && ("completed".equals(kind) || "failed".equals(kind))) {
            updateLinkedAction(c, UUID.fromString(actionId), "completed".equals(kind)
                    ? PlanRevision.ActionStatus.DONE : PlanRevision.ActionStatus.NOT_DONE, actor);
        }
    }

    private void updateLinkedAction(SocialCase c, UUID actionId, PlanRevision.ActionStatus status, String actor) {
        PlanRevision current = PlanRevision.find("caseId = ?1 and current = true", c.id).firstResult();
        boolean inCurrentPlan = current != null && current.goals.stream()
                .flatMap(g -> g.actions().stream()).anyMatch(a -> a.id().equals(actionId));
        if (inCurrentPlan) {
            work.updateAction(c, actionId, status, actor, "set by the linked referral");
        } else {
            LOG.infof("linked action %s is not in the current plan of case %s; left unchanged", actionId, c.id);
        }
    }

    private static void put(Map<String, Object> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
