package ua.social.cases.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import ua.social.cases.casefile.IndividualPlans;
import ua.social.cases.casefile.PlanRevision;
import ua.social.cases.casefile.SocialCase;
import ua.social.cases.support.Timeline;
import ua.social.contracts.event.EventData;
import ua.social.contracts.event.EventJson;
import ua.social.contracts.event.ReferralChanged;
import ua.social.contracts.event.ReferralEvent;
import ua.social.contracts.event.ReferralResponseOverdue;
import ua.social.messaging.CloudEvent;
import ua.social.messaging.ProcessedEvents;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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

    @Inject
    Clock clock;
    @Inject
    ProcessedEvents processed;
    @Inject
    Timeline timeline;
    @Inject
    IndividualPlans plans;
    @Inject
    MeterRegistry registry;

    @Transactional
    public void apply(CloudEvent event) {
        if (!event.type().startsWith(ReferralEvent.TYPE_PREFIX)) {
            return;
        }
        // Read before recording the id: an event that breaks its contract is retried and dead-lettered.
        Optional<EventData> read = EventJson.read(event.type(), event.data());
        if (read.isEmpty() || !processed.firstTime(event)) {
            return;
        }
        ReferralEvent data = (ReferralEvent) read.get();
        UUID caseId = data instanceof ReferralChanged r ? r.caseId() : ((ReferralResponseOverdue) data).caseId();
        SocialCase c = SocialCase.findById(caseId);
        if (c == null) {
            LOG.debugf("referral event %s names no case of this service (%s); recorded and skipped", event.id(), caseId);
            return;
        }
        String kind = event.type().substring(ReferralEvent.TYPE_PREFIX.length());
        OffsetDateTime when = event.time() != null ? event.time() : OffsetDateTime.now(clock);
        Map<String, Object> details = new LinkedHashMap<>();
        String summary;
        String actor;
        UUID planActionId = null;
        if (data instanceof ReferralChanged r) {
            String partner = r.partnerName();
            details.put("referralId", r.referralId().toString());
            details.put("partnerId", r.partnerId().toString());
            details.put("partnerSector", r.partnerSector().name());
            details.put("status", r.status().name());
            put(details, "previousStatus", r.previousStatus() == null ? null : r.previousStatus().name());
            put(details, "reason", r.reason());
            put(details, "outcome", r.outcome());
            put(details, "planActionId", r.planActionId() == null ? null : r.planActionId().toString());
            summary = "Referral to " + partner + ": " + r.status()
                    + (r.reason() != null ? " — " + r.reason() : "")
                    + (r.outcome() != null ? " — " + r.outcome() : "");
            actor = "PARTNER".equals(r.changedBy()) ? partner : "referral-service";
            planActionId = r.planActionId();
        } else {
            ReferralResponseOverdue o = (ReferralResponseOverdue) data;
            details.put("referralId", o.referralId().toString());
            details.put("partnerId", o.partnerId().toString());
            details.put("partnerSector", o.partnerSector().name());
            summary = "Referral to " + o.partnerSector().name() + ": no answer by " + o.responseDueAt();
            actor = "referral-service";
        }
        SpanContext trace = Span.current().getSpanContext();
        if (trace.isValid()) {
            details.put("traceId", trace.getTraceId());
        }
        String type = "REFERRAL_" + kind.toUpperCase().replace('-', '_');
        timeline.append(c.id, type, summary, actor, details, when, event.id());
        if (event.time() != null) {
            Timer.builder("case.referral.timeline.delay")
                    .description("From a referral change in referral-service to its entry on the case timeline")
                    .publishPercentiles(0.5, 0.95, 0.99)
                    .register(registry)
                    .record(java.time.Duration.between(event.time(), OffsetDateTime.now(clock)).abs());
        }

        if (planActionId != null && ("completed".equals(kind) || "failed".equals(kind))) {
            updateLinkedAction(c, planActionId, "completed".equals(kind)
                    ? PlanRevision.ActionStatus.DONE : PlanRevision.ActionStatus.NOT_DONE, actor);
        }
    }

    private void updateLinkedAction(SocialCase c, UUID actionId, PlanRevision.ActionStatus status, String actor) {
        PlanRevision current = PlanRevision.find("caseId = ?1 and current = true", c.id).firstResult();
        boolean inCurrentPlan = current != null && current.goals.stream()
                .flatMap(g -> g.actions().stream()).anyMatch(a -> a.id().equals(actionId));
        if (inCurrentPlan) {
            plans.updateAction(c, actionId, status, actor, "set by the linked referral");
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
