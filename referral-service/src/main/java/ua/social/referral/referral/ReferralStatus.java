package ua.social.referral.referral;

import ua.social.identity.problem.Problem;
import ua.social.identity.problem.ProblemException;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The states of a referral and the only legal moves between them, by side: the referral state
 * machine, aligned with the HL7 FHIR SDOH referral Task states. Every status change goes through
 * {@link #requireMove}.
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
public enum ReferralStatus {
    /** Drafted by the case manager, not yet sent; the partner does not see it. */
    DRAFT,
    /** Sent to the partner; the response deadline runs. */
    REQUESTED,
    ACCEPTED,
    REJECTED,
    CANCELLED,
    IN_PROGRESS,
    ON_HOLD,
    COMPLETED,
    FAILED;

    /** The moves the given side may make from this status. */
    public Set<ReferralStatus> movesFor(Side side) {
        return switch (side) {
            case REFERRING_SIDE -> switch (this) {
                case DRAFT -> EnumSet.of(REQUESTED, CANCELLED);
                case REQUESTED, ACCEPTED, IN_PROGRESS, ON_HOLD -> EnumSet.of(CANCELLED);
                default -> EnumSet.noneOf(ReferralStatus.class);
            };
            case PARTNER -> switch (this) {
                case REQUESTED -> EnumSet.of(ACCEPTED, REJECTED);
                case ACCEPTED -> EnumSet.of(IN_PROGRESS);
                case IN_PROGRESS -> EnumSet.of(ON_HOLD, COMPLETED, FAILED);
                case ON_HOLD -> EnumSet.of(IN_PROGRESS, COMPLETED, FAILED);
                default -> EnumSet.noneOf(ReferralStatus.class);
            };
            case SYSTEM -> EnumSet.noneOf(ReferralStatus.class);
        };
    }

    public boolean isFinal() {
        return this == REJECTED || this == CANCELLED || this == COMPLETED || this == FAILED;
    }

    /** Statuses a move into which must give a reason. */
    public boolean needsReason() {
        return this == REJECTED || this == FAILED;
    }

    /** Statuses a move into which may carry a reason (it travels in the event). */
    public boolean takesReason() {
        return this == REJECTED || this == FAILED || this == CANCELLED || this == ON_HOLD;
    }

    /** The status a move into which must give the outcome. */
    public boolean needsOutcome() {
        return this == COMPLETED;
    }

    /** The CloudEvents type of the event a move into this status emits, e.g. ua.social.referral.in-progress. */
    public String eventType() {
        return ReferralEvents.TYPE_PREFIX + (this == DRAFT ? "created" : name().toLowerCase().replace('_', '-'));
    }

    /** Throws a 409 problem naming the current status and the side's allowed moves when {@code to} is not one. */
    public void requireMove(Side side, ReferralStatus to) {
        if (!movesFor(side).contains(to)) {
            throw illegalMove(side, to);
        }
    }

    public ProblemException illegalMove(Side side, ReferralStatus to) {
        List<String> allowed = movesFor(side).stream().map(Enum::name).toList();
        String who = side == Side.PARTNER ? "the partner" : "the referring side";
        return new ProblemException(Problem.of(409, "illegal-status-move", "Illegal status move",
                        "A referral in status " + name() + " cannot be moved to " + to + " by " + who + "; allowed: "
                                + (allowed.isEmpty() ? "none" : String.join(", ", allowed)) + ".")
                .with("currentStatus", name()).with("requestedStatus", to.name()).with("side", side.name())
                .with("allowedMoves", allowed)
                // deprecated alias of allowedMoves (the name a referral and a case use), kept for release 0.1 only
                .with("allowedStatuses", allowed));
    }
}
