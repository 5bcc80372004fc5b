package ua.social.cases.casefile;

import ua.social.contracts.event.CaseClosed;
import ua.social.contracts.event.CaseReopened;
import ua.social.contracts.event.CaseStageChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ua.social.cases.casefile.CaseCommands.ClosureRequest;
import ua.social.cases.casefile.CaseCommands.ReopenRequest;
import ua.social.cases.casefile.CaseCommands.StageRequest;
import ua.social.cases.casefile.Caseloads.Caseload;
import ua.social.cases.events.CaseEvents;
import ua.social.cases.staff.StaffMember;
import ua.social.cases.support.Timeline;
import ua.social.identity.Caller;
import ua.social.identity.Roles;
import ua.social.identity.problem.ProblemException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A case's way through its stages: moving on, closure and reopening. The rules are the case's own
 * ({@link SocialCase#moveTo}, {@link SocialCase#close}, {@link SocialCase#reopen}); this records each change on
 * the timeline and as an event.
 */
@ApplicationScoped
public class CaseStages {

    @Inject
    Clock clock;
    @Inject
    CaseAccess access;
    @Inject
    Caseloads caseloads;
    @Inject
    CaseEvents events;
    @Inject
    Timeline timeline;

    /** What the next stages need on file, looked up only when asked. */
    private static SocialCase.OnFile onFile(SocialCase c) {
        return new SocialCase.OnFile() {
            @Override
            public boolean hasAssessment() {
                return Assessment.count("caseId", c.id) > 0;
            }

            @Override
            public boolean hasCurrentPlan() {
                return PlanRevision.find("caseId = ?1 and current = true", c.id).firstResult() != null;
            }
        };
    }

    @Transactional
    public SocialCase move(UUID id, String ifMatch, StageRequest req) {
        Caller caller = access.caller();
        SocialCase c = access.change(id, ifMatch);
        CaseStage from = c.moveTo(req.stage(), onFile(c), OffsetDateTime.now(clock));
        stageChanged(c, caller, from, req.note());
        SocialCase.flush();
        return c;
    }

    private void stageChanged(SocialCase c, Caller caller, CaseStage from, String note) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", from.name());
        details.put("to", c.stage.name());
        if (note != null && !note.isBlank()) {
            details.put("note", note);
        }
        timeline.append(c.id, "STAGE_CHANGED", "Stage " + from + " → " + c.stage, caller.username(), details);
        publishStageChanged(c, from);
    }

    private void publishStageChanged(SocialCase c, CaseStage from) {
        events.publish(c.id, c.id, new CaseStageChanged(c.id, c.oblast, c.hromada, from.name(), c.stage.name(), c.updatedAt));
    }

    @Transactional
    public SocialCase close(UUID id, String ifMatch, ClosureRequest req) {
        Caller caller = access.caller();
        SocialCase c = access.change(id, ifMatch);
        CaseStage from = c.close(req.reason(), req.details(), req.outcomeEvaluation(), OffsetDateTime.now(clock));
        timeline.append(c.id, "CASE_CLOSED", "Case closed: " + req.reason(), caller.username(),
                Map.of("from", from.name(), "reason", req.reason().name()));
        publishClosed(c, from);
        SocialCase.flush();
        return c;
    }

    private void publishClosed(SocialCase c, CaseStage from) {
        events.publish(c.id, c.id, new CaseClosed(c.id, c.oblast, c.hromada, from.name(), c.closureReason, c.caseManagerId,
                c.model, c.openedAt, c.closedAt));
    }

    @Transactional
    public SocialCase reopen(UUID id, String ifMatch, ReopenRequest req) {
        Caller caller = access.caller();
        SocialCase c = access.change(id, ifMatch);
        if (!access.isSupervisorOf(caller, c)) {
            throw ProblemException.forbidden("Only a supervisor of the case's community may reopen a case.");
        }
        c.requireClosed();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", req.reason());
        if (c.caseManagerId != null) {
            // Reopening gives the case back to its case manager: their caseload limit applies as to an assignment.
            Caseload load = caseloads.check(c, caller, new StaffMember(c.caseManagerId, c.caseManagerUsername,
                    c.caseManagerName, Set.of(Roles.CASE_MANAGER), c.oblast, c.hromada), req.caseloadOverrideReason());
            details.put("caseManager", c.caseManagerUsername);
            details.put("activeCasesBefore", load.others());
            details.put("limit", load.limit());
            if (load.overridden()) {
                details.put("caseloadOverrideReason", req.caseloadOverrideReason().trim());
            }
        }
        c.reopen(OffsetDateTime.now(clock));
        timeline.append(c.id, "CASE_REOPENED", "Case reopened for reassessment"
                + (details.containsKey("caseloadOverrideReason")
                ? " over the caseload limit, supervisor's reason recorded" : ""), caller.username(), details);
        publishReopened(c);
        SocialCase.flush();
        return c;
    }

    private void publishReopened(SocialCase c) {
        events.publish(c.id, c.id, new CaseReopened(c.id, c.oblast, c.hromada, c.stage.name(), c.caseManagerId, c.updatedAt));
    }
}
