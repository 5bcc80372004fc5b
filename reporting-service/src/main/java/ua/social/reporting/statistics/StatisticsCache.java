package ua.social.reporting.statistics;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import ua.social.identity.problem.Problem;
import ua.social.identity.problem.ProblemException;
import ua.social.reporting.config.ReportingConfig;
import ua.social.reporting.projection.ReadModelVersion;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The counts and patterns behind statistics answers, kept until the read models change. A national answer
 * aggregates every read-model row of its period (seconds at a national scale), while the ministry asks the
 * same few periods again and again; so:
 * <ul>
 *   <li>a result is kept with the {@link ReadModelVersion} read before it was computed, and served while the
 *   version is the same, or for {@code reporting.statistics.max-age} after it was computed even if events
 *   were applied since (0: never stale);</li>
 *   <li>requests for a result being computed wait for that one computation (no second one);</li>
 *   <li>at most {@code reporting.statistics.concurrent-computations} computations run at once; a request that
 *   cannot start or finish its computation within {@code reporting.statistics.wait-limit} gets 503 with
 *   {@code Retry-After} (the computation goes on and fills the cache), never a queue that fills the heap.</li>
 * </ul>
 * Only this process's memory holds it: answers are the same on every instance because every instance reads
 * the same database and the version comes from it.
 */
@ApplicationScoped
public class StatisticsCache {

    private record Entry(Object value, long version, Instant computedAt) {
    }

    @Inject
    ReadModelVersion readModels;
    @Inject
    ReportingConfig config;
    @Inject
    Clock clock;

    private final Map<Object, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<Object, CompletableFuture<Entry>> computing = new ConcurrentHashMap<>();
    private final ThreadLocal<Boolean> holdsPermit = new ThreadLocal<>();
    private LongSupplier version;
    private ReportingConfig.Statistics settings;
    private Semaphore permits;

    StatisticsCache() {
    }

    /** A cache of its own: the read models' version, the clock of the ages, the settings. */
    StatisticsCache(LongSupplier version, Clock clock, ReportingConfig.Statistics settings) {
        this.clock = clock;
        init(version, settings);
    }

    @PostConstruct
    void init() {
        init(readModels::current, config.statistics());
    }

    private void init(LongSupplier version, ReportingConfig.Statistics settings) {
        this.version = version;
        this.settings = settings;
        this.permits = new Semaphore(settings.concurrentComputations());
    }

    /**
     * The value kept under the key, or the one {@code compute} gives now (at most one computation per key at a
     * time). A computation may ask for other keys (a pattern reads the counts of the periods it nests in).
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> compute) {
        long current = version.getAsLong();
        Entry kept = kept(key);
        if (kept != null && fresh(kept, current)) {
            return (T) kept.value();
        }
        CompletableFuture<Entry> mine = new CompletableFuture<>();
        CompletableFuture<Entry> running = computing.putIfAbsent(key, mine);
        if (running != null) {
            return (T) await(running).value();
        }
        try {
            Entry e = new Entry(computeWithPermit(compute), current, clock.instant());
            synchronized (entries) {
                entries.put(key, e);
                while (entries.size() > settings.cachedResults()) {
                    entries.remove(entries.keySet().iterator().next());
                }
            }
            mine.complete(e);
            return (T) e.value();
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            computing.remove(key, mine);
        }
    }

    private Entry kept(Object key) {
        synchronized (entries) {
            return entries.get(key);
        }
    }

    private boolean fresh(Entry e, long current) {
        return e.version() == current
                || Duration.between(e.computedAt(), clock.instant()).compareTo(settings.maxAge()) < 0;
    }

    private <T> T computeWithPermit(Supplier<T> compute) {
        if (Boolean.TRUE.equals(holdsPermit.get())) {
            return compute.get(); // a computation inside one already counted
        }
        Semaphore s = permits;
        try {
            if (!s.tryAcquire(settings.waitLimit().toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        holdsPermit.set(Boolean.TRUE);
        try {
            return compute.get();
        } finally {
            holdsPermit.remove();
            s.release();
        }
    }

    private Entry await(CompletableFuture<Entry> running) {
        try {
            return running.get(settings.waitLimit().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw busy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private ProblemException busy() {
        long seconds = Math.max(1, settings.waitLimit().toSeconds());
        return new ProblemException(Problem.of(503, "statistics-busy", "Statistics are being computed",
                "The figures asked for are being computed from the read models (at most "
                        + settings.concurrentComputations() + " computations at a time); ask again "
                        + "in " + seconds + " s, when they are kept for every request.").retryAfter((int) seconds));
    }
}
