package ua.social.identity.web;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/**
 * The platform's clock, injected where time decides something (e.g. when an idempotent outcome
 * expires), so tests set the time instead of waiting. A service that produces its own {@link Clock}
 * replaces this one.
 */
@ApplicationScoped
public class PlatformClock {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
