package ua.social.identity.web;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.validation.ClockProvider;

import java.time.Clock;

/**
 * The platform's one clock: every service injects this {@link Clock} wherever it reads the time
 * (timestamps, response deadlines, idempotency expiry, API-key expiry and rotation, rate-limit windows),
 * so tests set the time instead of waiting (the identity test-jar's {@code ua.social.identity.testing.TestClock}).
 *
 * <p>It is the system clock in UTC: instants are stored and sent in UTC. A civil date (a day of the
 * statistics, "today") is taken in its own zone, {@code LocalDate.now(clock.withZone(zone))}, e.g.
 * {@code reporting.zone=Europe/Kyiv}. A service that produces its own {@link Clock} replaces this one.
 */
@ApplicationScoped
public class PlatformClock {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The same clock for Bean Validation's {@code @Future}/{@code @Past} (e.g. a new API key's expiry). */
    @Produces
    @DefaultBean
    @Singleton
    ClockProvider validationClock(Clock clock) {
        return () -> clock;
    }
}
