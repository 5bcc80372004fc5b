package ua.social.cases.casefile;

import ua.social.contracts.code.ClosureReason;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import ua.social.identity.territory.KnownCommunity;
import ua.social.identity.territory.KnownOblast;
import ua.social.contracts.code.CaseManagementModel;
import ua.social.contracts.code.NeedDomain;
import ua.social.cases.reference.TeamArrangement;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What staff ask of a case and of the work in it. The REST layer deserializes these from request bodies and
 * validates them (the constraints name the field of a 400); the services of this package carry them out.
 * Their names are the names of the request schemas in the OpenAPI document.
 */
public final class CaseCommands {

    private CaseCommands() {
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

    public record ActionStatusRequest(@NotNull PlanRevision.ActionStatus status, @Size(max = 2000) String note) {
    }

    public record NoteRequest(@NotNull CaseNote.Kind kind, @NotBlank @Size(max = 8000) String text,
                              @NotNull Boolean confidential) {
    }
}
