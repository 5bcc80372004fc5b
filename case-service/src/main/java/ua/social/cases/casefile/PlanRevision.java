package ua.social.cases.casefile;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import ua.social.identity.problem.ProblemException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One revision of the individual plan (індивідуальний план). Revising the plan adds a revision and
 * keeps the previous ones readable; only the current revision's action statuses change.
 */
@Entity
@Table(name = "plan_revision")
public class PlanRevision extends PanacheEntityBase {

    public enum ActionStatus { PLANNED, IN_PROGRESS, DONE, NOT_DONE, CANCELLED }

    /** Who is responsible for a step: a member of staff or a partner organisation. */
    public enum ResponsibleKind { STAFF, PARTNER_ORGANISATION, CLIENT }

    public record Action(UUID id, String description, ResponsibleKind responsibleKind, String responsible,
                         LocalDate deadline, ActionStatus status, OffsetDateTime statusChangedAt) {
        public Action withStatus(ActionStatus s, OffsetDateTime at) {
            return new Action(id, description, responsibleKind, responsible, deadline, s, at);
        }
    }

    /** A goal agreed with the client, linked to the need domains it addresses. */
    public record Goal(UUID id, String description, List<String> needDomains, List<Action> actions) {
    }

    @Id
    public UUID id;
    @Column(name = "case_id")
    public UUID caseId;
    public int revision;
    public boolean current;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
    public String reason;
    @Column(name = "consultation_frequency")
    public String consultationFrequency;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Goal> goals;

    /**
     * Sets the status of one action of this revision (the goals are replaced, so the JSON column is written);
     * 404 when the revision has no such action. Returns the action as changed.
     */
    public Action setActionStatus(UUID actionId, ActionStatus status, OffsetDateTime now) {
        Action changed = null;
        List<Goal> changedGoals = new ArrayList<>();
        for (Goal g : goals) {
            List<Action> actions = new ArrayList<>();
            for (Action a : g.actions()) {
                if (a.id().equals(actionId)) {
                    changed = a.withStatus(status, now);
                    actions.add(changed);
                } else {
                    actions.add(a);
                }
            }
            changedGoals.add(new Goal(g.id(), g.description(), g.needDomains(), actions));
        }
        if (changed == null) {
            throw ProblemException.notFound("Action " + actionId + " in the current plan");
        }
        goals = changedGoals;
        return changed;
    }
}
