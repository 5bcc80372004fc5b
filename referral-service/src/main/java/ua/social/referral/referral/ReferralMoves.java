package ua.social.referral.referral;

import ua.social.contracts.code.ReferralStatus;
import ua.social.identity.problem.Problem;
import ua.social.identity.problem.ProblemException;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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

/**
 * The referral state machine: the only legal moves between the statuses of the contract
 * ({@link ReferralStatus}), by side, aligned with the HL7 FHIR R4 Task workflow of the SDOH Clinical
 * Care referral (requester = the referring side, owner = the partner). Every status change goes through
 * {@link #requireMove}.
 *
 * <pre>
 * DRAFT ──referring──→ REQUESTED ──partner──→ REJECTED (reason required)
 *                                 └─partner──→ ACCEPTED
 * ACCEPTED    ──partner──→ IN_PROGRESS, ON_HOLD (reason required), COMPLETED (outcome required), FAILED (reason required)
 * IN_PROGRESS ──partner──→ ON_HOLD, COMPLETED, FAILED
 * ON_HOLD     ──partner──→ IN_PROGRESS, COMPLETED, FAILED
 * CANCELLED (reason required): the referring side from DRAFT, REQUESTED, ACCEPTED, IN_PROGRESS and
 * ON_HOLD; the partner from ACCEPTED, IN_PROGRESS and ON_HOLD (before accepting it rejects instead).
 * ENTERED_IN_ERROR (reason required): the referring side, from any other status, final ones included.
 * REJECTED, CANCELLED, COMPLETED and FAILED are final (only ENTERED_IN_ERROR follows them);
 * ENTERED_IN_ERROR is final for good.
 * </pre>
 */
public final class ReferralMoves {

    private ReferralMoves() {
    }

    /** The moves the given side may make from {@code from}. */
    public static Set<ReferralStatus> movesFor(ReferralStatus from, Side side) {
        return switch (side) {
            case REFERRING_SIDE -> switch (from) {
                case DRAFT -> EnumSet.of(REQUESTED, CANCELLED, ENTERED_IN_ERROR);
                case REQUESTED, ACCEPTED, IN_PROGRESS, ON_HOLD -> EnumSet.of(CANCELLED, ENTERED_IN_ERROR);
                case REJECTED, CANCELLED, COMPLETED, FAILED -> EnumSet.of(ENTERED_IN_ERROR);
                case ENTERED_IN_ERROR -> EnumSet.noneOf(ReferralStatus.class);
            };
            case PARTNER -> switch (from) {
                case REQUESTED -> EnumSet.of(ACCEPTED, REJECTED);
                case ACCEPTED -> EnumSet.of(IN_PROGRESS, ON_HOLD, COMPLETED, FAILED, CANCELLED);
                case IN_PROGRESS -> EnumSet.of(ON_HOLD, COMPLETED, FAILED, CANCELLED);
                case ON_HOLD -> EnumSet.of(IN_PROGRESS, COMPLETED, FAILED, CANCELLED);
                default -> EnumSet.noneOf(ReferralStatus.class);
            };
            case SYSTEM -> EnumSet.noneOf(ReferralStatus.class);
        };
    }

    /** Statuses a move into which must give a reason (FHIR Task.statusReason); it travels in the event. */
    public static boolean needsReason(ReferralStatus to) {
        return to == REJECTED || to == FAILED || to == CANCELLED || to == ON_HOLD || to == ENTERED_IN_ERROR;
    }

    /** Statuses a move into which may carry a reason: exactly those that need one. */
    public static boolean takesReason(ReferralStatus to) {
        return needsReason(to);
    }

    /** The status a move into which must give the outcome. */
    public static boolean needsOutcome(ReferralStatus to) {
        return to == COMPLETED;
    }

    /** Throws a 409 problem naming the current status and the side's allowed moves when {@code to} is not one. */
    public static void requireMove(ReferralStatus from, Side side, ReferralStatus to) {
        if (!movesFor(from, side).contains(to)) {
            throw illegalMove(from, side, to);
        }
    }

    public static ProblemException illegalMove(ReferralStatus from, Side side, ReferralStatus to) {
        List<String> allowed = movesFor(from, side).stream().map(Enum::name).toList();
        String who = side == Side.PARTNER ? "the partner" : "the referring side";
        return new ProblemException(Problem.of(409, "illegal-status-move", "Illegal status move",
                        "A referral in status " + from.name() + " cannot be moved to " + to + " by " + who + "; allowed: "
                                + (allowed.isEmpty() ? "none" : String.join(", ", allowed)) + ".")
                .with("currentStatus", from.name()).with("requestedStatus", to.name()).with("side", side.name())
                .with("allowedMoves", allowed)
                // deprecated alias of allowedMoves (the name a referral and a case use), kept for release 0.1 only
                .with("allowedStatuses", allowed));
    }
}
