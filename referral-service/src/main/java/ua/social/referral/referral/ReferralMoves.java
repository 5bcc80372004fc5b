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
import static ua.social.contracts.code.ReferralStatus.FAILED;
import static ua.social.contracts.code.ReferralStatus.IN_PROGRESS;
import static ua.social.contracts.code.ReferralStatus.ON_HOLD;
import static ua.social.contracts.code.ReferralStatus.REJECTED;
import static ua.social.contracts.code.ReferralStatus.REQUESTED;

/**
 * The referral state machine: the only legal moves between the statuses of the contract
 * ({@link ReferralStatus}), by side, aligned with the HL7 FHIR SDOH referral Task states. Every status
 * change goes through {@link #requireMove}.
 *
 * <pre>
 *                                  ┌→ REJECTED (partner, reason required)
 * DRAFT ──referring──→ REQUESTED ──┤
 *                                  └→ ACCEPTED ──partner──→ IN_PROGRESS ⇄ ON_HOLD
 *                                                               │           │
 *                                   COMPLETED (outcome required) ←┴───────────┤
 *                                   FAILED (reason required)     ←────────────┘
 * The referring side may cancel (CANCELLED) from DRAFT, REQUESTED, ACCEPTED, IN_PROGRESS and ON_HOLD.
 * REJECTED, CANCELLED, COMPLETED and FAILED are final.
 * </pre>
 */
public final class ReferralMoves {

    private ReferralMoves() {
    }

    /** The moves the given side may make from {@code from}. */
    public static Set<ReferralStatus> movesFor(ReferralStatus from, Side side) {
        return switch (side) {
            case REFERRING_SIDE -> switch (from) {
                case DRAFT -> EnumSet.of(REQUESTED, CANCELLED);
                case REQUESTED, ACCEPTED, IN_PROGRESS, ON_HOLD -> EnumSet.of(CANCELLED);
                default -> EnumSet.noneOf(ReferralStatus.class);
            };
            case PARTNER -> switch (from) {
                case REQUESTED -> EnumSet.of(ACCEPTED, REJECTED);
                case ACCEPTED -> EnumSet.of(IN_PROGRESS);
                case IN_PROGRESS -> EnumSet.of(ON_HOLD, COMPLETED, FAILED);
                case ON_HOLD -> EnumSet.of(IN_PROGRESS, COMPLETED, FAILED);
                default -> EnumSet.noneOf(ReferralStatus.class);
            };
            case SYSTEM -> EnumSet.noneOf(ReferralStatus.class);
        };
    }

    /** Statuses a move into which must give a reason. */
    public static boolean needsReason(ReferralStatus to) {
        return to == REJECTED || to == FAILED;
    }

    /** Statuses a move into which may carry a reason (it travels in the event). */
    public static boolean takesReason(ReferralStatus to) {
        return to == REJECTED || to == FAILED || to == CANCELLED || to == ON_HOLD;
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
