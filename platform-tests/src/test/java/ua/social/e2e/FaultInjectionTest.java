package ua.social.e2e;

import ua.social.contracts.testing.TestTopics;
import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.function.Executable;
import ua.social.identity.testing.DemoUsers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fault injection with the platform's real processes, under a steady mixed load ({@link Load}): the
 * Kafka broker killed and frozen, PostgreSQL stopped immediately, each service killed, Keycloak down.
 * After each fault: every acknowledged write is there, every referral change is on its case timeline
 * exactly once, the ministry statistics moved by exactly what was acknowledged, no 5xx other than 503
 * with Retry-After, and the time from the end of the fault until all of it was true (recovery).
 *
 * <p>The faults stop and restart the <b>shared</b> PostgreSQL, Kafka and Keycloak: run this class only
 * under {@code flock /tmp/platform-test.lock} (as every platform test run). Whatever happens, the
 * infrastructure is brought back with {@code ./platform up --infra-only} before the test ends. The
 * table of the run is written to {@code platform-tests/target/reliability.md}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionTest {

    static final Duration OUTAGE = Duration.ofSeconds(30);
    static final Duration RECOVERY_LIMIT = Duration.ofSeconds(180);
    static final String SUPERVISOR = DemoUsers.SUPERVISOR_POLTAVA;
    static final List<String> REFERRAL_STATUSES = List.of("REQUESTED", "ACCEPTED", "IN_PROGRESS", "COMPLETED", "REJECTED");

    static RunningPlatform platform;
    static Infrastructure infra;
    static Load load;
    static ConsumerLag lag;
    static final List<FaultWindow> windows = Collections.synchronizedList(new ArrayList<>());
    static final Instant suiteStarted = Instant.now();

    /** Progress on the build's output, so a slow or stuck fault shows where it is. */
    static void log(String message) {
        System.out.println(Instant.now() + " fault-injection: " + message);
    }

    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    @BeforeAll
    static void prepare() throws Exception {
        infra = new Infrastructure();
        if (!infra.allRunning()) {
            throw new IllegalStateException("PostgreSQL, Kafka and Keycloak must run (./platform test starts them); pids in "
                    + Infrastructure.HOME.resolve("run"));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                infra.restore();
            } catch (Exception e) {
                System.err.println("could not restore the infrastructure: " + e);
            }
        }));
        platform = RunningPlatform.get();
        lag = new ConsumerLag();
        load = new Load(platform);
        load.prepare();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(load::poolKnownToReferrals);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> totalLag() == 0);
        log("prepared: " + load.partners.size() + " partners, " + load.pool.size() + " cases to refer from");
    }

    /** Whatever a fault left behind is brought back before the next one: infrastructure and services. */
    @AfterEach
    void restoreEverything() throws Exception {
        load.stop();
        infra.restore();
        for (ServiceProcess s : services()) {
            if (!s.isAlive()) {
                s.restart();
            }
        }
    }

    @AfterAll
    static void writeResults() throws IOException {
        if (load != null) {
            load.close();
        }
        if (lag != null) {
            lag.close();
        }
        Path file = ServiceProcess.ROOT.resolve("platform-tests/target/reliability.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, table());
        System.out.println(table());
    }

    private static List<ServiceProcess> services() {
        return List.of(platform.cases, platform.referrals, platform.reporting);
    }

    // ------------------------------------------------------------------ the faults

    @Test
    @Order(1)
    void aCaseServiceKilledMidLoadLosesNoAcknowledgedWriteAndCatchesUp() throws Exception {
        killAndRestart(platform.cases);
    }

    @Test
    @Order(2)
    void aReferralServiceKilledMidLoadLosesNoAcknowledgedWriteAndCatchesUp() throws Exception {
        killAndRestart(platform.referrals);
    }

    @Test
    @Order(3)
    void aReportingServiceKilledMidLoadCountsEveryEventOnce() throws Exception {
        killAndRestart(platform.reporting);
    }

    @Test
    @Order(4)
    void postgresStoppedImmediatelyAnswers503WithRetryAfterAndLosesNothingAcknowledged() throws Exception {
        FaultWindow w = run("PostgreSQL stopped immediately (pg_ctl -m immediate), restarted after 15 s",
                infra::crashPostgres, Duration.ofSeconds(15), infra::restore, this::dependencyDownHealth);
        assertStandard(w, () -> assertTrue(w.unavailable.get() > 0,
                "writes during the outage were answered 503 with Retry-After"));
    }

    @Test
    @Order(5)
    void writesGoOnWhileTheBrokerIsKilledAndTheRelayCatchesUpByItself() throws Exception {
        FaultWindow w = run("Kafka broker killed (kill -9) for 30 s, restarted", infra::killKafka, OUTAGE,
                infra::restore, this::dependencyDownHealth);
        assertStandard(w, () -> assertTrue(w.acknowledgedDuringFault.get() > 0,
                "writes were acknowledged while Kafka was down"));
    }

    @Test
    @Order(6)
    void writesGoOnWhileTheBrokerIsFrozenAndEverythingArrivesOnceAfterwards() throws Exception {
        FaultWindow w = run("Kafka broker frozen (SIGSTOP) for 30 s, resumed", infra::freezeKafka, OUTAGE,
                infra::restore, this::dependencyDownHealth);
        assertStandard(w, () -> assertTrue(w.acknowledgedDuringFault.get() > 0,
                "writes were acknowledged while Kafka was frozen"));
    }

    @Test
    @Order(7)
    void keycloakDownKeepsIssuedTokensWorkingAndTheStaffDirectoryAnswers503() throws Exception {
        // tokens issued now live 15 minutes: the load works on with them through the outage
        load.tokens.renew(List.of(Load.INTAKE, Load.MANAGERS.get(0), Load.MANAGERS.get(1), SUPERVISOR,
                DemoUsers.ADMIN, DemoUsers.ANALYST));
        String ghost = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
        String clientId = load.clients.iterator().next();
        Map<String, Object> openForGhost = Map.of("clientId", clientId, "criteria", List.of("ADDITIONAL_RESOURCES_NEEDED"),
                "model", "BROKERAGE", "caseManager", ghost, "consent", Load.consent());
        FaultWindow w = run("Keycloak down (its pid stopped) for 30 s, restarted", infra::stopKeycloak, OUTAGE,
                infra::restore, window -> {
                    // a new sign-in fails: nobody answers at Keycloak's address
                    assertThrows(Exception.class, () -> StaffTokens.fetch(DemoUsers.MANAGER1_POLTAVA));
                    // what needs the staff directory and is not cached answers 503 + Retry-After, as a problem
                    Http.Resp open = Http.send("POST", platform.cases.url() + "/cases", load.auth(Load.INTAKE),
                            openForGhost, Duration.ofSeconds(30));
                    assertEquals(503, open.status(), open.toString());
                    assertNotNull(open.header("Retry-After"), "Retry-After on " + open);
                    assertTrue(open.isProblem() && open.body().path("type").asText().endsWith("/staff-directory-unavailable"),
                            open.toString());
                    Http.Resp caseload = Http.get(platform.cases.url() + "/caseload", load.auth(SUPERVISOR));
                    assertEquals(503, caseload.status(), caseload.toString());
                    assertNotNull(caseload.header("Retry-After"));
                    window.notes.put("during the outage", "sign-in refused (no answer from Keycloak); POST /cases naming an "
                            + "uncached case manager and a supervisor's GET /caseload: 503 staff-directory-unavailable with "
                            + "Retry-After: " + open.header("Retry-After") + "; tokens issued before kept working");
                    livenessStaysUp(window);
                });
        // with Keycloak back, the same request gets its real answer: there is no such case manager
        Http.Resp after = Http.send("POST", platform.cases.url() + "/cases", load.auth(Load.INTAKE), openForGhost,
                Duration.ofSeconds(30));
        assertStandard(w,
                () -> assertEquals(0, w.unauthorized.get(), "tokens issued before the outage kept working: " + w.rejections),
                () -> assertTrue(w.acknowledgedDuringFault.get() > 0, "writes were acknowledged while Keycloak was down"),
                () -> assertEquals(422, after.status(), after.toString()));
    }

    // ------------------------------------------------------------------ one fault, measured

    private void killAndRestart(ServiceProcess service) throws Exception {
        FaultWindow w = run(service.name() + " killed (kill -9) mid-load, restarted", service::kill,
                Duration.ofSeconds(5), service::restart, window -> { });
        assertStandard(w);
    }

    interface DuringFault {
        void check(FaultWindow w) throws Exception;
    }

    /**
     * Load for a few seconds, the fault for {@code hold}, the fault ended, the load stopped; then waits
     * until every effect of what was acknowledged is visible and no consumer lags (the recovery time),
     * and checks every acknowledged write.
     */
    private FaultWindow run(String fault, Step inject, Duration hold, Step end, DuringFault during) throws Exception {
        FaultWindow w = new FaultWindow(fault);
        windows.add(w);
        quiesce();
        Map<String, Long> before = figures();
        Map<String, String> statusesBefore = load.referralStatuses();
        ScheduledExecutorService health = Executors.newSingleThreadScheduledExecutor();
        try {
            log(fault + ": load starts");
            load.start(w);
            await().atMost(Duration.ofSeconds(60)).until(() -> w.acknowledged.get() >= 60);
            w.faultStart = Instant.now();
            log(fault + ": injecting after " + w.acknowledged.get() + " acknowledged writes");
            health.scheduleAtFixedRate(() -> sampleHealth(w), 0, 1, TimeUnit.SECONDS);
            try {
                inject.run();
                try {
                    during.check(w);
                } catch (Throwable t) {
                    log(fault + ": check during the outage failed: " + t);
                    w.problems.add("during the outage: " + t);
                    throw t;
                }
                await().atMost(hold.plusSeconds(30)).pollInterval(Duration.ofMillis(250))
                        .until(() -> Duration.between(w.faultStart, Instant.now()).compareTo(hold) >= 0);
            } finally {
                try {
                    end.run();
                } finally {
                    w.faultEnd = Instant.now();
                    load.stop();
                    log(fault + ": fault over, load stopped; acknowledged " + w.acknowledged.get() + ", during the fault "
                            + w.acknowledgedDuringFault.get() + ", pending " + load.pendingSummary());
                }
            }
            try {
                // the expected figures are computed once every write has its final answer
                await().atMost(RECOVERY_LIMIT).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                        .until(() -> recovered(w, expectedFigures(w, before, statusesBefore)));
                w.recoverySeconds = Duration.between(w.faultEnd, Instant.now()).toMillis() / 1000.0;
                log(fault + ": recovered in " + w.recoverySeconds + " s");
            } catch (ConditionTimeoutException e) {
                w.problems.add("not recovered within " + RECOVERY_LIMIT.toSeconds() + " s: "
                        + diagnose(w, expectedFigures(w, before, statusesBefore)));
            }
        } finally {
            health.shutdownNow();
        }
        verifyPresence(w);
        log(fault + ": " + w.lost + " lost, " + w.duplicates + " duplicated, " + w.bad5xx.size() + " bad 5xx, problems "
                + w.problems.stream().limit(5).toList());
        w.notes.put("readiness DOWN samples (case/referral/reporting)", services().stream()
                .map(s -> String.valueOf(count(w.readinessDown, s.name()))).collect(Collectors.joining("/")));
        w.notes.put("liveness not UP samples", services().stream()
                .map(s -> String.valueOf(count(w.livenessNotUp, s.name()))).collect(Collectors.joining("/")));
        w.notes.put("health not answering samples (process dead or restarting)", services().stream()
                .map(s -> String.valueOf(count(w.healthUnreachable, s.name()))).collect(Collectors.joining("/")));
        return w;
    }

    /** The assertions every fault must pass, and those of the fault itself. */
    private static void assertStandard(FaultWindow w, Executable... specific) {
        List<Executable> all = new ArrayList<>(List.of(
            () -> assertNotNull(w.recoverySeconds, "recovered: " + w.problems),
            () -> assertEquals(0, w.lost, "acknowledged writes lost: " + w.problems),
            () -> assertEquals(0, w.duplicates, "duplicated referral changes on timelines: " + w.problems),
            () -> assertEquals(List.of(), w.bad5xx, "5xx other than 503 with Retry-After"),
            () -> assertEquals(0, w.abandoned.get(), "writes whose outcome stayed unknown: " + w.problems),
            () -> assertEquals(0, count(w.livenessNotUp), "liveness answered something other than UP: " + w.livenessNotUp),
            () -> services().forEach(s -> assertTrue(ready(s), s.name() + " is ready again"))));
        all.addAll(List.of(specific));
        assertAll(w.fault, all);
    }

    private static long count(Map<String, AtomicInteger> m, String key) {
        AtomicInteger v = m.get(key);
        return v == null ? 0 : v.get();
    }

    private static long count(Map<String, AtomicInteger> m) {
        return FaultWindow.sum(m);
    }

    // ------------------------------------------------------------------ health

    private void sampleHealth(FaultWindow w) {
        if (w.recoverySeconds != null) {
            return;
        }
        for (ServiceProcess s : services()) {
            try {
                Http.Resp live = Http.send("GET", s.url() + "/q/health/live", Map.of(), null, Duration.ofSeconds(3));
                if (live.status() != 200) {
                    w.livenessNotUp.computeIfAbsent(s.name(), k -> new AtomicInteger()).incrementAndGet();
                }
                // the Kafka check may take up to 3 s to give up on a dead broker
                Http.Resp ready = Http.send("GET", s.url() + "/q/health/ready", Map.of(), null, Duration.ofSeconds(8));
                if (ready.status() != 200) {
                    w.readinessDown.computeIfAbsent(s.name(), k -> new AtomicInteger()).incrementAndGet();
                }
            } catch (Exception unreachable) {
                // the process is dead (a killed service): nothing answers, which is not a liveness answer
                w.healthUnreachable.computeIfAbsent(s.name(), k -> new AtomicInteger()).incrementAndGet();
            }
        }
    }

    private static boolean ready(ServiceProcess s) {
        try {
            return Http.send("GET", s.url() + "/q/health/ready", Map.of(), null, Duration.ofSeconds(5)).status() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    /** While a dependency is away: readiness of every service turns DOWN (503), liveness stays UP (200). */
    private void dependencyDownHealth(FaultWindow w) {
        for (ServiceProcess s : services()) {
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .untilAsserted(() -> assertEquals(503, Http.send("GET", s.url() + "/q/health/ready", Map.of(), null,
                            Duration.ofSeconds(5)).status(), s.name() + " readiness"));
        }
        livenessStaysUp(w);
    }

    private static void livenessStaysUp(FaultWindow w) {
        for (ServiceProcess s : services()) {
            try {
                Http.Resp live = Http.send("GET", s.url() + "/q/health/live", Map.of(), null, Duration.ofSeconds(5));
                assertEquals(200, live.status(), s.name() + " liveness during the outage: " + live);
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(s.name() + " liveness did not answer during the outage", e);
            }
        }
    }

    // ------------------------------------------------------------------ recovery: everything acknowledged has arrived

    private Instant lastReport = Instant.now();
    private Map<String, Long> lastFigures = Map.of();

    /**
     * Before a window: every earlier write has its outcome, every consumer has caught up, and the
     * statistics read the same twice in a row, so the window's figures start from a settled state
     * (also after a window that failed half-way).
     */
    private void quiesce() {
        await().atMost(RECOVERY_LIMIT).until(load::settled);
        await().atMost(RECOVERY_LIMIT).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().until(() -> {
            if (totalLag() != 0 || timelineCheck(null)[0] != 0) {
                return false;
            }
            Map<String, Long> now = figures();
            boolean stable = now.equals(lastFigures);
            lastFigures = now;
            return stable;
        });
    }

    private boolean recovered(FaultWindow w, Map<String, Long> expected) throws Exception {
        boolean report = Duration.between(lastReport, Instant.now()).toSeconds() >= 10;
        if (report) {
            lastReport = Instant.now();
            log(w.fault + ": recovering: " + diagnose(w, expected) + "; pending " + load.pendingSummary());
        }
        if (!load.settled() || totalLag() != 0) {
            return false;
        }
        long[] timeline = timelineCheck(null);
        w.duplicates = timeline[1];
        if (timeline[0] != 0) {
            return false;
        }
        return figuresMatch(w, expected, figures());
    }

    private static boolean figuresMatch(FaultWindow w, Map<String, Long> expected, Map<String, Long> actual) {
        long slack = w.abandoned.get();
        for (Map.Entry<String, Long> e : expected.entrySet()) {
            long diff = actual.getOrDefault(e.getKey(), 0L) - e.getValue();
            if (diff < -slack || diff > slack) {
                return false;
            }
        }
        return true;
    }

    private String diagnose(FaultWindow w, Map<String, Long> expected) {
        StringBuilder b = new StringBuilder();
        try {
            b.append("lag ").append(totalLag());
        } catch (Exception e) {
            b.append("lag unknown (").append(e.getMessage()).append(")");
        }
        try {
            List<String> missing = new ArrayList<>();
            timelineCheck(missing);
            b.append("; missing on timelines ").append(missing.size()).append(' ')
                    .append(missing.stream().limit(10).toList());
        } catch (Exception e) {
            b.append("; timelines unreadable (").append(e.getMessage()).append(")");
        }
        try {
            Map<String, Long> actual = figures();
            b.append("; statistics expected ").append(expected).append(" actual ").append(actual);
        } catch (Exception e) {
            b.append("; statistics unreadable (").append(e.getMessage()).append(")");
        }
        b.append("; writes settled ").append(load.settled());
        return b.toString();
    }

    /** Total lag of the three services' consumer groups, read from the broker. */
    private static long totalLag() throws Exception {
        String reportingGroup = Http.get(platform.reporting.url() + "/admin/consumer", load.auth(DemoUsers.ADMIN))
                .body().path("consumerGroup").asText(null);
        if (reportingGroup == null) {
            return Long.MAX_VALUE;
        }
        return lag.of(platform.casesGroup, List.of(TestTopics.referralEvents()))
                + lag.of(platform.referralsGroup, List.of(TestTopics.caseEvents()))
                + lag.of(reportingGroup, List.of(TestTopics.caseEvents(), TestTopics.referralEvents()));
    }

    /**
     * Compares the referral entries of the pool cases' timelines with the acknowledged changes:
     * {missing, duplicated}. An entry for a change that was never acknowledged counts as duplicated.
     */
    private static long[] timelineCheck(List<String> missingOut) throws Exception {
        Map<String, Map<String, Integer>> seen = new HashMap<>();
        for (Load.PoolCase c : load.pool) {
            for (int page = 0; ; page++) {
                Http.Resp r = Http.get(platform.cases.url() + "/cases/" + c.id() + "/timeline?size=200&page=" + page,
                        load.auth(SUPERVISOR));
                if (r.status() != 200) {
                    throw new IllegalStateException("timeline of " + c.id() + ": " + r);
                }
                for (JsonNode item : r.body().path("items")) {
                    String ref = item.path("details").path("referralId").asText(null);
                    if (ref != null && item.path("type").asText().startsWith("REFERRAL_")) {
                        seen.computeIfAbsent(ref, k -> new HashMap<>()).merge(item.path("type").asText(), 1, Integer::sum);
                    }
                }
                if (page + 1 >= r.body().path("totalPages").asInt(1)) {
                    break;
                }
            }
        }
        long missing = 0;
        long duplicated = 0;
        for (Load.Referral ref : load.referrals.values()) {
            Map<String, Integer> entries = new HashMap<>(seen.getOrDefault(ref.id, Map.of()));
            for (String change : List.copyOf(ref.changes)) {
                Integer n = entries.remove(change);
                if (n == null) {
                    missing++;
                    if (missingOut != null) {
                        missingOut.add(ref.id + " " + change);
                    }
                } else {
                    duplicated += n - 1;
                }
            }
            duplicated += entries.values().stream().mapToInt(Integer::intValue).sum();
        }
        return new long[] {missing, duplicated};
    }

    // ------------------------------------------------------------------ every acknowledged write is there

    private void verifyPresence(FaultWindow w) throws Exception {
        List<String> items = new ArrayList<>(load.touched.getOrDefault(w, Map.<String, Boolean>of().keySet()));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicLong lost = new AtomicLong();
        try {
            List<Future<?>> checks = new ArrayList<>();
            for (String item : items) {
                checks.add(pool.submit(() -> {
                    String problem = absent(item);
                    if (problem != null) {
                        lost.incrementAndGet();
                        w.problems.add("lost: " + item + " (" + problem + ")");
                    }
                    return null;
                }));
            }
            for (Future<?> f : checks) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        w.lost = lost.get();
        w.notes.put("acknowledged by kind", new java.util.TreeMap<>(w.acknowledgedByKind).toString());
    }

    /** Why an acknowledged write is not there (null when it is). */
    private static String absent(String item) throws Exception {
        String kind = item.substring(0, item.indexOf(':'));
        String id = item.substring(item.indexOf(':') + 1);
        Map<String, String> sup = load.auth(SUPERVISOR);
        switch (kind) {
            case "client" -> {
                Http.Resp r = Http.get(platform.cases.url() + "/clients/" + id, sup);
                return r.status() == 200 ? null : "GET /clients → " + r.status();
            }
            case "appeal" -> {
                Http.Resp r = Http.get(platform.cases.url() + "/appeals/" + id, sup);
                return r.status() == 200 ? null : "GET /appeals → " + r.status();
            }
            case "case" -> {
                Http.Resp r = Http.get(platform.cases.url() + "/cases/" + id, sup);
                String expected = load.caseStages.get(id);
                return r.status() == 200 && expected.equals(r.body().path("stage").asText()) ? null
                        : "GET /cases → " + r.status() + " stage " + r.body().path("stage").asText() + ", acknowledged " + expected;
            }
            case "services" -> {
                Http.Resp r = Http.get(platform.cases.url() + "/cases/" + id + "/services?size=200", sup);
                JsonNode list = r.body().isArray() ? r.body() : r.body().path("items");
                List<String> ids = new ArrayList<>();
                list.forEach(s -> ids.add(s.path("id").asText()));
                return r.status() == 200 && ids.containsAll(load.services.get(id)) ? null
                        : "GET services → " + r.status() + " " + ids + ", acknowledged " + load.services.get(id);
            }
            case "referral" -> {
                Http.Resp r = Http.get(platform.referrals.url() + "/referrals/" + id, sup);
                String expected = load.referrals.get(id).status;
                return r.status() == 200 && expected.equals(r.body().path("status").asText()) ? null
                        : "GET /referrals → " + r.status() + " status " + r.body().path("status").asText()
                        + ", acknowledged " + expected;
            }
            default -> throw new IllegalArgumentException(item);
        }
    }

    // ------------------------------------------------------------------ the ministry's figures

    /** The figures the load moves, for the community, from the ministry API (suppression k = 1). */
    private static Map<String, Long> figures() throws Exception {
        Http.Resp r = Http.get(platform.reporting.url() + "/statistics?from=" + ThisYear.from() + "&to="
                + ThisYear.to() + "&hromada=" + Load.HROMADA, load.auth(DemoUsers.ANALYST));
        if (r.status() != 200) {
            throw new IllegalStateException("statistics: " + r);
        }
        Map<String, JsonNode> tables = new HashMap<>();
        r.body().path("tables").forEach(t -> tables.put(t.path("name").asText(), t));
        Map<String, Long> f = new LinkedHashMap<>();
        f.put("persons", total(tables, "applicants", "persons"));
        f.put("appeals", total(tables, "applicants", "appeals"));
        f.put("opened BROKERAGE", total(tables, "casesOpenedByModel", "BROKERAGE"));
        f.put("closed GOALS_ACHIEVED", total(tables, "casesClosedByReason", "GOALS_ACHIEVED"));
        f.put("services LEGAL", total(tables, "servicesByCategory", "LEGAL"));
        for (String s : REFERRAL_STATUSES) {
            f.put("referrals EMPLOYMENT " + s, cell(tables, "referralsBySectorAndStatus", "EMPLOYMENT", s));
        }
        return f;
    }

    private static int column(Map<String, JsonNode> tables, String table, String column) {
        List<String> keys = new ArrayList<>();
        tables.get(table).path("columns").forEach(c -> keys.add(c.path("key").asText()));
        int i = keys.indexOf(column);
        if (i < 0) {
            throw new IllegalStateException("table " + table + " has no column " + column + ": " + keys);
        }
        return i;
    }

    private static long total(Map<String, JsonNode> tables, String table, String column) {
        return tables.get(table).path("total").path("cells").path(column(tables, table, column)).path("value").asLong(0);
    }

    private static long cell(Map<String, JsonNode> tables, String table, String row, String column) {
        int i = column(tables, table, column);
        for (JsonNode r : tables.get(table).path("rows")) {
            if (row.equals(r.path("key").asText())) {
                return r.path("cells").path(i).path("value").asLong(0);
            }
        }
        return 0;
    }

    /** The figures before the window plus exactly what the window acknowledged. */
    private static Map<String, Long> expectedFigures(FaultWindow w, Map<String, Long> before,
                                                     Map<String, String> statusesBefore) {
        Map<String, Long> e = new LinkedHashMap<>(before);
        e.merge("persons", load.firstContact.values().stream().filter(x -> x == w).count(), Long::sum);
        e.merge("appeals", (long) acks(w, "appeal"), Long::sum);
        e.merge("opened BROKERAGE", (long) acks(w, "case opened"), Long::sum);
        e.merge("closed GOALS_ACHIEVED", (long) acks(w, "closure"), Long::sum);
        e.merge("services LEGAL", (long) acks(w, "service"), Long::sum);
        Map<String, String> now = load.referralStatuses();
        Map<String, Long> delta = new ConcurrentHashMap<>();
        now.forEach((id, s) -> delta.merge(s, 1L, Long::sum));
        statusesBefore.forEach((id, s) -> delta.merge(s, -1L, Long::sum));
        for (String s : REFERRAL_STATUSES) {
            e.merge("referrals EMPLOYMENT " + s, delta.getOrDefault(s, 0L), Long::sum);
        }
        return e;
    }

    private static int acks(FaultWindow w, String kind) {
        AtomicInteger n = w.acknowledgedByKind.get(kind);
        return n == null ? 0 : n.get();
    }

    // ------------------------------------------------------------------ the results table

    static String table() {
        StringBuilder b = new StringBuilder();
        b.append("# Fault injection: results of the last run\n\n");
        b.append("Run ").append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(ZonedDateTime.now(ZoneId.of("UTC"))
                .withNano(0))).append(", suite ").append(Duration.between(suiteStarted, Instant.now()).toSeconds())
                .append(" s, load about ").append(1000 / Load.TICK_MILLIS).append(" writes/s (FaultInjectionTest).\n\n");
        b.append("| fault | fault s | writes attempted | acknowledged | acknowledged during the fault | lost | duplicates "
                + "| 5xx other than 503 + Retry-After | 503 + Retry-After | connection errors (retried) | refused 4xx "
                + "| outcome unknown | recovery s |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (FaultWindow w : List.copyOf(windows)) {
            b.append("| ").append(w.fault).append(" | ").append(w.faultSeconds())
                    .append(" | ").append(w.attempted.get()).append(" | ").append(w.acknowledged.get())
                    .append(" | ").append(w.acknowledgedDuringFault.get())
                    .append(" | ").append(w.lost < 0 ? "?" : String.valueOf(w.lost))
                    .append(" | ").append(w.duplicates < 0 ? "?" : String.valueOf(w.duplicates))
                    .append(" | ").append(w.bad5xx.size()).append(" | ").append(w.unavailable.get())
                    .append(" | ").append(w.connectionErrors.get()).append(" | ").append(w.rejected.get())
                    .append(" | ").append(w.abandoned.get())
                    .append(" | ").append(w.recoverySeconds == null ? "not recovered" : String.format("%.1f", w.recoverySeconds))
                    .append(" |\n");
        }
        b.append("\n");
        for (FaultWindow w : List.copyOf(windows)) {
            b.append("## ").append(w.fault).append("\n\n");
            w.notes.forEach((k, v) -> b.append("- ").append(k).append(": ").append(v).append('\n'));
            if (w.skipped.get() > 0) {
                b.append("- ticks skipped (40 requests already in flight): ").append(w.skipped.get()).append('\n');
            }
            List.copyOf(w.bad5xx).stream().limit(10).forEach(p -> b.append("- 5xx: ").append(p).append('\n'));
            List.copyOf(w.rejections).stream().limit(10).forEach(p -> b.append("- refused: ").append(p).append('\n'));
            List.copyOf(w.problems).stream().limit(20).forEach(p -> b.append("- problem: ").append(p).append('\n'));
            b.append('\n');
        }
        return b.toString();
    }
}
