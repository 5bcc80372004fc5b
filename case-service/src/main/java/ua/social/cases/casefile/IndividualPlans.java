package ua.social.cases.casefile;

import ua.social.contracts.event.PlanRevised;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import ua.social.cases.casefile.CaseCommands.ActionRequest;
import ua.social.cases.casefile.CaseCommands.ActionStatusRequest;
import ua.social.cases.casefile.CaseCommands.GoalRequest;
import ua.social.cases.casefile.CaseCommands.PlanRequest;
import ua.social.cases.events.CaseEvents;
import ua.social.cases.support.Timeline;
import ua.social.identity.Caller;
import ua.social.identity.Roles;
import ua.social.identity.problem.Problem;
import ua.social.identity.problem.ProblemException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The individual plan: agreed and revised (each revision kept), its actions' statuses (by staff or a linked
 * referral), and the actions past their deadline.
 */
@ApplicationScoped
public class IndividualPlans {

    private static final Set<CaseStage> PLAN_ACTIVE = EnumSet.of(CaseStage.PLANNING, CaseStage.IMPLEMENTATION,
            CaseStage.MONITORING);

    /**
     * Actions of current plans of open cases that are past their deadline and not done: the one
     * definition of "overdue", used by the overdue list and by the cases list ({@code r}: plan
     * revision, {@code c}: case, {@code a}: action).
     */
    static final String OVERDUE_ACTIONS = "FROM plan_revision r JOIN social_case c ON c.id = r.case_id "
            + "CROSS JOIN LATERAL jsonb_array_elements(r.goals) g "
            + "CROSS JOIN LATERAL jsonb_array_elements(g->'actions') a "
            + "WHERE r.current AND c.stage <> 'CLOSED' AND (a->>'deadline')::date < current_date "
            + "AND a->>'status' IN ('PLANNED', 'IN_PROGRESS') ";

    @Inject
    Clock clock;
    @Inject
    CaseAccess access;
    @Inject
    CaseEvents events;
    @Inject
    Timeline timeline;
    @Inject
    EntityManager em;

    /** An action of a current plan past its deadline and not done. */
    public record OverdueAction(UUID caseId, String caseNumber, String caseManager, String hromada, UUID actionId,
                                String description, String responsible, LocalDate deadline, String status) {
    }

    @Transactional
    public PlanRevision revisePlan(UUID caseId, PlanRequest req) {
        Caller caller = access.caller();
        SocialCase c = access.inReach(caseId);
        c.requireStage(EnumSet.of(CaseStage.PLANNING), "Agreeing or revising the individual plan");
        Assessment latest = Assessment.find("caseId", Sort.by("number").descending(), caseId).firstResult();
        Set<String> assessedDomains = new HashSet<>();
        latest.needs.forEach(n -> assessedDomains.add(n.domain()));
        PlanRevision previous = lockCurrentPlan(caseId);
        Map<UUID, PlanRevision.Action> previousActions = new HashMap<>();
        Set<UUID> previousGoals = new HashSet<>();
        if (previous != null) {
            for (PlanRevision.Goal g : previous.goals) {
                previousGoals.add(g.id());
                g.actions().forEach(a -> previousActions.put(a.id(), a));
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<PlanRevision.Goal> goals = new ArrayList<>();
        Set<UUID> usedIds = new HashSet<>();
        for (int gi = 0; gi < req.goals().size(); gi++) {
            GoalRequest g = req.goals().get(gi);
            for (var d : g.needDomains()) {
                if (!assessedDomains.contains(d.name())) {
                    throw new ProblemException(Problem.of(422, "goal-not-linked-to-need", "Goal not linked to an assessed need",
                            "Goal " + (gi + 1) + " addresses " + d + ", which the latest assessment does not list as a need.")
                            .field("goals[" + gi + "].needDomains", d + " is not an assessed need"));
                }
            }
            UUID goalId = reuse(g.id(), previousGoals, usedIds, "goals[" + gi + "].id");
            List<PlanRevision.Action> actions = new ArrayList<>();
            for (int ai = 0; ai < g.actions().size(); ai++) {
                ActionRequest a = g.actions().get(ai);
                UUID actionId = reuse(a.id(), previousActions.keySet(), usedIds, "goals[" + gi + "].actions[" + ai + "].id");
                PlanRevision.ActionStatus status = a.status() != null ? a.status()
                        : previousActions.containsKey(actionId) ? previousActions.get(actionId).status()
                        : PlanRevision.ActionStatus.PLANNED;
                actions.add(new PlanRevision.Action(actionId, a.description(), a.responsibleKind(), a.responsible(),
                        a.deadline(), status, now));
            }
            goals.add(new PlanRevision.Goal(goalId, g.description(),
                    g.needDomains().stream().map(Enum::name).distinct().toList(), actions));
        }
        if (previous != null) {
            previous.current = false;
            PlanRevision.flush();
        }
        PlanRevision p = new PlanRevision();
        p.id = UUID.randomUUID();
        p.caseId = caseId;
        p.revision = previous == null ? 1 : previous.revision + 1;
        p.current = true;
        p.createdAt = now;
        p.createdBy = caller.username();
        p.reason = req.reason();
        p.consultationFrequency = req.consultationFrequency();
        p.goals = goals;
        p.persist();
        int actionCount = goals.stream().mapToInt(g -> g.actions().size()).sum();
        timeline.append(caseId, p.revision == 1 ? "PLAN_AGREED" : "PLAN_REVISED",
                (p.revision == 1 ? "Individual plan agreed" : "Individual plan revised (revision " + p.revision + ")")
                        + ": " + goals.size() + " goal(s), " + actionCount + " action(s)",
                caller.username(), Map.of("revision", p.revision));
        publishPlanRevised(c, p, actionCount, now);
        return p;
    }

    private void publishPlanRevised(SocialCase c, PlanRevision p, int actionCount, OffsetDateTime now) {
        UUID caseId = c.id;
        List<PlanRevision.Goal> goals = p.goals;
        long partnerActions = goals.stream().flatMap(g -> g.actions().stream())
                .filter(a -> a.responsibleKind() == PlanRevision.ResponsibleKind.PARTNER_ORGANISATION).count();
        events.publish(caseId, p.id, new PlanRevised(caseId, c.oblast, c.hromada, p.revision, goals.size(), actionCount,
                partnerActions, now));
    }

    /**
     * The current revision of a case's plan, read and locked ({@code SELECT … FOR UPDATE}) until the
     * transaction ends, so that concurrent changes of its actions (staff, or a linked referral's outcome)
     * and revisions apply one after the other and none is lost. The row is re-read under the lock, so a
     * copy loaded earlier in the transaction does not hide a change committed meanwhile.
     */
    PlanRevision lockCurrentPlan(UUID caseId) {
        while (true) {
            PlanRevision p = PlanRevision.find("caseId = ?1 and current = true", caseId).firstResult();
            if (p == null) {
                return null;
            }
            em.refresh(p, LockModeType.PESSIMISTIC_WRITE);
            if (p.current) {
                return p;
            }
            // A revision replaced it while we waited for the lock: lock the new current one.
        }
    }

    /** Keeps an id the client sent when it names a goal or action of the previous revision. */
    private static UUID reuse(UUID requested, Set<UUID> known, Set<UUID> used, String field) {
        if (requested == null) {
            UUID fresh = UUID.randomUUID();
            used.add(fresh);
            return fresh;
        }
        if (!known.contains(requested)) {
            throw ProblemException.badRequest(field, "not a goal or action of the current plan; omit it for a new one");
        }
        if (!used.add(requested)) {
            throw ProblemException.badRequest(field, "used twice");
        }
        return requested;
    }

    public PlanRevision currentPlan(UUID caseId) {
        access.inReach(caseId);
        PlanRevision p = PlanRevision.find("caseId = ?1 and current = true", caseId).firstResult();
        if (p == null) {
            throw ProblemException.notFound("Individual plan of case " + caseId);
        }
        access.read(caseId, "individual plan");
        return p;
    }

    public List<PlanRevision> planRevisions(UUID caseId) {
        access.read(caseId, "individual plan revisions");
        return PlanRevision.list("caseId", Sort.by("revision"), caseId);
    }

    public PlanRevision planRevision(UUID caseId, int revision) {
        access.inReach(caseId);
        PlanRevision p = PlanRevision.find("caseId = ?1 and revision = ?2", caseId, revision).firstResult();
        if (p == null) {
            throw ProblemException.notFound("Revision " + revision + " of the plan");
        }
        // Logged once the revision is found: a refused read shows nothing and stores nothing.
        access.read(caseId, "individual plan revision " + revision);
        return p;
    }

    @Transactional
    public PlanRevision.Action setActionStatus(UUID caseId, UUID actionId, ActionStatusRequest req) {
        Caller caller = access.caller();
        SocialCase c = access.inReach(caseId);
        c.requireStage(PLAN_ACTIVE, "Updating plan actions");
        return updateAction(c, actionId, req.status(), caller.username(), req.note());
    }

    /** Changes one action of the current plan (also used when a linked referral completes or fails). */
    @Transactional(Transactional.TxType.MANDATORY)
    public PlanRevision.Action updateAction(SocialCase c, UUID actionId, PlanRevision.ActionStatus status, String actor,
                                           String note) {
        PlanRevision p = lockCurrentPlan(c.id);
        if (p == null) {
            throw ProblemException.notFound("Individual plan of case " + c.id);
        }
        PlanRevision.Action changed = p.setActionStatus(actionId, status, OffsetDateTime.now(clock));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("actionId", actionId.toString());
        details.put("status", status.name());
        if (note != null && !note.isBlank()) {
            details.put("note", note);
        }
        timeline.append(c.id, "PLAN_ACTION_UPDATED", "Action \"" + abbreviate(changed.description()) + "\": " + status,
                actor, details);
        return changed;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    /** Overdue actions of current plans: a case manager's own cases, or a supervisor's community. */
    @SuppressWarnings("unchecked")
    public List<OverdueAction> overdue(String caseManager) {
        Caller caller = access.caller();
        String hromada = access.ownHromada();
        StringBuilder sql = new StringBuilder("SELECT c.id, c.number, c.case_manager_username, c.hromada, "
                + "a->>'id', a->>'description', a->>'responsible', (a->>'deadline')::date, a->>'status' "
                + OVERDUE_ACTIONS);
        Map<String, Object> params = new HashMap<>();
        if (caller.hasRole(Roles.SUPERVISOR)) {
            sql.append("AND c.hromada = :hromada ");
            params.put("hromada", hromada);
            if (caseManager != null) {
                sql.append("AND c.case_manager_username = :cm ");
                params.put("cm", caseManager);
            }
        } else {
            if (caseManager != null && !caseManager.equals(caller.username())) {
                throw ProblemException.forbidden("A case manager lists only their own overdue actions.");
            }
            sql.append("AND c.case_manager_id = :me ");
            params.put("me", caller.id());
        }
        sql.append("ORDER BY 8, 2");
        var q = em.createNativeQuery(sql.toString());
        params.forEach(q::setParameter);
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new OverdueAction((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                UUID.fromString((String) r[4]), (String) r[5], (String) r[6], toLocalDate(r[7]), (String) r[8])).toList();
    }

    private static LocalDate toLocalDate(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }
}
