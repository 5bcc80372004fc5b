package ua.social.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import ua.social.contracts.testing.TestTopics;
import ua.social.identity.testing.DemoUsers;
import ua.social.identity.testing.Tokens;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The replicated run of {@code ./platform up --replicas 2}, with this run's processes: two instances of
 * each packaged service (their own *_replicas databases, topics and consumer groups) behind an HAProxy
 * configured by the script's own generator ({@code deploy/local/haproxy-config.sh}). Proves that requests
 * are spread over both instances, that the two consumers of a group split the partitions, that a
 * partner's rate limit is one total, and that killing one instance mid-load loses no acknowledged write,
 * shows clients at most retried connection errors, and leaves every event published once and applied once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasTest {

    static final List<String> SERVICES = List.of("case-service", "referral-service", "reporting-service");
    static final int RATE_LIMIT = 30;
    static final String CASE_TOPIC = "replicas-" + TestTopics.caseEvents();
    static final String REFERRAL_TOPIC = "replicas-" + TestTopics.referralEvents();
    static final String CASES_GROUP = ServiceProcess.freshGroup("case-service");
    static final String REFERRALS_GROUP = ServiceProcess.freshGroup("referral-service");
    static final String REPORTING_PREFIX = ServiceProcess.freshGroup("reporting-service");

    /** Instances by service, in start order (instance 1 cleaned the database, instance 2 joined it). */
    static final Map<String, List<ServiceProcess>> instances = new LinkedHashMap<>();
    /** The balanced address of each service (HAProxy's frontend). */
    static final Map<String, String> balanced = new HashMap<>();
    static Process haproxy;

    static void log(String message) {
        System.out.println(Instant.now() + " replicas: " + message);
    }

    @BeforeAll
    static void startTwoInstancesOfEachBehindHaproxy() throws Exception {
        try (ConsumerLag kafka = new ConsumerLag()) {
            kafka.startAtEnd(CASES_GROUP, REFERRAL_TOPIC);
            kafka.startAtEnd(REFERRALS_GROUP, CASE_TOPIC);
        }
        ExecutorService starter = Executors.newFixedThreadPool(3);
        try {
            for (int i = 1; i <= 2; i++) {
                int instance = i;
                List<Future<ServiceProcess>> started = new ArrayList<>();
                for (String service : SERVICES) {
                    started.add(starter.submit(() -> ServiceProcess.start(service, service + "-replica-" + instance,
                            env(service, instance == 1))));
                }
                for (int s = 0; s < SERVICES.size(); s++) {
                    instances.computeIfAbsent(SERVICES.get(s), k -> new ArrayList<>())
                            .add(started.get(s).get(4, TimeUnit.MINUTES));
                }
                log("instance " + instance + " of each service ready");
            }
        } finally {
            starter.shutdown();
        }
        List<String> specs = new ArrayList<>();
        for (String service : SERVICES) {
            int port = freePort();
            balanced.put(service, "http://localhost:" + port);
            specs.add(service + ":" + port + ":" + instances.get(service).stream()
                    .map(p -> String.valueOf(p.port())).collect(Collectors.joining(",")));
        }
        Path dir = ServiceProcess.ROOT.resolve("platform-tests/target/replicas");
        Files.createDirectories(dir);
        Path cfg = dir.resolve("haproxy.cfg");
        List<String> generate = new ArrayList<>(List.of("bash",
                ServiceProcess.ROOT.resolve("deploy/local/haproxy-config.sh").toString()));
        generate.addAll(specs);
        Process gen = new ProcessBuilder(generate).redirectOutput(cfg.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertEquals(0, gen.waitFor(), "haproxy-config.sh " + specs);
        haproxy = new ProcessBuilder(haproxyBinary(), "-db", "-f", cfg.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("haproxy.log").toFile()).start();
        // HAProxy answers once both instances of every service passed their readiness check
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).ignoreExceptions().until(() -> {
            for (String s : SERVICES) {
                if (servedBy(s, 6).size() != 2) {
                    return false;
                }
            }
            return true;
        });
        log("haproxy balancing " + specs);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (haproxy != null) {
            haproxy.destroy();
            haproxy.waitFor(10, TimeUnit.SECONDS);
        }
        for (List<ServiceProcess> list : instances.values()) {
            for (ServiceProcess p : list) {
                if (p.isAlive()) {
                    p.close();
                }
            }
        }
    }

    private static Map<String, String> env(String service, boolean first) {
        Map<String, String> env = new HashMap<>();
        String db = service.replace('-', '_') + "_replicas";
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + System.getenv().getOrDefault("DB_HOST", "127.0.0.1")
                + ":" + System.getenv().getOrDefault("DB_PORT", "55432") + "/" + db);
        // the first instance starts from an empty database; the second joins it as it is
        env.put("QUARKUS_FLYWAY_CLEAN_AT_START", Boolean.toString(first));
        env.put("PLATFORM_TOPICS_CASE_EVENTS", CASE_TOPIC);
        env.put("PLATFORM_TOPICS_REFERRAL_EVENTS", REFERRAL_TOPIC);
        switch (service) {
            case "case-service" -> env.put("CASE_REFERRAL_EVENTS_CONSUMER_GROUP", CASES_GROUP);
            case "referral-service" -> {
                env.put("REFERRAL_CASE_EVENTS_GROUP", REFERRALS_GROUP);
                env.put("REFERRAL_API_KEYS_RATE_LIMIT_REQUESTS", Integer.toString(RATE_LIMIT));
            }
            default -> {
                env.put("REPORTING_CONSUMER_GROUP_PREFIX", REPORTING_PREFIX);
                env.put("REPORTING_SUPPRESSION_MIN_COUNT", "1");
            }
        }
        return env;
    }

    // ------------------------------------------------------------------ spread

    @Test
    @Order(1)
    void requestsThroughHaproxyAreSpreadOverBothInstancesOfEachService() throws Exception {
        for (String service : SERVICES) {
            Map<String, Integer> served = servedBy(service, 20);
            assertEquals(Set.of(service + "-1", service + "-2"), served.keySet(), service + ": " + served);
            served.forEach((instance, n) -> assertTrue(n >= 5, instance + " served " + n + " of 20: " + served));
        }
        // an API call too, not only the health endpoint: the same token works on either instance
        Map<String, Integer> api = new TreeMap<>();
        for (int i = 0; i < 10; i++) {
            Http.Resp r = Http.get(balanced.get("case-service") + "/clients?size=1", auth(DemoUsers.INTAKE_POLTAVA));
            assertEquals(200, r.status(), r.toString());
            api.merge(r.header("X-Served-By"), 1, Integer::sum);
        }
        assertEquals(Set.of("case-service-1", "case-service-2"), api.keySet(), "GET /clients served by " + api);
    }

    // ------------------------------------------------------------------ consumer groups

    @Test
    @Order(2)
    void theTwoConsumersOfAGroupSplitThePartitions() throws Exception {
        try (Admin admin = admin()) {
            String reportingGroup = await().atMost(Duration.ofSeconds(30)).until(() ->
                    admin.listConsumerGroups().all().get(8, TimeUnit.SECONDS).stream()
                            .map(g -> g.groupId()).filter(g -> g.startsWith(REPORTING_PREFIX)).findFirst().orElse(null),
                    g -> g != null);
            Map<String, List<String>> groups = Map.of(CASES_GROUP, List.of(REFERRAL_TOPIC),
                    REFERRALS_GROUP, List.of(CASE_TOPIC), reportingGroup, List.of(CASE_TOPIC, REFERRAL_TOPIC));
            for (Map.Entry<String, List<String>> g : groups.entrySet()) {
                Set<TopicPartition> all = new HashSet<>();
                for (String topic : g.getValue()) {
                    for (int p = 0; p < 3; p++) {
                        all.add(new TopicPartition(topic, p));
                    }
                }
                // a rebalance may still be settling after the second instance joined
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                        .untilAsserted(() -> {
                            ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(g.getKey()))
                                    .describedGroups().get(g.getKey()).get(8, TimeUnit.SECONDS);
                            List<Set<TopicPartition>> assigned = d.members().stream()
                                    .map(m -> m.assignment().topicPartitions()).toList();
                            assertEquals(2, assigned.size(), g.getKey() + " members: " + d.members());
                            assertTrue(assigned.stream().noneMatch(Set::isEmpty), "each consumer reads: " + assigned);
                            Set<TopicPartition> union = new HashSet<>();
                            assigned.forEach(union::addAll);
                            assertEquals(all, union, "every partition read: " + assigned);
                            assertEquals(all.size(), assigned.stream().mapToInt(Set::size).sum(),
                                    "no partition read by both: " + assigned);
                        });
                log(g.getKey() + ": " + admin.describeConsumerGroups(List.of(g.getKey())).describedGroups()
                        .get(g.getKey()).get().members().stream().map(MemberDescription::assignment).toList());
            }
        }
    }

    // ------------------------------------------------------------------ rate limit

    @Test
    @Order(3)
    void aPartnersRateLimitIsTheSameTotalWithTwoInstancesAsWithOne() throws Exception {
        String referrals = balanced.get("referral-service");
        String partnerId = Http.send("POST", referrals + "/partners", auth(DemoUsers.ADMIN), Map.of(
                "name", "Партнер " + UUID.randomUUID(), "sector", "EMPLOYMENT",
                "description", "Партнерська організація громади", "phone", "+380 532 56 00 00"), Duration.ofSeconds(20))
                .body().path("id").asText();
        String viaBoth = key(referrals, partnerId);
        String viaOne = key(referrals, partnerId);

        Map<String, Integer> both = partnerRequests(referrals, viaBoth, RATE_LIMIT + 15);
        Map<String, Integer> one = partnerRequests(instances.get("referral-service").get(0).url(), viaOne,
                RATE_LIMIT + 15);
        log("rate limit through haproxy " + both + ", on one instance " + one);
        assertEquals(RATE_LIMIT, both.get("200"), "admitted through both instances: " + both);
        assertEquals(RATE_LIMIT, one.get("200"), "admitted by one instance: " + one);
        assertEquals(15, both.get("429"), "refused through both instances: " + both);
        assertTrue(both.getOrDefault("served by referral-service-1", 0) > 0
                && both.getOrDefault("served by referral-service-2", 0) > 0, "both instances counted: " + both);
    }

    private static String key(String referrals, String partnerId) throws Exception {
        Http.Resp r = Http.send("POST", referrals + "/partners/" + partnerId + "/api-keys", auth(DemoUsers.ADMIN),
                Map.of("label", "replicas"), Duration.ofSeconds(20));
        assertEquals(201, r.status(), r.toString());
        return r.body().path("key").asText();
    }

    /** Sends n partner requests one after the other; statuses and instances counted. */
    private static Map<String, Integer> partnerRequests(String base, String key, int n) throws Exception {
        Map<String, Integer> seen = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            Http.Resp r = Http.get(base + "/partner/referrals", Map.of("X-API-Key", key));
            seen.merge(String.valueOf(r.status()), 1, Integer::sum);
            if (r.header("X-Served-By") != null) {
                seen.merge("served by " + r.header("X-Served-By"), 1, Integer::sum);
            }
            if (r.status() == 429) {
                assertTrue(r.isProblem() && r.body().path("type").asText().endsWith("rate-limited"), r.toString());
                assertNotNull(r.header("Retry-After"), "Retry-After on " + r);
            } else {
                assertEquals(200, r.status(), r.toString());
            }
        }
        return seen;
    }

    // ------------------------------------------------------------------ an instance killed mid-load

    @Test
    @Order(4)
    void killingOneInstanceMidLoadLosesNoAcknowledgedWriteAndEachEventIsAppliedOnce() throws Exception {
        String cases = balanced.get("case-service");
        Map<String, Long> before = figures();
        List<String> clients = Collections.synchronizedList(new ArrayList<>());
        List<String> appeals = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> clientSaw = new ConcurrentHashMap<>();
        Map<String, Integer> servedBy = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(6);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            workers.add(load.submit(() -> {
                while (running.get()) {
                    String clientId = write(cases + "/clients", Load.clientBody(), clientSaw, servedBy);
                    clients.add(clientId);
                    appeals.add(write(cases + "/appeals", Map.of("clientId", clientId, "channel", "IN_PERSON",
                            "needDomains", List.of("EMPLOYMENT", "HOUSING")), clientSaw, servedBy));
                }
                return null;
            }));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> appeals.size() >= 30);
        ServiceProcess victim = instances.get("case-service").get(0);
        log("killing " + victim.name() + " after " + appeals.size() + " acknowledged appeals");
        victim.kill();
        int atKill = appeals.size();
        await().atMost(Duration.ofSeconds(60)).until(() -> appeals.size() >= atKill + 30);
        running.set(false);
        for (Future<?> w : workers) {
            w.get(2, TimeUnit.MINUTES);
        }
        load.shutdown();
        log("load over: " + clients.size() + " clients, " + appeals.size() + " appeals acknowledged; clients saw "
                + clientSaw + "; served by " + servedBy);

        // clients saw nothing but acknowledged answers and, at most, connection errors they retried
        Set<String> allowed = Set.of("201", "connection error (retried)", "502 (retried)", "503 (retried)",
                "504 (retried)");
        assertTrue(allowed.containsAll(clientSaw.keySet()), "answers seen by the clients: " + clientSaw);
        assertTrue(servedBy.getOrDefault("case-service-2", 0) > 0, "the survivor took the load: " + servedBy);

        // every acknowledged write is there (read through HAProxy: only the survivor answers now)
        Map<String, String> sup = auth(DemoUsers.SUPERVISOR_POLTAVA);
        for (String id : List.copyOf(clients)) {
            assertEquals(200, Http.get(cases + "/clients/" + id, sup).status(), "acknowledged client " + id);
        }
        for (String id : List.copyOf(appeals)) {
            assertEquals(200, Http.get(cases + "/appeals/" + id, sup).status(), "acknowledged appeal " + id);
        }

        // ... and reaches reporting exactly once: the figures moved by exactly what was acknowledged
        Map<String, Long> expected = new LinkedHashMap<>(before);
        expected.merge("persons", (long) clients.size(), Long::sum);
        expected.merge("appeals", (long) appeals.size(), Long::sum);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> figures().equals(expected));
        assertEquals(expected, figures(), "the ministry's figures");

        // Each event on the topic once, except one round of the killed relay: killed between Kafka's acknowledgement
        // and its commit, its round stays unpublished in the outbox and the survivor publishes it again (at least
        // once, ADR 0004; the inbox applies it once: the figures above). Such copies are the signature of that one
        // round: no event three times, and on each partition the first copies are one unbroken run of offsets,
        // all before the second copies. A relay that published anything else twice breaks one of these.
        List<Published> events = published(CASE_TOPIC);
        Map<String, List<Published>> byId = events.stream().collect(Collectors.groupingBy(Published::id));
        List<List<Published>> repeated = byId.values().stream().filter(c -> c.size() > 1).toList();
        log(repeated.size() + " events published again after the kill (the killed relay's round), of " + events.size());
        Map<Integer, List<Published>> firsts = new HashMap<>();
        List<Published> seconds = new ArrayList<>();
        for (List<Published> copies : repeated) {
            assertEquals(2, copies.size(), "an event at most twice: " + copies);
            Published first = copies.get(0).offset() < copies.get(1).offset() ? copies.get(0) : copies.get(1);
            Published second = first == copies.get(0) ? copies.get(1) : copies.get(0);
            assertEquals(first.partition(), second.partition(), "both copies under the same key: " + copies);
            firsts.computeIfAbsent(first.partition(), k -> new ArrayList<>()).add(first);
            seconds.add(second);
        }
        Map<Integer, Long> roundEnds = new HashMap<>();
        firsts.forEach((partition, round) -> {
            long lo = round.stream().mapToLong(Published::offset).min().orElseThrow();
            long hi = round.stream().mapToLong(Published::offset).max().orElseThrow();
            assertEquals(hi - lo + 1, round.size(), "the events published again are one round, on partition "
                    + partition + ": " + round);
            roundEnds.put(partition, hi);
        });
        for (Published second : seconds) {
            assertTrue(second.offset() > roundEnds.get(second.partition()),
                    "a second copy comes after the killed relay's round: " + second);
        }
        assertTrue(byId.size() >= clients.size() + appeals.size(), "an event for every acknowledged write: " + byId.size());
    }

    /**
     * POSTs until acknowledged, with one Idempotency-Key for all attempts; retries what a client retries
     * (no answer, or a gateway error of HAProxy) and counts what it saw. Returns the created id.
     */
    private static String write(String url, Map<String, Object> body, Map<String, Integer> saw,
                                Map<String, Integer> servedBy) throws Exception {
        String idempotencyKey = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 20; attempt++) {
            Map<String, String> headers = new HashMap<>(auth(DemoUsers.INTAKE_POLTAVA));
            headers.put("Idempotency-Key", idempotencyKey);
            Http.Resp r;
            try {
                r = Http.send("POST", url, headers, body, Duration.ofSeconds(30));
            } catch (IOException e) {
                saw.merge("connection error (retried)", 1, Integer::sum);
                continue;
            }
            if (r.status() == 502 || r.status() == 503 && !r.isProblem() || r.status() == 504) {
                saw.merge(r.status() + " (retried)", 1, Integer::sum);
                continue;
            }
            saw.merge(String.valueOf(r.status()), 1, Integer::sum);
            if (r.header("X-Served-By") != null) {
                servedBy.merge(r.header("X-Served-By"), 1, Integer::sum);
            }
            if (r.status() != 201) {
                throw new AssertionError("POST " + url + " → " + r);
            }
            return r.body().path("id").asText();
        }
        throw new AssertionError("POST " + url + " not acknowledged after 20 attempts");
    }

    // ------------------------------------------------------------------ helpers

    private static Map<String, String> auth(String user) {
        return Map.of("Authorization", Tokens.bearer(user));
    }

    /** Which instances served n health requests through HAProxy. */
    private static Map<String, Integer> servedBy(String service, int n) throws Exception {
        Map<String, Integer> served = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            Http.Resp r = Http.get(balanced.get(service) + "/q/health/ready", Map.of());
            if (r.status() == 200 && r.header("X-Served-By") != null) {
                served.merge(r.header("X-Served-By"), 1, Integer::sum);
            }
        }
        return served;
    }

    /** The applicants figures of the Poltava community this year, from the ministry's statistics. */
    private static Map<String, Long> figures() throws Exception {
        Http.Resp r = Http.get(balanced.get("reporting-service") + "/statistics?from=" + ThisYear.from() + "&to="
                + ThisYear.to() + "&hromada=" + Load.HROMADA, auth(DemoUsers.ANALYST));
        if (r.status() != 200) {
            throw new IllegalStateException("statistics: " + r);
        }
        JsonNode applicants = null;
        for (JsonNode t : r.body().path("tables")) {
            if (t.path("name").asText().equals("applicants")) {
                applicants = t;
            }
        }
        if (applicants == null) {
            throw new IllegalStateException("no applicants table: " + r);
        }
        List<String> columns = new ArrayList<>();
        applicants.path("columns").forEach(c -> columns.add(c.path("key").asText()));
        Map<String, Long> f = new LinkedHashMap<>();
        for (String c : List.of("persons", "appeals")) {
            f.put(c, applicants.path("total").path("cells").path(columns.indexOf(c)).path("value").asLong(0));
        }
        return f;
    }

    /** An event as it stands on the topic. */
    private record Published(String id, int partition, long offset) {
    }

    /** Every event on the topic (its ce_id and place), from its beginning to its current end. */
    private static List<Published> published(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<Published> events = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            Instant deadline = Instant.now().plusSeconds(60);
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                    var h = r.headers().lastHeader("ce_id");
                    events.add(new Published(h == null ? "no ce_id at " + r.partition() + "/" + r.offset()
                            : new String(h.value(), StandardCharsets.UTF_8), r.partition(), r.offset()));
                }
            }
        }
        return events;
    }

    private static Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 8000);
        return Admin.create(p);
    }

    private static String haproxyBinary() {
        for (String candidate : List.of("/usr/sbin/haproxy", "/usr/local/sbin/haproxy", "/usr/bin/haproxy")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("haproxy is not installed: ./platform test installs it (apt-get install haproxy)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
