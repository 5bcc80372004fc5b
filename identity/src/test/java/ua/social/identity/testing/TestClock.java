package ua.social.identity.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test moves instead of waiting: the real time (UTC) plus an offset the test advances. A
 * service test puts it in place of the platform's clock for the rest of the test method with
 * {@code QuarkusMock.installMockForType(clock, Clock.class)}; the scheduled jobs, the API-key checks and
 * the rate limiter of the running application then read the moved time.
 */
public final class TestClock extends Clock {

    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    public TestClock() {
        this(new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
    }

    private TestClock(AtomicReference<Duration> offset, ZoneId zone) {
        this.offset = offset;
        this.zone = zone;
    }

    /** Moves this clock (and every {@link #withZone} view of it) forward by {@code by}. */
    public TestClock advance(Duration by) {
        offset.accumulateAndGet(by, Duration::plus);
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new TestClock(offset, zone);
    }
}
