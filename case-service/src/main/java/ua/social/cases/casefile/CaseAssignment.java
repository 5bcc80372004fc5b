package ua.social.cases.casefile;

import ua.social.contracts.event.CaseAssigned;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import ua.social.cases.casefile.CaseCommands.AssignmentRequest;
import ua.social.cases.casefile.Caseloads.Caseload;
import ua.social.cases.events.CaseEvents;
import ua.social.contracts.code.CaseManagementModel;
import ua.social.cases.staff.StaffDirectory;
import ua.social.cases.staff.StaffMember;
import ua.social.cases.support.Timeline;
import ua.social.identity.Caller;
import ua.social.identity.Roles;
import ua.social.identity.problem.Problem;
import ua.social.identity.problem.ProblemException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Who manages a case: assigning its case manager (at opening, by a supervisor, on transfer) and changing its model. */
@ApplicationScoped
public class CaseAssignment {

    @Inject
    Clock clock;
    @Inject
    CaseAccess access;
    @Inject
    Caseloads caseloads;
    @Inject
    StaffDirectory staff;
    @Inject
    CaseEvents events;
    @Inject
    Timeline timeline;

    @Transactional
    public SocialCase assign(UUID id, String ifMatch, AssignmentRequest req) {
        Caller caller = access.caller();
        SocialCase c = access.changeOpen(id, ifMatch);
        if (!access.isSupervisorOf(caller, c)) {
            throw ProblemException.forbidden("Only a supervisor of the case's community assigns its case manager.");
        }
        if (req.model() != null && req.model() != c.model) {
            CaseManagementModel from = c.model;
            c.model = req.model();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("from", from.name());
            details.put("to", c.model.name());
            StaffMember m = caseManager(req.caseManager(), c, "caseManager");
            if (m.id().equals(c.caseManagerId)) {
                // The case stays with its case manager: the stricter limit of the new model still applies.
                Caseload load = caseloads.check(c, caller, m, req.caseloadOverrideReason());
                details.put("activeCasesBefore", load.others());
                details.put("limit", load.limit());
                if (load.overridden()) {
                    details.put("caseloadOverrideReason", req.caseloadOverrideReason().trim());
                }
            }
            timeline.append(c.id, "MODEL_CHANGED", "Model changed from " + from + " to " + c.model
                            + (details.containsKey("caseloadOverrideReason")
                            ? " over the caseload limit, supervisor's reason recorded" : ""),
                    caller.username(), details);
        }
        assign(c, caller, req.caseManager(), "caseManager", req.caseloadOverrideReason(), "assigned");
        SocialCase.flush();
        return c;
    }

    /**
     * A case manager of the case's community, else 422. The answer is the same whether the username is
     * unknown, is not a case manager or works elsewhere, so the answer does not tell who works where.
     */
    private StaffMember caseManager(String username, SocialCase c, String field) {
        return assignableCaseManager(username, c.hromada, field);
    }

    /** A case manager of this community, else 422 (the same answer for an unknown user, a non-manager and another community's). */
    public StaffMember assignableCaseManager(String username, String hromada, String field) {
        return staff.byUsername(username)
                .filter(m -> m.hasRole(Roles.CASE_MANAGER))
                .filter(m -> m.hromada() != null && m.hromada().equals(hromada))
                .orElseThrow(() -> new ProblemException(Problem.of(422, "not-an-assignable-case-manager",
                                "Not a case manager of this community",
                                "The case can be assigned only to a case manager of its community; pick one from "
                                        + "GET /caseload.")
                        .field(field, "not a case manager of the case's community")));
    }

    /**
     * Assigns a case manager of the case's community, refusing past the model's caseload limit unless a
     * supervisor overrides with a reason. Assignments to one case manager are serialised by an advisory lock.
     */
    void assign(SocialCase c, Caller caller, String username, String field, String overrideReason, String how) {
        StaffMember m = caseManager(username, c, field);
        if (m.id().equals(c.caseManagerId)) {
            return;
        }
        Caseload load = caseloads.check(c, caller, m, overrideReason);
        long active = load.others();
        int limit = load.limit();
        boolean overridden = load.overridden();
        String previous = c.assignCaseManager(m, OffsetDateTime.now(clock));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("caseManager", m.username());
        details.put("previousCaseManager", previous);
        details.put("activeCasesBefore", active);
        details.put("limit", limit);
        if (overridden) {
            details.put("caseloadOverrideReason", overrideReason.trim());
        }
        timeline.append(c.id, "CASE_MANAGER_ASSIGNED", m.name() + " (" + m.username() + ") " + how
                + (overridden ? " over the caseload limit, supervisor's reason recorded" : ""), caller.username(), details);
        publishAssigned(c, m, previous, overridden);
    }

    private void publishAssigned(SocialCase c, StaffMember m, String previous, boolean overridden) {
        events.publish(c.id, c.id, new CaseAssigned(c.id, c.oblast, c.hromada, m.id(), m.username(), previous, c.model,
                overridden, c.updatedAt));
    }
}
