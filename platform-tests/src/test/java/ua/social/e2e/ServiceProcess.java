package ua.social.e2e;

import ua.social.contracts.testing.TestTopics;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * One packaged service started as a real process for a cross-service test: a free port, the
 * service's *_e2e database cleaned by Flyway at start, a consumer group of its own, the platform's
 * Kafka and Keycloak. Its log goes to target/e2e-logs/. Every process started here is stopped when the
 * test JVM exits, whether or not its test got as far as closing it (e.g. when a later service of the same
 * test failed to start), so no service outlives the run.
 */
public final class ServiceProcess implements AutoCloseable {

    public static final Path ROOT = Path.of(System.getProperty("platform.root", ".."));

    /** The processes started and not yet seen dead, stopped by one shutdown hook of the test JVM. */
    private static final Set<Process> STARTED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            STARTED.forEach(Process::destroy);
            for (Process p : STARTED) {
                try {
                    if (!p.waitFor(20, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    p.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
        }, "stop-service-processes"));
    }

    private final String name;
    private final int port;
    private final Path log;
    private final Map<String, String> env;
    private final Path jar;
    private volatile Process process;

    private ServiceProcess(String name, int port, Path log, Map<String, String> env, Path jar) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.env = env;
        this.jar = jar;
    }

    public static ServiceProcess start(String service, Map<String, String> extraEnv) throws IOException {
        return start(service, service, extraEnv);
    }

    /**
     * Starts one instance of the service named {@code instance} (its log: target/e2e-logs/INSTANCE.log), so
     * several instances of one service can run side by side; {@code extraEnv} overrides the defaults.
     */
    public static ServiceProcess start(String service, String instance, Map<String, String> extraEnv) throws IOException {
        Path jar = ROOT.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw package)");
        }
        int port = freePort();
        String db = service.replace('-', '_');
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("PLATFORM_DEMO_SECRETS_ALLOWED", "true"); // the local platform runs with its demo secrets
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + env("DB_HOST", "127.0.0.1") + ":"
                + env("DB_PORT", "55432") + "/" + db + "_e2e");
        env.put("QUARKUS_FLYWAY_CLEAN_AT_START", "true");
        env.put("QUARKUS_FLYWAY_CLEAN_DISABLED", "false");
        env.put("KAFKA_BOOTSTRAP_SERVERS", env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        env.put("KEYCLOAK_URL", env("KEYCLOAK_URL", "http://localhost:8180"));
        // this run's topics, not the running platform's
        env.put("PLATFORM_TOPICS_CASE_EVENTS", TestTopics.caseEvents());
        env.put("PLATFORM_TOPICS_REFERRAL_EVENTS", TestTopics.referralEvents());
        env.put("PLATFORM_TOPICS_CREATE", "true");
        env.putAll(extraEnv);
        Path logs = ROOT.resolve("platform-tests/target/e2e-logs");
        Files.createDirectories(logs);
        Path log = logs.resolve(instance + ".log");
        Files.deleteIfExists(log);
        ServiceProcess sp = new ServiceProcess(instance, port, log, env, jar);
        sp.launch(env);
        return sp;
    }

    private void launch(Map<String, String> environment) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx384m", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(environment);
        process = pb.start();
        STARTED.add(process);
        try {
            awaitReady();
        } catch (RuntimeException e) {
            // not ready in time: stop it now rather than leave it holding its port and consumer group
            process.destroyForcibly();
            throw e;
        }
    }

    /** Kills the process as a crash would ({@code kill -9}: no shutdown hooks, no graceful stop). */
    public void kill() throws InterruptedException {
        Process p = process;
        p.destroyForcibly();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " (pid " + p.pid() + ") did not die on SIGKILL");
        }
    }

    /**
     * Starts the service again after {@link #kill()}, on the same port, database (not cleaned this
     * time) and consumer groups, and waits until it is ready.
     */
    public void restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        Map<String, String> again = new HashMap<>(env);
        again.put("QUARKUS_FLYWAY_CLEAN_AT_START", "false");
        launch(again);
    }

    public String name() {
        return name;
    }

    /** The process id (for reading its resident memory from /proc). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** A consumer group no earlier run used, so the service reads its topics from the start. */
    public static String freshGroup(String service) {
        return service + "-e2e-" + UUID.randomUUID();
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited; see " + log);
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
                return r.statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        Process process = this.process;
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
