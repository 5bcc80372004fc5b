package ua.social.cases.casefile;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import ua.social.identity.problem.Problem;
import ua.social.identity.problem.ProblemException;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.social.cases.casefile.CaseStage.ASSESSMENT;
import static ua.social.cases.casefile.CaseStage.CLOSED;
import static ua.social.cases.casefile.CaseStage.CONTACT;
import static ua.social.cases.casefile.CaseStage.IMPLEMENTATION;
import static ua.social.cases.casefile.CaseStage.MONITORING;
import static ua.social.cases.casefile.CaseStage.PLANNING;

/** The case stage state machine, without infrastructure: which moves are legal and how a refused one is named. */
@Tag("fast")
class CaseStageTest {

    @Test
    void theStageChangeMovesACaseOneStepForwardAndFromMonitoringBackToPlanning() {
        assertEquals(Set.of(ASSESSMENT), CONTACT.forwardMoves());
        assertEquals(Set.of(PLANNING), ASSESSMENT.forwardMoves());
        assertEquals(Set.of(IMPLEMENTATION), PLANNING.forwardMoves());
        assertEquals(Set.of(MONITORING), IMPLEMENTATION.forwardMoves());
        assertEquals(Set.of(PLANNING), MONITORING.forwardMoves(), "the plan is revised after monitoring");
        assertEquals(Set.of(), CLOSED.forwardMoves());
    }

    @Test
    void everyOpenStageMayCloseAndAClosedCaseOnlyReopensToAssessment() {
        for (CaseStage open : EnumSet.range(CONTACT, MONITORING)) {
            assertTrue(open.isOpen(), open.name());
            assertTrue(open.allowedMoves().contains(CLOSED), open + " may close");
            assertFalse(open.allowedMoves().contains(open), open + " does not move to itself");
        }
        assertFalse(CLOSED.isOpen());
        assertEquals(Set.of(ASSESSMENT), CLOSED.allowedMoves());
        assertEquals(Set.of(PLANNING, CLOSED), MONITORING.allowedMoves());
    }

    @Test
    void aLegalMovePasses() {
        assertDoesNotThrow(() -> CONTACT.requireMove(ASSESSMENT, CONTACT.forwardMoves()));
        assertDoesNotThrow(() -> PLANNING.requireMove(CLOSED, PLANNING.allowedMoves()));
        assertDoesNotThrow(() -> CLOSED.requireMove(ASSESSMENT, CLOSED.allowedMoves()));
    }

    @Test
    void skippingAStageIsRefusedWith409NamingTheStagesAndTheAllowedMoves() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> CONTACT.requireMove(PLANNING, CONTACT.forwardMoves()));
        Problem p = e.problem();
        assertEquals(409, p.status);
        assertTrue(p.type.toString().endsWith("illegal-stage-move"), p.type.toString());
        assertEquals("A case in stage CONTACT cannot move to PLANNING; allowed: ASSESSMENT, CLOSED.", p.detail);
        assertEquals("CONTACT", p.extensions().get("currentStage"));
        assertEquals("PLANNING", p.extensions().get("requestedStage"));
        assertEquals(List.of("ASSESSMENT", "CLOSED"), p.extensions().get("allowedMoves"));
    }

    @Test
    void closingThroughTheStageChangeIsRefusedThoughClosureIsAllowed() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> IMPLEMENTATION.requireMove(CLOSED, IMPLEMENTATION.forwardMoves()));
        assertEquals("IMPLEMENTATION", e.problem().extensions().get("currentStage"));
        assertEquals(List.of("MONITORING", "CLOSED"), e.problem().extensions().get("allowedMoves"),
                "the problem lists every move out of the stage, closure (its own endpoint) included");
    }

    @Test
    void aClosedCaseCannotMoveForwardOrCloseAgain() {
        for (CaseStage to : CaseStage.values()) {
            if (to == ASSESSMENT) {
                continue;
            }
            ProblemException e = assertThrows(ProblemException.class, () -> CLOSED.requireMove(to, CLOSED.allowedMoves()),
                    "CLOSED → " + to);
            assertEquals(List.of("ASSESSMENT"), e.problem().extensions().get("allowedMoves"));
        }
    }
}
