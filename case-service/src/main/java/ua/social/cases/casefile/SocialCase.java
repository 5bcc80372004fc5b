package ua.social.cases.casefile;

import ua.social.contracts.code.ClosureReason;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import ua.social.contracts.code.CaseManagementModel;
import ua.social.cases.reference.TeamArrangement;
import ua.social.cases.staff.StaffMember;
import ua.social.identity.problem.Problem;
import ua.social.identity.problem.ProblemException;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A case (випадок) taken into case management, for a person or a whole family. */
@Entity
@Table(name = "social_case")
public class SocialCase extends PanacheEntityBase {
    @Id
    public UUID id;
    public String number;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "household_id")
    public UUID householdId;
    @Column(name = "appeal_id")
    public UUID appealId;
    public String oblast;
    public String hromada;
    @Enumerated(EnumType.STRING)
    public CaseStage stage;
    @Enumerated(EnumType.STRING)
    public CaseManagementModel model;
    @Enumerated(EnumType.STRING)
    @Column(name = "team_arrangement")
    public TeamArrangement teamArrangement;
    @Column(name = "case_manager_id")
    public String caseManagerId;
    @Column(name = "case_manager_username")
    public String caseManagerUsername;
    @Column(name = "case_manager_name")
    public String caseManagerName;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> criteria;
    @Column(name = "opening_override_reason")
    public String openingOverrideReason;
    @Column(name = "opened_at")
    public OffsetDateTime openedAt;
    @Column(name = "opened_by")
    public String openedBy;
    @Column(name = "consent_given_at")
    public OffsetDateTime consentGivenAt;
    @Column(name = "consent_processing")
    public boolean consentProcessing;
    @Column(name = "consent_sharing")
    public boolean consentSharing;
    @Column(name = "consent_withdrawn_at")
    public OffsetDateTime consentWithdrawnAt;
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "closure_reason")
    public ClosureReason closureReason;
    @Column(name = "closure_details")
    public String closureDetails;
    @Column(name = "outcome_evaluation")
    public String outcomeEvaluation;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;

    public boolean sharingConsentActive() {
        return consentSharing && consentWithdrawnAt == null;
    }

    /** Consent to processing that is recorded and not withdrawn. */
    public boolean processingConsentActive() {
        return consentWithdrawnAt == null && consentProcessing;
    }

    // ---------------------------------------------------------------- stages

    /** 409 wrong-stage unless the case is in one of these stages: {@code what} is done only there. */
    public void requireStage(Set<CaseStage> stages, String what) {
        if (!stages.contains(stage)) {
            throw new ProblemException(Problem.of(409, "wrong-stage", "Not in this stage",
                            what + " is done in stages " + stages + "; the case is in " + stage + ".")
                    .with("currentStage", stage.name()));
        }
    }

    /** What must be on file before a case enters a stage, beyond the case itself (asked only for a legal move). */
    public interface OnFile {
        boolean hasAssessment();

        boolean hasCurrentPlan();
    }

    /**
     * Moves the case to its next stage (closure has its own way): 409 for an illegal move, naming the current
     * stage and the allowed moves; 422 when what the stage needs is not on file. Returns the stage it left.
     */
    public CaseStage moveTo(CaseStage to, OnFile onFile, OffsetDateTime now) {
        CaseStage from = stage;
        if (to == CaseStage.CLOSED) {
            throw new ProblemException(Problem.of(409, "illegal-stage-move", "Use closure",
                    "A case is closed with POST /cases/{id}/closure, giving a reason and an outcome evaluation.")
                    .with("currentStage", from.name())
                    .with("allowedMoves", from.allowedMoves().stream().map(Enum::name).toList())
                    // deprecated alias of allowedMoves, kept for release 0.1 only
                    .with("allowedStages", from.allowedMoves().stream().map(Enum::name).toList()));
        }
        from.requireMove(to, from.forwardMoves());
        requireReadyFor(to, onFile);
        stage = to;
        updatedAt = now;
        return from;
    }

    private void requireReadyFor(CaseStage to, OnFile onFile) {
        switch (to) {
            case ASSESSMENT -> {
                if (!consentProcessing || consentWithdrawnAt != null) {
                    throw ProblemException.unprocessable("consent-required", "Informed consent required",
                            "Record the client's informed consent to the processing of their data before assessment.");
                }
            }
            case PLANNING -> {
                if (!onFile.hasAssessment()) {
                    throw ProblemException.unprocessable("assessment-required", "Assessment required",
                            "Record an assessment of needs and strengths before planning.");
                }
            }
            case IMPLEMENTATION -> {
                if (!onFile.hasCurrentPlan()) {
                    throw ProblemException.unprocessable("plan-required", "Individual plan required",
                            "Agree an individual plan with the client before implementation.");
                }
            }
            default -> {
            }
        }
    }

    /**
     * Closes the case from any open stage (409 once closed), with a reason and an outcome evaluation. Returns the
     * stage it left.
     */
    public CaseStage close(ClosureReason reason, String details, String evaluation, OffsetDateTime now) {
        CaseStage from = stage;
        from.requireMove(CaseStage.CLOSED, from.allowedMoves());
        stage = CaseStage.CLOSED;
        closedAt = now;
        updatedAt = now;
        closureReason = reason;
        closureDetails = details;
        outcomeEvaluation = evaluation.trim();
        return from;
    }

    /** 409 unless the case is closed: only a closed case can be reopened. */
    public void requireClosed() {
        if (stage != CaseStage.CLOSED) {
            throw stage.illegalMove(CaseStage.ASSESSMENT);
        }
    }

    /** Reopens a closed case for reassessment; the closure is forgotten (it stays on the timeline). */
    public void reopen(OffsetDateTime now) {
        requireClosed();
        stage = CaseStage.ASSESSMENT;
        closedAt = null;
        closureReason = null;
        closureDetails = null;
        outcomeEvaluation = null;
        updatedAt = now;
    }

    // ---------------------------------------------------------------- consent

    /** Records the client's informed consent (replacing an earlier or withdrawn one). */
    public void recordConsent(OffsetDateTime givenAt, boolean processing, boolean sharingWithPartners, OffsetDateTime now) {
        consentGivenAt = givenAt;
        consentProcessing = processing;
        consentSharing = sharingWithPartners;
        consentWithdrawnAt = null;
        updatedAt = now;
    }

    /** Withdraws consent: all of it, or only sharing with partners; 409 when there is no such consent to withdraw. */
    public void withdrawConsent(boolean sharingOnly, OffsetDateTime now) {
        if (consentGivenAt == null || consentWithdrawnAt != null || (sharingOnly && !consentSharing)) {
            throw ProblemException.conflict("no-consent", "No consent to withdraw",
                    "There is no active consent of that scope on this case.");
        }
        if (sharingOnly) {
            consentSharing = false;
        } else {
            consentWithdrawnAt = now;
        }
        updatedAt = now;
    }

    // ---------------------------------------------------------------- case manager and community

    /** The case is given to this case manager; returns the username of the one it had, if any. */
    public String assignCaseManager(StaffMember m, OffsetDateTime now) {
        String previous = caseManagerUsername;
        caseManagerId = m.id();
        caseManagerUsername = m.username();
        caseManagerName = m.name();
        updatedAt = now;
        return previous;
    }

    /**
     * The case moves to another community and leaves its case manager behind; the caller removes its staff
     * team members (other rows).
     */
    public void moveToCommunity(String toOblast, String toHromada) {
        oblast = toOblast;
        hromada = toHromada;
        caseManagerId = null;
        caseManagerUsername = null;
        caseManagerName = null;
    }
}
