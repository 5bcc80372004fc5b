package ua.social.referral.support;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The current instant, in UTC, at PostgreSQL's precision: what an event carries equals what is read back later. */
public final class Time {

    private Time() {
    }

    /** Now on the platform's {@link Clock} (injected, so tests set the time instead of waiting). */
    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
