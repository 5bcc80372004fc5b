package ua.social.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** What happened while one fault was injected under load: the counts of the results table. */
final class FaultWindow {

    final String fault;
    final Instant started = Instant.now();
    volatile Instant faultStart;
    volatile Instant faultEnd;

    /** Write operations started (a retry of the same operation is not a new attempt). */
    final AtomicInteger attempted = new AtomicInteger();
    /** Writes answered 2xx, directly, after a retry, or found in effect after an ambiguous retry. */
    final AtomicInteger acknowledged = new AtomicInteger();
    final AtomicInteger acknowledgedDuringFault = new AtomicInteger();
    /** Answers 503 with Retry-After as problem+json: the honest "not now". */
    final AtomicInteger unavailable = new AtomicInteger();
    /** Requests that got no HTTP answer (refused, reset, timed out); each is retried. */
    final AtomicInteger connectionErrors = new AtomicInteger();
    /** Writes refused with a 4xx (not retried). */
    final AtomicInteger rejected = new AtomicInteger();
    final AtomicInteger unauthorized = new AtomicInteger();
    /** Writes whose outcome stayed unknown after retrying for the whole budget. */
    final AtomicInteger abandoned = new AtomicInteger();
    /** Ticks left out because too many requests were already in flight. */
    final AtomicInteger skipped = new AtomicInteger();
    /** Every 5xx other than 503 with Retry-After: must stay empty. */
    final List<String> bad5xx = Collections.synchronizedList(new ArrayList<>());
    final List<String> rejections = Collections.synchronizedList(new ArrayList<>());
    final Map<String, AtomicInteger> acknowledgedByKind = new ConcurrentHashMap<>();

    // health, sampled every second from fault start to recovery
    final Map<String, AtomicInteger> livenessNotUp = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> readinessDown = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> healthUnreachable = new ConcurrentHashMap<>();

    volatile long lost = -1;
    volatile long duplicates = -1;
    volatile Double recoverySeconds;
    final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    final Map<String, String> notes = new LinkedHashMap<>();

    FaultWindow(String fault) {
        this.fault = fault;
    }

    boolean inFault() {
        return faultStart != null && faultEnd == null;
    }

    void acknowledged(String kind) {
        acknowledged.incrementAndGet();
        acknowledgedByKind.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        if (inFault()) {
            acknowledgedDuringFault.incrementAndGet();
        }
    }

    void rejected(String what) {
        rejected.incrementAndGet();
        if (rejections.size() < 20) {
            rejections.add(what);
        }
    }

    long faultSeconds() {
        return faultStart == null || faultEnd == null ? 0 : Duration.between(faultStart, faultEnd).toSeconds();
    }

    static int sum(Map<String, AtomicInteger> m) {
        return m.values().stream().mapToInt(AtomicInteger::get).sum();
    }
}
