package ua.social.cases.rest;

import ua.social.cases.casefile.Assessment;
import ua.social.cases.casefile.CaseNote;
import ua.social.cases.casefile.CaseStage;
import ua.social.contracts.code.ClosureReason;
import ua.social.cases.casefile.PlanRevision;
import ua.social.cases.casefile.SocialCase;
import ua.social.cases.casefile.TeamMember;
import ua.social.contracts.code.CaseManagementModel;
import ua.social.cases.reference.TeamArrangement;
import ua.social.cases.support.AccessLogEntry;
import ua.social.cases.support.TimelineEntry;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Response shapes of cases and the work in them (the requests are {@code casefile.CaseCommands}). */
public final class CaseApi {

    private CaseApi() {
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

    public record AssessmentView(UUID id, int number, OffsetDateTime assessedAt, String assessedBy,
                                 List<Assessment.Need> needs, List<Assessment.Strength> strengths,
                                 List<Assessment.Risk> risks, String summary) {
        public static AssessmentView of(Assessment a) {
            return new AssessmentView(a.id, a.number, a.assessedAt, a.assessedBy, a.needs, a.strengths, a.risks, a.summary);
        }
    }

    public record PlanView(UUID id, int revision, boolean current, OffsetDateTime createdAt, String createdBy,
                           String reason, String consultationFrequency, List<PlanRevision.Goal> goals) {
        public static PlanView of(PlanRevision p) {
            return new PlanView(p.id, p.revision, p.current, p.createdAt, p.createdBy, p.reason,
                    p.consultationFrequency, p.goals);
        }
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

}
