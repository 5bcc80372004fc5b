package ua.social.referral.support;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The current instant, in UTC, at PostgreSQL's precision: what an event carries equals what is read back later. */
public final class Time {

    private Time() {
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
