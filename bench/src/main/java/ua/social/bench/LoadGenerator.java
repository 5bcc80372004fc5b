package ua.social.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Load on the services' HTTP APIs.
 *
 * <p>{@link #openLoop} sends at a fixed rate whatever the answers do, and measures each request from the
 * moment it was <em>meant</em> to be sent: when the service falls behind, the waiting shows in the
 * latencies instead of being hidden by a generator that slows down with it (no coordinated omission).
 * {@link #closedLoop} keeps a fixed number of requests in flight, each sent when the previous one
 * answered: the most a service gets through, the way to find the rate an open-loop run can ask for.
 */
final class LoadGenerator {

    /** Latencies are recorded in microseconds, up to a minute, 3 significant digits. */
    static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(1);

    record Result(String name, String mode, double requestedRate, double seconds, long sent, long ok, long errors,
                  Histogram latency) {

        double throughput() {
            return seconds <= 0 ? 0 : ok / seconds;
        }

        Map<String, Object> figures() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mode", mode);
            if (requestedRate > 0) {
                m.put("requestedRate", round(requestedRate));
            }
            m.put("seconds", round(seconds));
            m.put("requests", sent);
            m.put("ok", ok);
            m.put("errors", errors);
            m.put("throughput", round(throughput()));
            m.put("p50Ms", ms(latency.getValueAtPercentile(50)));
            m.put("p95Ms", ms(latency.getValueAtPercentile(95)));
            m.put("p99Ms", ms(latency.getValueAtPercentile(99)));
            m.put("maxMs", ms(latency.getMaxValue()));
            return m;
        }
    }

    private final HttpClient http;

    LoadGenerator(HttpClient http) {
        this.http = http;
    }

    /** {@code rate} requests a second for {@code duration}; a 2xx answer is a success. */
    Result openLoop(String name, double rate, Duration duration, Supplier<HttpRequest> requests) {
        Recorder recorder = new Recorder(MAX_MICROS, 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long interval = (long) (1_000_000_000L / rate);
        long n = Math.max(1, (long) (rate * duration.toNanos() / 1e9));
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        long start = System.nanoTime();
        for (long i = 0; i < n; i++) {
            long intended = start + i * interval;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            HttpRequest req = requests.get();
            inFlight.add(http.sendAsync(req, HttpResponse.BodyHandlers.discarding()).handle((r, ex) -> {
                long micros = (System.nanoTime() - intended) / 1000;
                recorder.recordValue(Math.min(micros, MAX_MICROS));
                if (ex == null && r.statusCode() / 100 == 2) {
                    ok.incrementAndGet();
                } else {
                    errors.incrementAndGet();
                }
                return null;
            }));
            if (inFlight.size() > 4096) {
                inFlight.removeIf(CompletableFuture::isDone);
            }
        }
        try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            // what did not answer within a minute counts as an error at the recorder's maximum
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Histogram h = recorder.getIntervalHistogram();
        long done = ok.get() + errors.get();
        errors.addAndGet(n - done);
        for (long i = done; i < n; i++) {
            h.recordValue(MAX_MICROS);
        }
        return new Result(name, "open-loop", rate, seconds, n, ok.get(), errors.get(), h);
    }

    /** {@code concurrency} workers, each sending its next request when the previous one answered. */
    Result closedLoop(String name, int concurrency, Duration duration, Supplier<HttpRequest> requests) {
        Recorder recorder = new Recorder(MAX_MICROS, 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<Void> r = http.send(requests.get(), HttpResponse.BodyHandlers.discarding());
                        (r.statusCode() / 100 == 2 ? ok : errors).incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    recorder.recordValue(Math.min((System.nanoTime() - t0) / 1000, MAX_MICROS));
                }
            }, "bench-" + name + "-" + w);
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Histogram h = recorder.getIntervalHistogram();
        return new Result(name, "closed-loop x" + concurrency, 0, seconds, ok.get() + errors.get(), ok.get(),
                errors.get(), h);
    }

    static double ms(long micros) {
        return round(micros / 1000.0);
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
