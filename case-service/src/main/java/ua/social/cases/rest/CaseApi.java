package ua.social.cases.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import ua.social.identity.territory.KnownCommunity;
import ua.social.identity.territory.KnownOblast;
import ua.social.cases.casefile.Assessment;
import ua.social.cases.casefile.CaseNote;
import ua.social.cases.casefile.CaseStage;
import ua.social.contracts.code.ClosureReason;
import ua.social.cases.casefile.OpeningCriterion;
import ua.social.cases.casefile.PlanRevision;
import ua.social.cases.casefile.SocialCase;
import ua.social.cases.casefile.TeamMember;
import ua.social.contracts.code.CaseManagementModel;
import ua.social.contracts.code.NeedDomain;
import ua.social.cases.reference.TeamArrangement;
import ua.social.cases.support.AccessLogEntry;
import ua.social.cases.support.TimelineEntry;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request and response shapes of cases and the work in them. */
public final class CaseApi {

    private CaseApi() {
    }

    static final String USERNAME = "^[a-zA-Z0-9._@-]{1,100}$";

    public record ConsentRequest(@NotNull @PastOrPresent OffsetDateTime givenAt, @NotNull Boolean processing,
                                 @NotNull Boolean sharingWithPartners) {
    }

    public record OpenCaseRequest(UUID appealId, UUID clientId, UUID householdId,
                                  @Size(max = 3) List<@NotNull OpeningCriterion> criteria,
                                  @Size(max = 13) List<@NotNull NeedDomain> needDomains,
                                  @Size(max = 2000) String openingOverrideReason,
                                  @NotNull CaseManagementModel model,
                                  TeamArrangement teamArrangement,
                                  @Pattern(regexp = USERNAME, message = "must be a username") String caseManager,
                                  @Size(max = 2000) String caseloadOverrideReason,
                                  @Valid ConsentRequest consent) {
    }

    public record AssignmentRequest(@NotBlank @Pattern(regexp = USERNAME, message = "must be a username") String caseManager,
                                    CaseManagementModel model,
                                    @Size(max = 2000) String caseloadOverrideReason) {
    }

    public record TransferRequest(@Pattern(regexp = USERNAME, message = "must be a username") String toCaseManager,
                                  @KnownOblast String toOblast,
                                  @KnownCommunity String toHromada,
                                  @NotBlank @Size(max = 2000) String reason,
                                  @Size(max = 2000) String caseloadOverrideReason) {
    }

    public record StageRequest(@NotNull CaseStage stage, @Size(max = 2000) String note) {
    }

    public record ClosureRequest(@NotNull ClosureReason reason, @Size(max = 2000) String details,
                                 @NotBlank @Size(max = 4000) String outcomeEvaluation) {
    }

    public record ReopenRequest(@NotBlank @Size(max = 2000) String reason,
                                @Size(max = 2000) String caseloadOverrideReason) {
    }

    public record WithdrawalRequest(@NotNull Boolean sharingOnly, @Size(max = 2000) String reason) {
    }

    public record TeamMemberRequest(@NotNull TeamMember.Kind kind,
                                    @Pattern(regexp = USERNAME, message = "must be a username") String username,
                                    @Size(max = 200) String name, @Size(max = 200) String specialty) {
    }

    public record TeamRequest(@NotNull TeamArrangement arrangement,
                              @Size(max = 30) List<@Valid @NotNull TeamMemberRequest> members) {
    }

    public record StaffRef(String id, String username, String name) {
    }

    public record ConsentView(OffsetDateTime givenAt, boolean processing, boolean sharingWithPartners,
                              OffsetDateTime withdrawnAt) {
    }

    public record TeamMemberView(UUID id, TeamMember.Kind kind, String username, String name, String specialty) {
        public static TeamMemberView of(TeamMember m) {
            return new TeamMemberView(m.id, m.kind, m.username, m.name, m.specialty);
        }
    }

    public record CaseView(UUID id, String number, UUID clientId, UUID householdId, UUID appealId, String oblast,
                           String hromada, CaseStage stage, List<CaseStage> allowedMoves, CaseManagementModel model,
                           TeamArrangement teamArrangement, StaffRef caseManager, List<String> criteria,
                           String openingOverrideReason, OffsetDateTime openedAt, String openedBy, ConsentView consent,
                           OffsetDateTime closedAt, ClosureReason closureReason, String closureDetails,
                           String outcomeEvaluation, List<TeamMemberView> team, long version) {
        public static CaseView of(SocialCase c, List<TeamMember> team) {
            return new CaseView(c.id, c.number, c.clientId, c.householdId, c.appealId, c.oblast, c.hromada, c.stage,
                    c.stage.allowedMoves().stream().sorted().toList(), c.model, c.teamArrangement,
                    c.caseManagerId == null ? null : new StaffRef(c.caseManagerId, c.caseManagerUsername, c.caseManagerName),
                    c.criteria, c.openingOverrideReason, c.openedAt, c.openedBy,
                    c.consentGivenAt == null ? null : new ConsentView(c.consentGivenAt, c.consentProcessing,
                            c.consentSharing, c.consentWithdrawnAt),
                    c.closedAt, c.closureReason, c.closureDetails, c.outcomeEvaluation,
                    team.stream().map(TeamMemberView::of).toList(), c.version);
        }
    }

    public record CaseSummary(UUID id, String number, UUID clientId, String hromada, CaseStage stage,
                              CaseManagementModel model, String caseManager, OffsetDateTime openedAt, boolean overdue) {
    }

    public record NeedRequest(@NotNull NeedDomain domain, @NotNull Assessment.Severity severity,
                              @Size(max = 2000) String description) {
    }

    public record StrengthRequest(@NotNull Assessment.StrengthKind kind, @NotBlank @Size(max = 2000) String description) {
    }

    public record RiskRequest(@NotBlank @Size(max = 2000) String description, @NotNull Assessment.Severity severity) {
    }

    public record AssessmentRequest(@NotEmpty @Size(max = 13) List<@Valid @NotNull NeedRequest> needs,
                                    @Size(max = 50) List<@Valid @NotNull StrengthRequest> strengths,
                                    @Size(max = 50) List<@Valid @NotNull RiskRequest> risks,
                                    @Size(max = 4000) String summary) {
    }

    public record AssessmentView(UUID id, int number, OffsetDateTime assessedAt, String assessedBy,
                                 List<Assessment.Need> needs, List<Assessment.Strength> strengths,
                                 List<Assessment.Risk> risks, String summary) {
        public static AssessmentView of(Assessment a) {
            return new AssessmentView(a.id, a.number, a.assessedAt, a.assessedBy, a.needs, a.strengths, a.risks, a.summary);
        }
    }

    public record ActionRequest(UUID id, @NotBlank @Size(max = 2000) String description,
                                @NotNull PlanRevision.ResponsibleKind responsibleKind,
                                @NotBlank @Size(max = 300) String responsible,
                                @NotNull LocalDate deadline, PlanRevision.ActionStatus status) {
    }

    public record GoalRequest(UUID id, @NotBlank @Size(max = 2000) String description,
                              @NotEmpty @Size(max = 13) List<@NotNull NeedDomain> needDomains,
                              @NotEmpty @Size(max = 50) List<@Valid @NotNull ActionRequest> actions) {
    }

    public record PlanRequest(@Size(max = 2000) String reason, @Size(max = 200) String consultationFrequency,
                              @NotEmpty @Size(max = 30) List<@Valid @NotNull GoalRequest> goals) {
    }

    public record PlanView(UUID id, int revision, boolean current, OffsetDateTime createdAt, String createdBy,
                           String reason, String consultationFrequency, List<PlanRevision.Goal> goals) {
        public static PlanView of(PlanRevision p) {
            return new PlanView(p.id, p.revision, p.current, p.createdAt, p.createdBy, p.reason,
                    p.consultationFrequency, p.goals);
        }
    }

    public record ActionStatusRequest(@NotNull PlanRevision.ActionStatus status, @Size(max = 2000) String note) {
    }

    public record OverdueAction(UUID caseId, String caseNumber, String caseManager, String hromada, UUID actionId,
                                String description, String responsible, LocalDate deadline, String status) {
    }

    public record NoteRequest(@NotNull CaseNote.Kind kind, @NotBlank @Size(max = 8000) String text,
                              @NotNull Boolean confidential) {
    }

    public record NoteView(UUID id, CaseNote.Kind kind, String text, boolean confidential, String author,
                           OffsetDateTime createdAt) {
        public static NoteView of(CaseNote n) {
            return new NoteView(n.id, n.kind, n.text, n.confidential, n.author, n.createdAt);
        }
    }

    public record TimelineView(long id, OffsetDateTime occurredAt, String type, String summary, String actor,
                               Map<String, Object> details) {
        public static TimelineView of(TimelineEntry e) {
            return new TimelineView(e.id, e.occurredAt, e.type, e.summary, e.actor, e.details);
        }
    }

    public record AccessView(OffsetDateTime accessedAt, String username, String roles, String action) {
        public static AccessView of(AccessLogEntry e) {
            return new AccessView(e.accessedAt, e.username, e.roles, e.action);
        }
    }

    public record CaseloadView(String caseManagerId, String username, String name, long activeCases,
                               Map<String, Long> byModel, int strictestLimit) {
    }
}
