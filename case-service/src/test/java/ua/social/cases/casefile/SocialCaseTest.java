package ua.social.cases.casefile;

import ua.social.contracts.code.ClosureReason;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import ua.social.contracts.code.CaseManagementModel;
import ua.social.cases.staff.StaffMember;
import ua.social.identity.problem.Problem;
import ua.social.identity.problem.ProblemException;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules a case keeps itself, with no database: stage moves, closure, reopening, consent, case manager. */
@Tag("fast")
class SocialCaseTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 3, 2, 10, 0, 0, 0, ZoneOffset.UTC);
    private static final SocialCase.OnFile NOTHING_ON_FILE = onFile(false, false);

    private static SocialCase inStage(CaseStage stage) {
        SocialCase c = new SocialCase();
        c.id = UUID.randomUUID();
        c.stage = stage;
        c.model = CaseManagementModel.STRENGTHS_BASED;
        c.oblast = "UA-53";
        c.hromada = "UA53080370000025447";
        return c;
    }

    private static SocialCase.OnFile onFile(boolean assessment, boolean plan) {
        return new SocialCase.OnFile() {
            @Override
            public boolean hasAssessment() {
                return assessment;
            }

            @Override
            public boolean hasCurrentPlan() {
                return plan;
            }
        };
    }

    private static Problem refused(Runnable change) {
        return assertThrows(ProblemException.class, change::run).problem();
    }

    private static String slug(Problem p) {
        String type = p.type.toString();
        return type.substring(type.lastIndexOf('/') + 1);
    }

    @Test
    void aCaseMovesOnlyToItsNextStageAndSaysWhereItMayGo() {
        SocialCase c = inStage(CaseStage.CONTACT);
        Problem p = refused(() -> c.moveTo(CaseStage.PLANNING, NOTHING_ON_FILE, NOW));
        assertEquals(409, p.status);
        assertEquals("illegal-stage-move", slug(p));
        assertEquals("CONTACT", p.extensions().get("currentStage"));
        assertEquals(List.of("ASSESSMENT", "CLOSED"), p.extensions().get("allowedMoves"));
        assertEquals(CaseStage.CONTACT, c.stage);
    }

    @Test
    void closingThroughTheStageMoveIsRefusedPointingToClosure() {
        SocialCase c = inStage(CaseStage.MONITORING);
        Problem p = refused(() -> c.moveTo(CaseStage.CLOSED, NOTHING_ON_FILE, NOW));
        assertEquals(409, p.status);
        assertEquals("Use closure", p.title);
        assertEquals(CaseStage.MONITORING, c.stage);
    }

    @Test
    void assessmentNeedsActiveConsentPlanningAnAssessmentImplementationAPlan() {
        SocialCase contact = inStage(CaseStage.CONTACT);
        assertEquals("consent-required", slug(refused(() -> contact.moveTo(CaseStage.ASSESSMENT, NOTHING_ON_FILE, NOW))));
        contact.recordConsent(NOW.minusDays(1), true, false, NOW);
        contact.withdrawConsent(false, NOW);
        assertEquals("consent-required", slug(refused(() -> contact.moveTo(CaseStage.ASSESSMENT, NOTHING_ON_FILE, NOW))));

        SocialCase assessment = inStage(CaseStage.ASSESSMENT);
        assertEquals("assessment-required", slug(refused(() -> assessment.moveTo(CaseStage.PLANNING, NOTHING_ON_FILE, NOW))));
        assertEquals(CaseStage.ASSESSMENT, assessment.moveTo(CaseStage.PLANNING, onFile(true, false), NOW));
        assertEquals(CaseStage.PLANNING, assessment.stage);
        assertEquals(NOW, assessment.updatedAt);

        assertEquals("plan-required", slug(refused(() -> assessment.moveTo(CaseStage.IMPLEMENTATION, onFile(true, false), NOW))));
        assessment.moveTo(CaseStage.IMPLEMENTATION, onFile(true, true), NOW);
        assertEquals(CaseStage.IMPLEMENTATION, assessment.stage);
    }

    @Test
    void anIllegalMoveIsRefusedBeforeWhatTheStageNeedsIsAskedFor() {
        SocialCase c = inStage(CaseStage.CONTACT);
        SocialCase.OnFile unaskable = new SocialCase.OnFile() {
            @Override
            public boolean hasAssessment() {
                throw new AssertionError("asked for an assessment on an illegal move");
            }

            @Override
            public boolean hasCurrentPlan() {
                throw new AssertionError("asked for a plan on an illegal move");
            }
        };
        assertEquals("illegal-stage-move", slug(refused(() -> c.moveTo(CaseStage.IMPLEMENTATION, unaskable, NOW))));
    }

    @Test
    void closureRecordsReasonAndEvaluationAndHappensOnce() {
        SocialCase c = inStage(CaseStage.IMPLEMENTATION);
        assertEquals(CaseStage.IMPLEMENTATION, c.close(ClosureReason.GOALS_ACHIEVED, "details", "  achieved  ", NOW));
        assertEquals(CaseStage.CLOSED, c.stage);
        assertEquals(NOW, c.closedAt);
        assertEquals("achieved", c.outcomeEvaluation);
        assertEquals(ClosureReason.GOALS_ACHIEVED, c.closureReason);
        Problem again = refused(() -> c.close(ClosureReason.GOALS_ACHIEVED, null, "again", NOW));
        assertEquals("illegal-stage-move", slug(again));
        assertEquals("achieved", c.outcomeEvaluation);
    }

    @Test
    void onlyAClosedCaseReopensAndItsClosureIsForgotten() {
        SocialCase open = inStage(CaseStage.PLANNING);
        Problem p = refused(() -> open.reopen(NOW));
        assertEquals("illegal-stage-move", slug(p));
        assertEquals("ASSESSMENT", p.extensions().get("requestedStage"));

        SocialCase c = inStage(CaseStage.MONITORING);
        c.close(ClosureReason.GOALS_ACHIEVED, "d", "e", NOW.minusDays(1));
        c.reopen(NOW);
        assertEquals(CaseStage.ASSESSMENT, c.stage);
        assertNull(c.closedAt);
        assertNull(c.closureReason);
        assertNull(c.closureDetails);
        assertNull(c.outcomeEvaluation);
        assertEquals(NOW, c.updatedAt);
    }

    @Test
    void consentIsWithdrawnWhollyOrForSharingOnlyAndOnlyWhenThereIsSome() {
        SocialCase c = inStage(CaseStage.ASSESSMENT);
        assertEquals("no-consent", slug(refused(() -> c.withdrawConsent(false, NOW))));

        c.recordConsent(NOW.minusDays(2), true, true, NOW.minusDays(2));
        assertTrue(c.sharingConsentActive());
        c.withdrawConsent(true, NOW);
        assertFalse(c.sharingConsentActive());
        assertTrue(c.processingConsentActive());
        assertEquals("no-consent", slug(refused(() -> c.withdrawConsent(true, NOW))));

        c.withdrawConsent(false, NOW);
        assertFalse(c.processingConsentActive());
        assertEquals(NOW, c.consentWithdrawnAt);
        assertEquals("no-consent", slug(refused(() -> c.withdrawConsent(false, NOW))));

        c.recordConsent(NOW, true, true, NOW);
        assertNull(c.consentWithdrawnAt);
        assertTrue(c.sharingConsentActive());
    }

    @Test
    void aNewCaseManagerReplacesTheOldAndACommunityMoveLeavesNone() {
        SocialCase c = inStage(CaseStage.PLANNING);
        StaffMember first = new StaffMember("id-1", "olena", "Olena", Set.of("case-manager"), "UA-53", c.hromada);
        StaffMember second = new StaffMember("id-2", "petro", "Petro", Set.of("case-manager"), "UA-53", c.hromada);
        assertNull(c.assignCaseManager(first, NOW));
        assertEquals("olena", c.assignCaseManager(second, NOW));
        assertEquals("id-2", c.caseManagerId);
        c.moveToCommunity("UA-09", "UA44020010000067642");
        assertEquals("UA44020010000067642", c.hromada);
        assertEquals("UA-09", c.oblast);
        assertNull(c.caseManagerId);
        assertNull(c.caseManagerUsername);
    }

    @Test
    void workOnACaseIsRefusedOutsideItsStages() {
        SocialCase c = inStage(CaseStage.CONTACT);
        Problem p = refused(() -> c.requireStage(Set.of(CaseStage.PLANNING), "Agreeing the plan"));
        assertEquals(409, p.status);
        assertEquals("wrong-stage", slug(p));
        assertEquals("CONTACT", p.extensions().get("currentStage"));
    }
}
