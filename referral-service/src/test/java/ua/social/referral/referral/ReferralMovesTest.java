package ua.social.referral.referral;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import ua.social.contracts.code.ReferralStatus;
import ua.social.identity.problem.Problem;
import ua.social.identity.problem.ProblemException;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.social.contracts.code.ReferralStatus.ACCEPTED;
import static ua.social.contracts.code.ReferralStatus.CANCELLED;
import static ua.social.contracts.code.ReferralStatus.COMPLETED;
import static ua.social.contracts.code.ReferralStatus.DRAFT;
import static ua.social.contracts.code.ReferralStatus.ENTERED_IN_ERROR;
import static ua.social.contracts.code.ReferralStatus.FAILED;
import static ua.social.contracts.code.ReferralStatus.IN_PROGRESS;
import static ua.social.contracts.code.ReferralStatus.ON_HOLD;
import static ua.social.contracts.code.ReferralStatus.REJECTED;
import static ua.social.contracts.code.ReferralStatus.REQUESTED;
import static ua.social.referral.referral.Side.PARTNER;
import static ua.social.referral.referral.Side.REFERRING_SIDE;
import static ua.social.referral.referral.Side.SYSTEM;

/**
 * The referral state machine, without infrastructure: who may make which move, what a move must carry,
 * which event it emits, and how a refused move is named.
 */
@Tag("fast")
class ReferralMovesTest {

    @Test
    void theReferringSideSendsADraftAndMayCancelUntilTheWorkIsDone() {
        assertEquals(Set.of(REQUESTED, CANCELLED, ENTERED_IN_ERROR), ReferralMoves.movesFor(DRAFT, REFERRING_SIDE));
        for (ReferralStatus s : List.of(REQUESTED, ACCEPTED, IN_PROGRESS, ON_HOLD)) {
            assertEquals(Set.of(CANCELLED, ENTERED_IN_ERROR), ReferralMoves.movesFor(s, REFERRING_SIDE), s.name());
        }
    }

    @Test
    void thePartnerAnswersARequestAndThenReportsItsWork() {
        assertEquals(Set.of(), ReferralMoves.movesFor(DRAFT, PARTNER), "the partner does not see a draft");
        assertEquals(Set.of(ACCEPTED, REJECTED), ReferralMoves.movesFor(REQUESTED, PARTNER));
        assertEquals(Set.of(IN_PROGRESS, ON_HOLD, COMPLETED, FAILED, CANCELLED), ReferralMoves.movesFor(ACCEPTED, PARTNER));
        assertEquals(Set.of(ON_HOLD, COMPLETED, FAILED, CANCELLED), ReferralMoves.movesFor(IN_PROGRESS, PARTNER));
        assertEquals(Set.of(IN_PROGRESS, COMPLETED, FAILED, CANCELLED), ReferralMoves.movesFor(ON_HOLD, PARTNER));
    }

    @Test
    void anAcceptedReferralMayBeHeldCompletedOrFailedWithoutBeingStartedFirst() {
        for (ReferralStatus to : List.of(ON_HOLD, COMPLETED, FAILED)) {
            assertDoesNotThrow(() -> ReferralMoves.requireMove(ACCEPTED, PARTNER, to), "ACCEPTED -> " + to);
        }
    }

    @Test
    void thePartnerMayCancelOnlyOnceItHasAcceptedTheReferral() {
        for (ReferralStatus from : ReferralStatus.values()) {
            boolean accepted = from == ACCEPTED || from == IN_PROGRESS || from == ON_HOLD;
            assertEquals(accepted, ReferralMoves.movesFor(from, PARTNER).contains(CANCELLED), from.name());
        }
        ProblemException e = assertThrows(ProblemException.class, () -> ReferralMoves.requireMove(REQUESTED, PARTNER, CANCELLED));
        assertEquals(List.of("ACCEPTED", "REJECTED"), e.problem().extensions().get("allowedMoves"));
    }

    @Test
    void onlyTheReferringSideMarksAReferralEnteredInErrorFromAnyOtherStatusAndThatIsTheEnd() {
        for (ReferralStatus s : ReferralStatus.values()) {
            assertEquals(s != ENTERED_IN_ERROR, ReferralMoves.movesFor(s, REFERRING_SIDE).contains(ENTERED_IN_ERROR), s.name());
            assertTrue(!ReferralMoves.movesFor(s, PARTNER).contains(ENTERED_IN_ERROR), "the partner, from " + s);
        }
        assertTrue(ENTERED_IN_ERROR.isFinal());
        for (Side side : Side.values()) {
            assertEquals(Set.of(), ReferralMoves.movesFor(ENTERED_IN_ERROR, side), "from ENTERED_IN_ERROR by " + side);
        }
        assertEquals("entered-in-error", ENTERED_IN_ERROR.fhirCode());
        assertEquals("ua.social.referral.entered-in-error", ENTERED_IN_ERROR.eventType());
        assertEquals("Entered in error", ENTERED_IN_ERROR.en());
        assertEquals("Внесено помилково", ENTERED_IN_ERROR.uk());
    }

    @Test
    void theFinalStatusesAllowNoMoveButEnteredInError() {
        Set<ReferralStatus> finals = EnumSet.of(REJECTED, CANCELLED, COMPLETED, FAILED, ENTERED_IN_ERROR);
        for (ReferralStatus s : ReferralStatus.values()) {
            assertEquals(finals.contains(s), s.isFinal(), s.name());
            if (s.isFinal()) {
                assertEquals(Set.of(), ReferralMoves.movesFor(s, PARTNER), s + " by the partner");
                assertEquals(s == ENTERED_IN_ERROR ? Set.of() : Set.of(ENTERED_IN_ERROR),
                        ReferralMoves.movesFor(s, REFERRING_SIDE), s + " by the referring side");
            }
        }
    }

    @Test
    void everyStatusCarriesItsFhirTaskStatusCode() {
        assertEquals(List.of("draft", "requested", "accepted", "rejected", "cancelled", "in-progress", "on-hold",
                        "completed", "failed", "entered-in-error"),
                java.util.Arrays.stream(ReferralStatus.values()).map(ReferralStatus::fhirCode).toList());
    }

    @Test
    void thePlatformItselfMovesNoReferral() {
        for (ReferralStatus s : ReferralStatus.values()) {
            assertEquals(Set.of(), ReferralMoves.movesFor(s, SYSTEM), s.name());
        }
    }

    @Test
    void aRejectionFailureCancellationHoldOrErrorNeedsAReasonAndACompletionItsOutcome() {
        assertEquals(EnumSet.of(REJECTED, FAILED, CANCELLED, ON_HOLD, ENTERED_IN_ERROR), statusesWhere(ReferralMoves::needsReason));
        assertEquals(EnumSet.of(REJECTED, FAILED, CANCELLED, ON_HOLD, ENTERED_IN_ERROR), statusesWhere(ReferralMoves::takesReason));
        assertEquals(EnumSet.of(COMPLETED), statusesWhere(ReferralMoves::needsOutcome));
    }

    @Test
    void eachMoveAnnouncesItselfWithAnEventTypeNamedForTheNewStatus() {
        assertEquals("ua.social.referral.created", DRAFT.eventType());
        assertEquals("ua.social.referral.requested", REQUESTED.eventType());
        assertEquals("ua.social.referral.in-progress", IN_PROGRESS.eventType());
        assertEquals("ua.social.referral.on-hold", ON_HOLD.eventType());
        assertEquals("ua.social.referral.completed", COMPLETED.eventType());
    }

    @Test
    void aLegalMovePasses() {
        assertDoesNotThrow(() -> ReferralMoves.requireMove(DRAFT, REFERRING_SIDE, REQUESTED));
        assertDoesNotThrow(() -> ReferralMoves.requireMove(REQUESTED, PARTNER, ACCEPTED));
        assertDoesNotThrow(() -> ReferralMoves.requireMove(ON_HOLD, PARTNER, IN_PROGRESS));
    }

    @Test
    void thePartnerAcceptingItsOwnCompletedReferralIsRefusedWith409NamingTheMove() {
        ProblemException e = assertThrows(ProblemException.class, () -> ReferralMoves.requireMove(COMPLETED, PARTNER, ACCEPTED));
        Problem p = e.problem();
        assertEquals(409, p.status);
        assertTrue(p.type.toString().endsWith("illegal-status-move"), p.type.toString());
        assertEquals("A referral in status COMPLETED cannot be moved to ACCEPTED by the partner; allowed: none.", p.detail);
        assertEquals("COMPLETED", p.extensions().get("currentStatus"));
        assertEquals("ACCEPTED", p.extensions().get("requestedStatus"));
        assertEquals("PARTNER", p.extensions().get("side"));
        assertEquals(List.of(), p.extensions().get("allowedMoves"));
    }

    @Test
    void theReferringSideCannotAcceptOnThePartnersBehalf() {
        ProblemException e = assertThrows(ProblemException.class, () -> ReferralMoves.requireMove(REQUESTED, REFERRING_SIDE, ACCEPTED));
        assertEquals("A referral in status REQUESTED cannot be moved to ACCEPTED by the referring side; allowed: CANCELLED, "
                + "ENTERED_IN_ERROR.", e.problem().detail);
        assertEquals(List.of("CANCELLED", "ENTERED_IN_ERROR"), e.problem().extensions().get("allowedMoves"));
    }

    @Test
    void thePartnerCannotSkipFromRequestedToInProgress() {
        ProblemException e = assertThrows(ProblemException.class, () -> ReferralMoves.requireMove(REQUESTED, PARTNER, IN_PROGRESS));
        assertEquals(List.of("ACCEPTED", "REJECTED"), e.problem().extensions().get("allowedMoves"));
    }

    private static Set<ReferralStatus> statusesWhere(java.util.function.Predicate<ReferralStatus> p) {
        Set<ReferralStatus> out = EnumSet.noneOf(ReferralStatus.class);
        for (ReferralStatus s : ReferralStatus.values()) {
            if (p.test(s)) {
                out.add(s);
            }
        }
        return out;
    }
}
