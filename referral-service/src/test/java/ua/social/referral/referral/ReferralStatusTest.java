package ua.social.referral.referral;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import ua.social.identity.problem.Problem;
import ua.social.identity.problem.ProblemException;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.social.referral.referral.ReferralStatus.ACCEPTED;
import static ua.social.referral.referral.ReferralStatus.CANCELLED;
import static ua.social.referral.referral.ReferralStatus.COMPLETED;
import static ua.social.referral.referral.ReferralStatus.DRAFT;
import static ua.social.referral.referral.ReferralStatus.FAILED;
import static ua.social.referral.referral.ReferralStatus.IN_PROGRESS;
import static ua.social.referral.referral.ReferralStatus.ON_HOLD;
import static ua.social.referral.referral.ReferralStatus.REJECTED;
import static ua.social.referral.referral.ReferralStatus.REQUESTED;
import static ua.social.referral.referral.Side.PARTNER;
import static ua.social.referral.referral.Side.REFERRING_SIDE;
import static ua.social.referral.referral.Side.SYSTEM;

/**
 * The referral state machine, without infrastructure: who may make which move, what a move must carry,
 * which event it emits, and how a refused move is named.
 */
@Tag("fast")
class ReferralStatusTest {

    @Test
    void theReferringSideSendsADraftAndMayCancelUntilTheWorkIsDone() {
        assertEquals(Set.of(REQUESTED, CANCELLED), DRAFT.movesFor(REFERRING_SIDE));
        for (ReferralStatus s : List.of(REQUESTED, ACCEPTED, IN_PROGRESS, ON_HOLD)) {
            assertEquals(Set.of(CANCELLED), s.movesFor(REFERRING_SIDE), s.name());
        }
    }

    @Test
    void thePartnerAnswersARequestAndThenReportsItsWork() {
        assertEquals(Set.of(), DRAFT.movesFor(PARTNER), "the partner does not see a draft");
        assertEquals(Set.of(ACCEPTED, REJECTED), REQUESTED.movesFor(PARTNER));
        assertEquals(Set.of(IN_PROGRESS), ACCEPTED.movesFor(PARTNER));
        assertEquals(Set.of(ON_HOLD, COMPLETED, FAILED), IN_PROGRESS.movesFor(PARTNER));
        assertEquals(Set.of(IN_PROGRESS, COMPLETED, FAILED), ON_HOLD.movesFor(PARTNER));
    }

    @Test
    void theFinalStatusesAllowNoMoveToAnybody() {
        Set<ReferralStatus> finals = EnumSet.of(REJECTED, CANCELLED, COMPLETED, FAILED);
        for (ReferralStatus s : ReferralStatus.values()) {
            assertEquals(finals.contains(s), s.isFinal(), s.name());
            for (Side side : Side.values()) {
                if (s.isFinal()) {
                    assertEquals(Set.of(), s.movesFor(side), s + " by " + side);
                }
            }
        }
    }

    @Test
    void thePlatformItselfMovesNoReferral() {
        for (ReferralStatus s : ReferralStatus.values()) {
            assertEquals(Set.of(), s.movesFor(SYSTEM), s.name());
        }
    }

    @Test
    void aRejectionOrFailureNeedsAReasonAndACompletionItsOutcome() {
        assertEquals(EnumSet.of(REJECTED, FAILED), statusesWhere(ReferralStatus::needsReason));
        assertEquals(EnumSet.of(REJECTED, FAILED, CANCELLED, ON_HOLD), statusesWhere(ReferralStatus::takesReason));
        assertEquals(EnumSet.of(COMPLETED), statusesWhere(ReferralStatus::needsOutcome));
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
        assertDoesNotThrow(() -> DRAFT.requireMove(REFERRING_SIDE, REQUESTED));
        assertDoesNotThrow(() -> REQUESTED.requireMove(PARTNER, ACCEPTED));
        assertDoesNotThrow(() -> ON_HOLD.requireMove(PARTNER, IN_PROGRESS));
    }

    @Test
    void thePartnerAcceptingItsOwnCompletedReferralIsRefusedWith409NamingTheMove() {
        ProblemException e = assertThrows(ProblemException.class, () -> COMPLETED.requireMove(PARTNER, ACCEPTED));
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
        ProblemException e = assertThrows(ProblemException.class, () -> REQUESTED.requireMove(REFERRING_SIDE, ACCEPTED));
        assertEquals("A referral in status REQUESTED cannot be moved to ACCEPTED by the referring side; allowed: CANCELLED.",
                e.problem().detail);
        assertEquals(List.of("CANCELLED"), e.problem().extensions().get("allowedMoves"));
    }

    @Test
    void thePartnerCannotSkipFromRequestedToInProgress() {
        ProblemException e = assertThrows(ProblemException.class, () -> REQUESTED.requireMove(PARTNER, IN_PROGRESS));
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
