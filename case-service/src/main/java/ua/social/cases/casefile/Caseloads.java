package ua.social.cases.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import ua.social.contracts.code.CaseManagementModel;
import ua.social.cases.staff.StaffDirectory;
import ua.social.cases.staff.StaffMember;
import ua.social.identity.Caller;
import ua.social.identity.Roles;
import ua.social.identity.problem.Problem;
import ua.social.identity.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** How many active cases each case manager carries, and the limit of each model. */
@ApplicationScoped
public class Caseloads {

    @Inject
    CaseAccess access;
    @Inject
    StaffDirectory staff;
    @Inject
    EntityManager em;

    /** A case manager's active cases by model, against the strictest limit among them. */
    public record CaseloadView(String caseManagerId, String username, String name, long activeCases,
                               Map<String, Long> byModel, int strictestLimit) {
    }

    /** A case manager's active cases other than this one, against the limit of this case's model. */
    record Caseload(long others, int limit, boolean overridden) {
    }

    /**
     * Refuses (409 caseload-limit-reached) when the case manager already carries as many other active cases as
     * the case's model allows, unless a supervisor gives a reason. Serialised per case manager by an advisory lock.
     */
    Caseload check(SocialCase c, Caller caller, StaffMember m, String overrideReason) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, m.id()).getSingleResult();
        long others = SocialCase.count("caseManagerId = ?1 and stage <> ?2 and id <> ?3", m.id(), CaseStage.CLOSED, c.id);
        int limit = c.model.caseloadLimit();
        if (others < limit) {
            return new Caseload(others, limit, false);
        }
        if (overrideReason == null || overrideReason.isBlank() || !caller.hasRole(Roles.SUPERVISOR)) {
            throw new ProblemException(Problem.of(409, "caseload-limit-reached", "Caseload limit reached",
                            m.username() + " already carries " + others + " active cases; the " + c.model
                                    + " model allows " + limit + ". A supervisor may go ahead anyway with a written "
                                    + "reason (caseloadOverrideReason).")
                    .with("caseManager", m.username()).with("activeCases", others).with("limit", limit)
                    .with("model", c.model.name()));
        }
        return new Caseload(others, limit, true);
    }

    /** Caseload of the case managers the caller oversees (a supervisor: the community; a case manager: self). */
    public List<CaseloadView> caseload(String username) {
        Caller caller = access.caller();
        String hromada = access.ownHromada();
        List<StaffMember> managers;
        if (caller.hasRole(Roles.SUPERVISOR)) {
            managers = staff.inCommunity(hromada).stream()
                    .filter(m -> m.hasRole(Roles.CASE_MANAGER))
                    .filter(m -> username == null || m.username().equals(username)).toList();
        } else {
            if (username != null && !username.equals(caller.username())) {
                throw ProblemException.forbidden("A case manager sees only their own caseload.");
            }
            managers = List.of(new StaffMember(caller.id(), caller.username(), caller.displayName(), caller.roles(),
                    caller.jurisdiction().oblast(), hromada));
        }
        List<CaseloadView> out = new ArrayList<>();
        for (StaffMember m : managers) {
            Map<String, Long> byModel = new TreeMap<>();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createQuery("select c.model, count(c) from SocialCase c where c.caseManagerId = ?1 "
                    + "and c.stage <> ?2 group by c.model").setParameter(1, m.id()).setParameter(2, CaseStage.CLOSED)
                    .getResultList();
            long total = 0;
            int strictest = Integer.MAX_VALUE;
            for (Object[] r : rows) {
                CaseManagementModel model = (CaseManagementModel) r[0];
                long n = (Long) r[1];
                byModel.put(model.name(), n);
                total += n;
                strictest = Math.min(strictest, model.caseloadLimit());
            }
            out.add(new CaseloadView(m.id(), m.username(), m.name(), total, byModel,
                    strictest == Integer.MAX_VALUE ? 0 : strictest));
        }
        out.sort((a, b) -> a.username().compareTo(b.username()));
        return out;
    }
}
