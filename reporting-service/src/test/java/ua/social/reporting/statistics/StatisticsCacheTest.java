package ua.social.reporting.statistics;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import ua.social.identity.problem.ProblemException;
import ua.social.identity.testing.TestClock;
import ua.social.reporting.config.ReportingConfig;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How statistics answers are kept: until the read models change (or for the allowed age after), computed once
 * however many ask at the same time, and never more computations at once than allowed (503 beyond).
 */
@Tag("fast")
class StatisticsCacheTest {

    record Settings(Duration maxAge, int concurrentComputations, Duration waitLimit, int cachedResults)
            implements ReportingConfig.Statistics {
        @Override
        public ReportingConfig.NestedPeriods nestedPeriods() {
            return ReportingConfig.NestedPeriods.OWN;
        }
    }

    private final AtomicLong version = new AtomicLong();
    private final TestClock clock = new TestClock();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r);
        threads.add(t);
        return t;
    });

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private StatisticsCache cache(Duration maxAge, int concurrent, Duration wait) {
        return new StatisticsCache(version::get, clock, new Settings(maxAge, concurrent, wait, 3));
    }

    @Test
    void anAnswerIsKeptUntilTheReadModelsChange() {
        StatisticsCache cache = cache(Duration.ZERO, 2, Duration.ofSeconds(5));
        AtomicInteger computed = new AtomicInteger();
        assertEquals(1, (int) cache.get("2026", computed::incrementAndGet));
        assertEquals(1, (int) cache.get("2026", computed::incrementAndGet));
        clock.advance(Duration.ofDays(1));
        assertEquals(1, (int) cache.get("2026", computed::incrementAndGet), "no event applied: still the same counts");

        version.incrementAndGet();
        assertEquals(2, (int) cache.get("2026", computed::incrementAndGet), "an applied event: computed again");
        assertEquals(2, computed.get());
    }

    @Test
    void underAFlowOfEventsAnAnswerIsGivenForItsMaxAgeThenComputedAgain() {
        StatisticsCache cache = cache(Duration.ofSeconds(60), 2, Duration.ofSeconds(5));
        AtomicInteger computed = new AtomicInteger();
        assertEquals(1, (int) cache.get("2026", computed::incrementAndGet));
        version.incrementAndGet();
        clock.advance(Duration.ofSeconds(59));
        assertEquals(1, (int) cache.get("2026", computed::incrementAndGet), "59 s old: still given");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(2, (int) cache.get("2026", computed::incrementAndGet), "60 s old and changed since: computed");
    }

    @Test
    void theLeastRecentlyUsedResultsGoFirst() {
        StatisticsCache cache = cache(Duration.ZERO, 2, Duration.ofSeconds(5));
        AtomicInteger computed = new AtomicInteger();
        for (String key : new String[]{"a", "b", "c", "a", "d", "a", "b"}) {
            cache.get(key, computed::incrementAndGet);
        }
        // kept 3: a b c; a used; d pushes b out; a kept; b computed again
        assertEquals(5, computed.get());
    }

    @Test
    void requestsForAnAnswerBeingComputedWaitForThatOneComputation() throws Exception {
        StatisticsCache cache = cache(Duration.ZERO, 2, Duration.ofSeconds(30));
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger computed = new AtomicInteger();
        Future<Integer> first = blocked(cache, "national", release, computed::incrementAndGet);
        // an event applied meanwhile: a request that did not wait for the running computation computes again
        version.incrementAndGet();
        Future<Integer> second = pool.submit(() -> cache.get("national", computed::incrementAndGet));
        Future<Integer> third = pool.submit(() -> cache.get("national", computed::incrementAndGet));
        // all three parked: the first on its release, the other two on the first's computation
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> threads.stream()
                .filter(t -> t.getState() == Thread.State.TIMED_WAITING).count() == 3);
        release.countDown();
        assertEquals(1, first.get(10, TimeUnit.SECONDS));
        assertEquals(1, second.get(10, TimeUnit.SECONDS));
        assertEquals(1, third.get(10, TimeUnit.SECONDS));
        assertEquals(1, computed.get());
    }

    @Test
    void beyondTheAllowedComputationsARequestIsAskedToComeBackWithRetryAfter() throws Exception {
        StatisticsCache cache = cache(Duration.ZERO, 1, Duration.ofMillis(200));
        CountDownLatch release = new CountDownLatch(1);
        Future<String> national = blocked(cache, "national", release, () -> "country");

        ProblemException other = assertThrows(ProblemException.class, () -> cache.get("oblast", () -> "oblast"));
        assertEquals(503, other.problem().status);
        assertTrue(other.problem().type.toString().endsWith("statistics-busy"), other.problem().type::toString);
        assertEquals(1, other.problem().extensions().get("retryAfterSeconds"));
        ProblemException same = assertThrows(ProblemException.class, () -> cache.get("national", () -> "again"),
                "waiting for the running computation is bounded too");
        assertEquals(503, same.problem().status);

        release.countDown();
        assertEquals("country", national.get(10, TimeUnit.SECONDS));
        assertEquals("country", cache.get("national", () -> "again"), "the computation that went on is kept");
        assertEquals("oblast", cache.get("oblast", () -> "oblast"), "the permit is free again");
    }

    @Test
    void aComputationMayAskForTheResultsItIsBuiltFromWithoutASecondPermit() {
        StatisticsCache cache = cache(Duration.ZERO, 1, Duration.ofMillis(200));
        String pattern = cache.get("pattern 2026-Q1", () -> "from " + cache.get("counts 2026", () -> "counts"));
        assertEquals("from counts", pattern);
    }

    @Test
    void aFailedComputationIsNotKept() {
        StatisticsCache cache = cache(Duration.ZERO, 2, Duration.ofSeconds(5));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> cache.get("2026", () -> {
            throw new IllegalStateException("database away");
        }));
        assertEquals("database away", e.getMessage());
        assertEquals("now", cache.get("2026", () -> "now"));
    }

    /** A computation of the key that has started and goes on only when {@code release} is counted down. */
    private <T> Future<T> blocked(StatisticsCache cache, String key, CountDownLatch release, Supplier<T> value)
            throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Future<T> running = pool.submit(() -> cache.get(key, () -> {
            started.countDown();
            await(release);
            return value.get();
        }));
        assertTrue(started.await(10, TimeUnit.SECONDS));
        return running;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
