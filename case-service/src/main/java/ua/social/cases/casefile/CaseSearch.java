package ua.social.cases.casefile;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import ua.social.contracts.code.CaseManagementModel;
import ua.social.identity.Caller;
import ua.social.identity.Roles;
import ua.social.identity.web.PageView;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Lists of cases in the caller's reach, with the overdue flag. */
@ApplicationScoped
public class CaseSearch {

    @Inject
    CaseAccess access;
    @Inject
    EntityManager em;

    public PageView<SocialCase> list(CaseStage stage, String caseManager, String hromada, CaseManagementModel model,
                                     Boolean overdue, int page, int size) {
        Caller caller = access.caller();
        String own = access.ownHromada();
        StringBuilder q = new StringBuilder();
        Parameters p = new Parameters();
        if (caller.hasRole(Roles.SUPERVISOR)) {
            if (hromada != null && !hromada.equals(own)) {
                return PageView.of(List.of(), page, size, 0);
            }
            q.append("hromada = :hromada");
            p.and("hromada", own);
        } else {
            q.append("(caseManagerId = :me or id in (select t.caseId from TeamMember t where t.userId = :me))");
            p.and("me", caller.id());
            if (hromada != null) {
                q.append(" and hromada = :hromada");
                p.and("hromada", hromada);
            }
        }
        if (stage != null) {
            q.append(" and stage = :stage");
            p.and("stage", stage);
        }
        if (caseManager != null) {
            q.append(" and caseManagerUsername = :cm");
            p.and("cm", caseManager);
        }
        if (model != null) {
            q.append(" and model = :model");
            p.and("model", model);
        }
        if (overdue != null) {
            q.append(overdue ? " and id in (:overdueIds)" : " and id not in (:overdueIds)");
            List<UUID> ids = overdueCaseIds();
            p.and("overdueIds", ids.isEmpty() ? List.of(new UUID(0, 0)) : ids);
        }
        var query = SocialCase.<SocialCase>find(q.toString(), Sort.by("openedAt").descending().and("id"), p);
        long total = query.count();
        return PageView.of(query.page(Page.of(page, size)).list(), page, size, total);
    }

    /** Open cases whose current plan has an action past its deadline and not done (the list's filter). */
    @SuppressWarnings("unchecked")
    public List<UUID> overdueCaseIds() {
        return em.createNativeQuery("SELECT DISTINCT r.case_id " + IndividualPlans.OVERDUE_ACTIONS)
                .getResultList().stream().map(o -> (UUID) o).toList();
    }

    /** Which of these cases have an overdue action (for the flags of one page of a list). */
    @SuppressWarnings("unchecked")
    public Set<UUID> overdueAmong(Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createNativeQuery("SELECT DISTINCT r.case_id " + IndividualPlans.OVERDUE_ACTIONS
                        + "AND r.case_id IN (:ids)").setParameter("ids", caseIds)
                .getResultList().stream().map(o -> (UUID) o).toList());
    }
}
