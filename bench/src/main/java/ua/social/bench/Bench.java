package ua.social.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * {@code ./platform bench}: measures the running platform at national scale, side by side with
 * PostgreSQL's own limit ({@code pgbench}), and writes {@code bench.json} (every figure), {@code bench.md}
 * (the report, with the targets of issue 12 met or not) and {@code latency.svg}.
 *
 * <p>Phases: machine; pgbench baseline; resident memory idle; seeding at scale (COPY) and the real flow of
 * its events (relay → Kafka → reporting); write path (closed-loop ramp to the maximum, then open loop at
 * the maximum and at half of it); staff reads at scale (case list, client search); ministry statistics;
 * a partner's referral change → case timeline entry under write load; replay of every event into
 * reporting; resident memory under load; cold and warm {@code ./platform up} (timed by the script).
 *
 * <p>{@code --quick}: a tiny dataset and scenarios of a second or two, for {@code ./platform test}
 * (platform-tests {@code BenchQuickTest}); the figures of a quick run are not the platform's performance.
 */
public final class Bench {

    static final String POLTAVA_OBLAST = "UA-53";
    static final String INTAKE = "intake.poltava";
    static final String MANAGER = "manager1.poltava";
    static final String SUPERVISOR = "supervisor.poltava";
    static final String ANALYST = "analyst.ministry";
    static final String ADMIN = "admin.platform";
    static final List<String> SERVICES = List.of("case-service", "referral-service", "reporting-service");

    /** Settings, from the command line ({@code --name value}); see {@link #usage()}. */
    record Options(boolean quick, long cases, Path out, String caseUrl, String referralUrl, String reportingUrl,
                   String keycloakUrl, String dbHost, int dbPort, String caseDb, String benchDb, String caseTopic,
                   Path runDir, String pgbench, int clients, Duration scenario, double readRate, int referrals,
                   Double upWarmSeconds, Double upColdSeconds, boolean shared, Duration flowWindow,
                   Duration replayWindow) {

        static Options parse(String[] args) {
            Map<String, String> a = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String k = args[i];
                if (!k.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument " + k + "\n" + usage());
                }
                if (k.equals("--quick") || k.equals("--shared")) {
                    a.put(k.substring(2), "true");
                } else if (i + 1 < args.length) {
                    a.put(k.substring(2), args[++i]);
                } else {
                    throw new IllegalArgumentException(k + " needs a value\n" + usage());
                }
            }
            boolean quick = a.containsKey("quick");
            String env = System.getenv().getOrDefault("DB_PORT", "55432");
            return new Options(quick,
                    Long.parseLong(a.getOrDefault("cases", quick ? "200" : "1000000")),
                    Path.of(a.getOrDefault("out", "bench-out")),
                    a.getOrDefault("case-url", "http://localhost:8081"),
                    a.getOrDefault("referral-url", "http://localhost:8082"),
                    a.getOrDefault("reporting-url", "http://localhost:8083"),
                    a.getOrDefault("keycloak-url", "http://localhost:8180"),
                    a.getOrDefault("db-host", "127.0.0.1"),
                    Integer.parseInt(a.getOrDefault("db-port", env)),
                    a.getOrDefault("case-db", "case_service"),
                    a.getOrDefault("bench-db", "bench"),
                    a.getOrDefault("case-topic", "case.events"),
                    a.containsKey("run-dir") ? Path.of(a.get("run-dir")) : null,
                    a.getOrDefault("pgbench", findPgbench()),
                    Integer.parseInt(a.getOrDefault("clients", "8")),
                    Duration.ofMillis((long) (1000 * Double.parseDouble(a.getOrDefault("scenario-seconds", quick ? "1.5" : "30")))),
                    Double.parseDouble(a.getOrDefault("read-rate", quick ? "20" : "50")),
                    Integer.parseInt(a.getOrDefault("referrals", quick ? "2" : "30")),
                    a.containsKey("up-warm-seconds") ? Double.valueOf(a.get("up-warm-seconds")) : null,
                    a.containsKey("up-cold-seconds") ? Double.valueOf(a.get("up-cold-seconds")) : null,
                    a.containsKey("shared"),
                    minutes(a.getOrDefault("flow-minutes", quick ? "3" : "20")),
                    minutes(a.getOrDefault("replay-minutes", a.getOrDefault("flow-minutes", quick ? "3" : "20"))));
        }

        private static Duration minutes(String m) {
            return Duration.ofSeconds((long) (60 * Double.parseDouble(m)));
        }
    }

    /** pgbench on the PATH, or in the PostgreSQL server package's directory (Debian keeps it there). */
    static String findPgbench() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "pgbench"))) {
                return Path.of(dir, "pgbench").toString();
            }
        }
        try (var dirs = Files.list(Path.of("/usr/lib/postgresql"))) {
            return dirs.map(d -> d.resolve("bin/pgbench")).filter(Files::isExecutable).sorted(java.util.Comparator.reverseOrder())
                    .map(Path::toString).findFirst().orElse("pgbench");
        } catch (IOException e) {
            return "pgbench";
        }
    }

    static String usage() {
        return """
                Usage: java -cp bench.jar:lib/* ua.social.bench.Bench [--quick] [--cases N] [--out DIR]
                  --case-url URL --referral-url URL --reporting-url URL --keycloak-url URL
                  --db-host HOST --db-port PORT [--case-db case_service] [--bench-db bench] [--case-topic case.events]
                  [--run-dir DIR (pid files <service>.pid)] [--pgbench PATH] [--clients 8]
                  [--scenario-seconds S] [--read-rate R] [--referrals N]
                  [--up-warm-seconds S] [--up-cold-seconds S] [--shared (the machine was shared: said in the report)]
                  [--flow-minutes M (longest wait for the seeded events' relay/apply and for the replay; default 20,
                   quick 3: a slower flow is measured over that window and the run goes on)]
                  [--replay-minutes M (longest wait for the replay; default the flow window: a replay still running
                   is measured over that window and goes on in the background)]
                """;
    }

    private final Options o;
    private final Api api;
    private final LoadGenerator load;
    /** Every figure, in the order of the report. */
    final Map<String, Object> figures = new LinkedHashMap<>();
    final List<LoadGenerator.Result> results = new ArrayList<>();
    /** Phases that failed: name → what failed. */
    private final Map<String, String> failed = new LinkedHashMap<>();
    private final Memory memory;

    Bench(Options o) {
        this.o = o;
        this.api = new Api(o.keycloakUrl());
        this.load = new LoadGenerator(api.http);
        this.memory = new Memory(o.runDir());
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.println(usage());
            return;
        }
        Path report = run(args);
        System.out.println("bench: report written to " + report);
        System.exit(0);
    }

    /** Runs the bench with these command-line arguments; returns the path of the Markdown report. */
    public static Path run(String... args) throws Exception {
        return new Bench(Options.parse(args)).run();
    }

    /** Runs every phase and writes the outputs; returns the path of bench.md. */
    Path run() throws Exception {
        Files.createDirectories(o.out());
        OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("startedAt", started.toString());
        run.put("quick", o.quick());
        run.put("sharedMachine", o.shared());
        run.put("cases", o.cases());
        run.put("clientCount", 8);
        run.put("scenarioSeconds", o.scenario().toMillis() / 1000.0);
        run.put("readRatePerSecond", o.readRate());
        figures.put("run", run);
        figures.put("machine", Machine.describe());

        step("pgbench baseline", this::pgbench);
        figures.put("memoryIdleMb", memory.sample());
        step("seeding", this::seed);
        step("write path", this::writePath);
        step("staff reads at scale", this::staffReads);
        step("ministry statistics", this::statistics);
        step("referral change to case timeline under write load", this::referralToTimeline);
        step("replay into reporting", this::replay);
        Map<String, Object> up = new LinkedHashMap<>();
        up.put("warmSeconds", o.upWarmSeconds());
        up.put("coldSeconds", o.upColdSeconds());
        figures.put("platformUp", up);
        run.put("finishedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        if (!failed.isEmpty()) {
            figures.put("failedSteps", failed);
        }
        return new Report(figures, results).write(o.out());
    }

    interface Phase {
        void run() throws Exception;
    }

    /**
     * Runs a phase; a phase that fails is recorded in the report ({@code failedSteps}) and the run goes on, so
     * an hour-long national run still reports every figure it could measure.
     */
    private void step(String name, Phase p) {
        long t0 = System.nanoTime();
        System.out.println("bench: " + name + "...");
        try {
            p.run();
            System.out.printf("bench: %s done in %.1f s%n", name, (System.nanoTime() - t0) / 1e9);
        } catch (Exception | AssertionError e) {
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName());
            failed.put(name, e.getClass().getSimpleName() + ": " + why);
            System.out.printf("bench: %s FAILED after %.1f s: %s%n", name, (System.nanoTime() - t0) / 1e9, why);
            e.printStackTrace(System.out);
        }
    }

    // --- database -----------------------------------------------------------------------------------

    private Connection connect(String db, String user) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + o.dbHost() + ":" + o.dbPort() + "/" + db, user,
                user + "-local");
    }

    private Connection caseDb() throws SQLException {
        return connect(o.caseDb(), "case_service");
    }

    // --- pgbench -------------------------------------------------------------------------------------

    /** One-row insert transactions with the harness's client count, on the same PostgreSQL. */
    private void pgbench() throws Exception {
        try (Connection c = connect(o.benchDb(), "case_service"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS bench_one_row (id BIGSERIAL PRIMARY KEY, v INT NOT NULL, "
                    + "at TIMESTAMPTZ NOT NULL DEFAULT now())");
            st.execute("TRUNCATE bench_one_row");
        }
        Path script = Files.createTempFile("bench-insert-", ".sql");
        Files.writeString(script, "\\set v random(1, 1000000)\nINSERT INTO bench_one_row (v) VALUES (:v);\n");
        long seconds = Math.max(2, o.scenario().toSeconds());
        ProcessBuilder pb = new ProcessBuilder(o.pgbench(), "-n", "-h", o.dbHost(), "-p", Integer.toString(o.dbPort()),
                "-U", "case_service", "-c", Integer.toString(o.clients()), "-j", "2", "-T", Long.toString(seconds),
                "-f", script.toString(), o.benchDb()).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", "case_service-local");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(seconds + 60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + out);
        }
        Files.deleteIfExists(script);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("clients", o.clients());
        m.put("seconds", seconds);
        m.put("transaction", "INSERT of one row (custom script), autocommit");
        m.put("tps", number(out, "tps = ([0-9.]+)"));
        m.put("latencyAverageMs", number(out, "latency average = ([0-9.]+) ms"));
        figures.put("pgbench", m);
    }

    private static Double number(String text, String regex) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no '" + regex + "' in:\n" + text);
        }
        return Double.valueOf(m.group(1));
    }

    // --- seeding and the flow of its events -----------------------------------------------------------

    private void seed() throws Exception {
        Seeder seeder = new Seeder(ThreadLocalRandom.current().nextLong(), OffsetDateTime.now(ZoneOffset.UTC), o.caseTopic());
        long before = reportingApplied();
        long t0 = System.nanoTime();
        Seeder.Written w;
        try (Connection c = caseDb()) {
            w = seeder.seed(c, o.cases());
        }
        double seedSeconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("runTag", seeder.runTag());
        s.put("rows", w.rows());
        s.put("secondsPerStep", w.seconds());
        s.put("seconds", LoadGenerator.round(seedSeconds));
        long rows = w.rows().values().stream().mapToLong(Long::longValue).sum();
        s.put("rowsPerSecond", LoadGenerator.round(rows / seedSeconds));
        figures.put("seeding", s);

        // The relay drains the outbox; reporting applies what it publishes (both measured from the seeding's
        // commit: the relay starts on it while the tables are analysed). A flow slower than --flow-minutes is
        // measured over that window and the run goes on (the rest drains in the background, which the report
        // says). Polled lightly (whether any event is left, not how many: counting millions of rows again and
        // again took the database's CPU from the flow it measured), every second (0.1 s in a quick run).
        long committed = w.committedNanos();
        long deadline = committed + o.flowWindow().toNanos();
        Duration every = Duration.ofMillis(o.quick() ? 100 : 1000);
        long backlog;
        double relaySeconds;
        try (Connection c = caseDb(); Statement st = c.createStatement()) {
            boolean drained = pollUntil(deadline, every, () -> {
                try (ResultSet rs = st.executeQuery(
                        "SELECT NOT EXISTS (SELECT 1 FROM outbox_event WHERE published_at IS NULL)")) {
                    rs.next();
                    return rs.getBoolean(1);
                }
            }, d -> d);
            relaySeconds = (System.nanoTime() - committed) / 1e9;
            backlog = 0;
            if (!drained) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM outbox_event WHERE published_at IS NULL")) {
                    rs.next();
                    backlog = rs.getLong(1);
                }
            }
        }
        long lag = backlog > 0 ? -1 : pollUntil(deadline, every, this::reportingLag, l -> l <= 0);
        double applySeconds = (System.nanoTime() - committed) / 1e9;
        long applied = reportingApplied() - before;
        long published = w.events() - Math.min(backlog, w.events());
        Map<String, Object> relay = new LinkedHashMap<>();
        relay.put("events", w.events());
        relay.put("published", published);
        relay.put("drained", backlog == 0);
        relay.put("seconds", LoadGenerator.round(relaySeconds));
        relay.put("eventsPerSecond", LoadGenerator.round(published / relaySeconds));
        figures.put("relay", relay);
        Map<String, Object> apply = new LinkedHashMap<>();
        apply.put("events", w.events());
        apply.put("eventsApplied", applied);
        apply.put("caughtUp", lag == 0);
        apply.put("secondsFromCommit", LoadGenerator.round(applySeconds));
        apply.put("eventsPerSecond", LoadGenerator.round(Math.min(applied, w.events()) / applySeconds));
        figures.put("reportingApply", apply);
        figures.put("dataset", dataset()); // after the flow: counting millions of rows is not the flow's to pay
    }

    private Map<String, Object> dataset() throws SQLException {
        Map<String, Object> d = new LinkedHashMap<>();
        try (Connection c = caseDb(); Statement st = c.createStatement()) {
            for (String t : List.of("client", "appeal", "social_case", "service_delivery", "outbox_event")) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + t)) {
                    rs.next();
                    d.put(t, rs.getLong(1));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT count(DISTINCT hromada), count(DISTINCT oblast) FROM social_case")) {
                rs.next();
                d.put("communitiesWithCases", rs.getLong(1));
                d.put("oblastsWithCases", rs.getLong(2));
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM client WHERE hromada = '" + Seeder.POLTAVA_HROMADA + "'")) {
                rs.next();
                d.put("clientsInTheSearchedCommunity", rs.getLong(1));
            }
        }
        return d;
    }

    private long reportingLag() {
        return api.send(api.get(o.reportingUrl() + "/admin/consumer", api.bearer(ADMIN)), 200).path("lag").asLong();
    }

    /** Events reporting has applied (its processed_event count is not exposed; the consumer's committed offsets are). */
    private long reportingApplied() {
        JsonNode c = api.send(api.get(o.reportingUrl() + "/admin/consumer", api.bearer(ADMIN)), 200);
        long sum = 0;
        for (JsonNode p : c.path("partitions")) {
            sum += p.path("committedOffset").asLong(0);
        }
        return sum;
    }

    // --- write path ----------------------------------------------------------------------------------

    private List<String> poltavaClients;

    private Supplier<HttpRequest> appeals() throws SQLException {
        if (poltavaClients == null) {
            poltavaClients = new ArrayList<>();
            try (Connection c = caseDb(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id FROM client WHERE hromada = '" + Seeder.POLTAVA_HROMADA
                         + "' AND created_by = 'bench' LIMIT 2000")) {
                while (rs.next()) {
                    poltavaClients.add(rs.getString(1));
                }
            }
            if (poltavaClients.isEmpty()) {
                throw new IllegalStateException("no seeded client in the Poltava demo community: seed more cases");
            }
        }
        String url = o.caseUrl() + "/appeals";
        return () -> {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            Map<String, Object> body = Map.of("clientId", poltavaClients.get(r.nextInt(poltavaClients.size())),
                    "channel", Seeder.CHANNELS[r.nextInt(Seeder.CHANNELS.length)],
                    "needDomains", List.of("HOUSING", "EMPLOYMENT"), "description", "Звернення навантажувального тесту");
            return api.post(url, api.bearer(MANAGER), body);
        };
    }

    private double halfRate;

    private void writePath() throws Exception {
        Supplier<HttpRequest> appeals = appeals();
        // warm-up: the JIT and the connection pools, not measured
        load.closedLoop("warm-up", 4, o.quick() ? Duration.ofMillis(500) : Duration.ofSeconds(10), appeals);
        Map<String, Object> w = new LinkedHashMap<>();
        List<Map<String, Object>> ramp = new ArrayList<>();
        LoadGenerator.Result best = null;
        for (int c : o.quick() ? List.of(o.clients()) : List.of(2, 4, 8, 16, 32)) {
            LoadGenerator.Result r = load.closedLoop("write ramp x" + c, c, o.scenario(), appeals);
            Map<String, Object> f = r.figures();
            f.put("concurrency", c);
            ramp.add(f);
            if (best == null || r.throughput() > best.throughput()) {
                best = r;
            }
        }
        double max = Math.max(1, best.throughput());
        w.put("ramp", ramp);
        w.put("maxThroughput", LoadGenerator.round(max));
        Map<String, Long> rssUnderLoad = new LinkedHashMap<>();
        ScheduledExecutorService sampler = memory.sampleMaxEvery(Duration.ofMillis(250), rssUnderLoad);
        LoadGenerator.Result atMax = load.openLoop("POST /appeals at max", max, o.scenario(), appeals);
        halfRate = max / 2;
        LoadGenerator.Result atHalf = load.openLoop("POST /appeals at half of max", halfRate, o.scenario(), appeals);
        sampler.shutdown();
        sampler.awaitTermination(1, TimeUnit.MINUTES);
        results.add(atMax);
        results.add(atHalf);
        w.put("atMax", atMax.figures());
        w.put("atHalf", atHalf.figures());
        figures.put("writePath", w);
        figures.put("memoryUnderLoadMb", rssUnderLoad);
    }

    // --- reads ---------------------------------------------------------------------------------------

    private void staffReads() throws SQLException {
        String[] stages = {"CONTACT", "ASSESSMENT", "PLANNING", "IMPLEMENTATION", "MONITORING", "CLOSED"};
        LoadGenerator.Result cases = load.openLoop("case list (filters)", o.readRate(), o.scenario(), () -> {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            return api.get(o.caseUrl() + "/cases?stage=" + stages[r.nextInt(stages.length)] + "&model=BROKERAGE&page="
                    + r.nextInt(5) + "&size=20", api.bearer(SUPERVISOR));
        });
        // The probe searches the name of a seeded client of the community: it must be found (see NameFolding).
        String probeName;
        try (Connection c = caseDb(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT last_name || ' ' || first_name FROM client WHERE hromada = '"
                     + Seeder.POLTAVA_HROMADA + "' AND created_by = 'bench' LIMIT 1")) {
            if (!rs.next()) {
                throw new IllegalStateException("no seeded client in the Poltava demo community: seed more cases");
            }
            probeName = rs.getString(1);
        }
        long before = System.nanoTime();
        JsonNode probe = api.send(api.get(o.caseUrl() + "/clients?name=" + Api.enc(probeName) + "&size=20",
                api.bearer(MANAGER)), 200);
        long probeHits = probe.path("totalItems").asLong();
        LoadGenerator.Result search = load.openLoop("client search by name", o.readRate(), o.scenario(), () -> {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            String name = Seeder.LAST[r.nextInt(Seeder.LAST.length)] + " " + Seeder.FEMALE[r.nextInt(Seeder.FEMALE.length)];
            return api.get(o.caseUrl() + "/clients?name=" + Api.enc(name) + "&size=20", api.bearer(MANAGER));
        });
        results.add(cases);
        results.add(search);
        figures.put("caseList", cases.figures());
        Map<String, Object> s = search.figures();
        s.put("probeQuery", probeName);
        s.put("probeTotalItems", probeHits);
        s.put("probeMs", LoadGenerator.round((System.nanoTime() - before) / 1e6));
        figures.put("clientSearch", s);
    }

    private void statistics() {
        // The statistics answer whole calendar months, quarters and years only (the differencing defence): the
        // twelve months read are the calendar year holding most of the seeded year (the seeder spreads cases
        // over the 364 days before now).
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Kyiv"));
        Year year = today.getDayOfYear() >= 183 ? Year.from(today) : Year.from(today).minusYears(1);
        String period = "from=" + year.atDay(1) + "&to=" + year.atMonth(12).atEndOfMonth();
        Map<String, String> scopes = new LinkedHashMap<>();
        scopes.put("statisticsNational", "");
        scopes.put("statisticsOblast", "&oblast=" + POLTAVA_OBLAST);
        scopes.put("statisticsCommunity", "&hromada=" + Seeder.POLTAVA_HROMADA);
        Map<String, Object> first = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : scopes.entrySet()) {
            String url = o.reportingUrl() + "/statistics?" + period + e.getValue();
            // The first request computes the answer from the read models (reporting keeps it until the read
            // models change); while it is computed, requests get 503 statistics-busy and come back. Timed
            // apart: the open-loop scenario after it reads what a ministry dashboard reads all day.
            long t0 = System.nanoTime();
            Awaitility.await("the first answer of " + e.getKey()).atMost(Duration.ofMinutes(15))
                    .pollInterval(Duration.ofSeconds(1)).ignoreException(IllegalStateException.class)
                    .until(() -> api.send(api.get(url, api.bearer(ANALYST)), 200) != null);
            first.put(e.getKey(), LoadGenerator.round((System.nanoTime() - t0) / 1e9));
            LoadGenerator.Result r = load.openLoop(e.getKey() + " (12 months)", o.readRate(), o.scenario(),
                    () -> api.get(url, api.bearer(ANALYST)));
            results.add(r);
            figures.put(e.getKey(), r.figures());
        }
        figures.put("statisticsFirstAnswerSeconds", first);
    }

    // --- referral change → case timeline --------------------------------------------------------------

    private void referralToTimeline() throws Exception {
        // A case with consent to share, known to referral-service; a partner with a service and an API key.
        String client = api.send(api.post(o.caseUrl() + "/clients", api.bearer(INTAKE), Map.of("lastName", "Бенчмарк",
                "firstName", "Олена", "dateOfBirth", LocalDate.of(1970, 1, 1).plusDays(ThreadLocalRandom.current()
                        .nextInt(15000)).toString(), "sex", "FEMALE", "vulnerableGroups", List.of("INTERNALLY_DISPLACED"),
                "confirmedNotDuplicate", true)), 201).path("id").asText();
        String caseId = api.send(api.post(o.caseUrl() + "/cases", api.bearer(INTAKE), Map.of("clientId", client,
                "criteria", List.of("CANNOT_REACH_VITAL_SERVICE_ALONE"), "model", "BROKERAGE",
                "consent", Map.of("givenAt", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).toString(),
                        "processing", true, "sharingWithPartners", true))), 201).path("id").asText();
        // referral-service learns cases from case.events in order: behind a seeded backlog it takes that long
        Awaitility.await("referral-service to learn case " + caseId).atMost(o.flowWindow())
                .pollInterval(Duration.ofMillis(100)).ignoreException(IllegalStateException.class)
                .until(() -> api.send(api.get(o.referralUrl() + "/cases/" + caseId, api.bearer(SUPERVISOR)), 200) != null);
        String admin = api.bearer(ADMIN);
        String partner = api.send(api.post(o.referralUrl() + "/partners", admin, Map.of("name", "Бенчмарк-партнер "
                + UUID.randomUUID(), "sector", "EMPLOYMENT", "description", "Партнер навантажувального тесту",
                "phone", "+380 532 56 00 00")), 201).path("id").asText();
        String location = api.send(api.post(o.referralUrl() + "/partners/" + partner + "/locations", admin, Map.of(
                "name", "Офіс", "address", "вул. Шевченка, 1", "city", "Полтава", "postalCode", "36000",
                "oblast", POLTAVA_OBLAST, "hromada", Seeder.POLTAVA_HROMADA, "hours", List.of(Map.of("days",
                        List.of("MO", "TU", "WE", "TH", "FR"), "opensAt", "08:00", "closesAt", "17:00")))), 201)
                .path("id").asText();
        String service = api.send(api.post(o.referralUrl() + "/partners/" + partner + "/services", admin, Map.of(
                "name", "Послуга", "description", "Консультація та супровід", "category", "EMPLOYMENT",
                "feeFree", true, "languages", List.of("uk"), "locationIds", List.of(location))), 201).path("id").asText();
        String key = api.send(api.post(o.referralUrl() + "/partners/" + partner + "/api-keys", admin,
                Map.of("label", "bench")), 201).path("key").asText();

        // Under write load (POST /appeals at half of the maximum, in the background) the partner moves each
        // referral ACCEPTED → IN_PROGRESS → COMPLETED; each change is timed from the partner's 200 to the
        // first poll of the case timeline (every 10 ms) that shows its entry.
        org.HdrHistogram.Histogram delays = new org.HdrHistogram.Histogram(LoadGenerator.MAX_MICROS, 3);
        Supplier<HttpRequest> appeals = appeals();
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            // consecutive short open-loop runs until told to stop
            while (!stop.get()) {
                load.openLoop("background writes", Math.max(1, halfRate), Duration.ofSeconds(1), appeals);
            }
        }, "bench-background-writes");
        writer.start();
        int seen = timelineCount(caseId, "REFERRAL_");
        long t0 = System.nanoTime();
        try {
            for (int i = 0; i < o.referrals(); i++) {
                String referral = api.send(api.post(o.referralUrl() + "/referrals", api.bearer(SUPERVISOR), Map.of(
                        "caseId", caseId, "partnerId", partner, "serviceId", service, "urgency", "ROUTINE",
                        "reason", "Пошук роботи", "client", Map.of("fullName", "Олена Бенчмарк"))), 201).path("id").asText();
                api.send(api.post(o.referralUrl() + "/referrals/" + referral + "/transitions", api.bearer(SUPERVISOR),
                        Map.of("status", "REQUESTED")), 200);
                seen += 2;
                awaitTimeline(caseId, seen);
                for (String status : List.of("ACCEPTED", "IN_PROGRESS", "COMPLETED")) {
                    Map<String, Object> body = status.equals("COMPLETED")
                            ? Map.of("status", status, "outcome", "Працевлаштована") : Map.of("status", status);
                    api.send(api.post(o.referralUrl() + "/partner/referrals/" + referral + "/transitions", key, body), 200);
                    long answered = System.nanoTime();
                    seen++;
                    awaitTimeline(caseId, seen);
                    delays.recordValue(Math.min((System.nanoTime() - answered) / 1000, LoadGenerator.MAX_MICROS));
                }
            }
        } finally {
            stop.set(true);
            writer.join(TimeUnit.MINUTES.toMillis(1));
        }
        LoadGenerator.Result r = new LoadGenerator.Result("referral change → timeline entry", "delay",
                0, (System.nanoTime() - t0) / 1e9, delays.getTotalCount(), delays.getTotalCount(), 0, delays);
        results.add(r);
        Map<String, Object> f = r.figures();
        f.put("backgroundWriteRate", LoadGenerator.round(Math.max(1, halfRate)));
        f.put("pollIntervalMs", 10);
        figures.put("referralToTimeline", f);
    }

    private int timelineCount(String caseId, String prefix) {
        JsonNode t = api.send(api.get(o.caseUrl() + "/cases/" + caseId + "/timeline?size=200", api.bearer(SUPERVISOR)), 200);
        int n = 0;
        for (JsonNode e : t.path("items")) {
            if (e.path("type").asText().startsWith(prefix)) {
                n++;
            }
        }
        return n;
    }

    private void awaitTimeline(String caseId, int entries) {
        // polled every 10 ms: the delay measured is the entry's, give or take one poll
        Awaitility.await("case " + caseId + " timeline to reach " + entries + " referral entries")
                .atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                .until(() -> timelineCount(caseId, "REFERRAL_") >= entries);
    }

    // --- replay --------------------------------------------------------------------------------------

    private void replay() throws Exception {
        String admin = api.bearer(ADMIN);
        long t0 = System.nanoTime();
        JsonNode started = api.send(api.post(o.reportingUrl() + "/admin/replays", admin, Map.of()), 202);
        String id = started.path("id").asText();
        JsonNode last = "COMPLETED".equals(started.path("status").asText()) ? started
                : pollUntil(t0 + o.replayWindow().toNanos(), Duration.ofMillis(o.quick() ? 100 : 1000),
                        () -> api.send(api.get(o.reportingUrl() + "/admin/replays/" + id, api.bearer(ADMIN)), 200),
                        r -> "COMPLETED".equals(r.path("status").asText()));
        double seconds = (System.nanoTime() - t0) / 1e9;
        boolean completed = "COMPLETED".equals(last.path("status").asText());
        long total = last.path("recordsTotal").asLong();
        long read = completed ? total : last.path("recordsRead").asLong();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("records", total);
        m.put("recordsRead", read);
        m.put("completed", completed);
        m.put("eventsApplied", last.path("eventsApplied").isNumber() ? last.path("eventsApplied").asLong() : null);
        m.put("seconds", LoadGenerator.round(seconds));
        m.put("eventsPerSecond", LoadGenerator.round(read / seconds));
        m.put("measured", completed ? "from POST /admin/replays to COMPLETED (polled every " + (o.quick() ? "0.1" : "1") + " s)"
                : "records re-read within the --replay-minutes window; the replay goes on in the background");
        figures.put("replay", m);
    }

    /**
     * Reads {@code probe} every {@code every} until {@code done} holds or the deadline ({@link System#nanoTime()})
     * passes, and returns the last value read either way: a flow still running when its measuring window closes is
     * reported as far as it got, not as a failure.
     */
    static <T> T pollUntil(long deadline, Duration every, Callable<T> probe, Predicate<T> done) {
        AtomicReference<T> last = new AtomicReference<>();
        try {
            Awaitility.await().atMost(Duration.ofNanos(Math.max(deadline - System.nanoTime(), every.toNanos())))
                    .pollDelay(Duration.ZERO).pollInterval(every)
                    .until(() -> {
                        T value = probe.call();
                        last.set(value);
                        return done.test(value);
                    });
        } catch (ConditionTimeoutException windowClosed) {
            // the caller reports the last value and says that the window closed first
        }
        return last.get();
    }

    static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
