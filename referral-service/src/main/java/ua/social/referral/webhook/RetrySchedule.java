package ua.social.referral.webhook;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * When a failed delivery is tried again: {@code firstBackoff} after the first failed attempt, doubled after each
 * further one, never more than {@code maxBackoff} apart; a delivery still failing {@code giveUpAfter} after its
 * first attempt is given up.
 */
public record RetrySchedule(Duration firstBackoff, Duration maxBackoff, Duration giveUpAfter) {

    public RetrySchedule {
        if (firstBackoff.isNegative() || firstBackoff.isZero() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("backoffs must be positive, the first at most the longest");
        }
    }

    /** The wait after the given failed attempt (1-based). */
    public Duration backoff(int failedAttempts) {
        Duration wait = firstBackoff;
        for (int i = 1; i < failedAttempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    /**
     * The time of the next attempt after a failed one at {@code now}, or empty when the delivery is given up: it has
     * been failing since {@code firstAttempt} for {@link #giveUpAfter} or longer.
     */
    public Optional<OffsetDateTime> next(OffsetDateTime firstAttempt, int failedAttempts, OffsetDateTime now) {
        if (!now.isBefore(firstAttempt.plus(giveUpAfter))) {
            return Optional.empty();
        }
        return Optional.of(now.plus(backoff(failedAttempts)));
    }
}
