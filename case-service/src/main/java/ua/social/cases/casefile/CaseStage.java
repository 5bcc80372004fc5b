package ua.social.cases.casefile;

import ua.social.identity.problem.Problem;
import ua.social.identity.problem.ProblemException;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The stages of a case and the only legal moves between them. This is the case state machine:
 * every stage change goes through {@link #requireMove}.
 *
 * <pre>
 * CONTACT → ASSESSMENT → PLANNING → IMPLEMENTATION → MONITORING → CLOSED
 *                            ↑                            │
 *                            └──── plan revised ──────────┘
 * any open stage → CLOSED (closure with a reason);  CLOSED → ASSESSMENT (reopened by a supervisor)
 * </pre>
 */
public enum CaseStage {
    /** Identification and first contact (входження в контакт). */
    CONTACT,
    /** Assessment of needs and resources (оцінка потреб). */
    ASSESSMENT,
    /** Individual plan (індивідуальний план). */
    PLANNING,
    /** Implementation and coordination (реалізація плану). */
    IMPLEMENTATION,
    /** Monitoring and evaluation (моніторинг та оцінка). */
    MONITORING,
    /** Closure (завершення). */
    CLOSED;

    /** Moves allowed through the stage-change endpoint (closure and reopening have their own). */
    public Set<CaseStage> forwardMoves() {
        return switch (this) {
            case CONTACT -> EnumSet.of(ASSESSMENT);
            case ASSESSMENT -> EnumSet.of(PLANNING);
            case PLANNING -> EnumSet.of(IMPLEMENTATION);
            case IMPLEMENTATION -> EnumSet.of(MONITORING);
            case MONITORING -> EnumSet.of(PLANNING);
            case CLOSED -> EnumSet.noneOf(CaseStage.class);
        };
    }

    /** Every move out of this stage: forward moves, closure from any open stage, reopening. */
    public Set<CaseStage> allowedMoves() {
        Set<CaseStage> all = EnumSet.noneOf(CaseStage.class);
        all.addAll(forwardMoves());
        if (this == CLOSED) {
            all.add(ASSESSMENT);
        } else {
            all.add(CLOSED);
        }
        return all;
    }

    public boolean isOpen() {
        return this != CLOSED;
    }

    /**
     * Throws a 409 problem naming the current stage and the allowed moves ({@code allowedMoves}, as on the
     * case itself) when {@code to} is not legal.
     */
    public void requireMove(CaseStage to, Set<CaseStage> permitted) {
        if (!permitted.contains(to)) {
            throw illegalMove(to);
        }
    }

    public ProblemException illegalMove(CaseStage to) {
        List<String> allowed = allowedMoves().stream().map(Enum::name).toList();
        return new ProblemException(Problem.of(409, "illegal-stage-move", "Illegal stage move",
                        "A case in stage " + name() + " cannot move to " + to + "; allowed: "
                                + (allowed.isEmpty() ? "none" : String.join(", ", allowed)) + ".")
                .with("currentStage", name()).with("requestedStage", to.name()).with("allowedMoves", allowed)
                // deprecated alias of allowedMoves (the name a case and a referral use), kept for release 0.1 only
                .with("allowedStages", allowed));
    }
}
