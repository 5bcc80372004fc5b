package ua.social.e2e;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The platform's own PostgreSQL, Kafka and Keycloak, as {@code deploy/local/} started them: pids in
 * {@code $PLATFORM_HOME/run/}, data under {@code $PLATFORM_HOME}. Faults are injected with signals and
 * {@code pg_ctl}; {@link #restore()} brings everything back the way an operator does, with
 * {@code ./platform up --infra-only} (which starts only what is missing). Shared infrastructure:
 * only ever used under {@code flock /tmp/platform-test.lock}.
 */
final class Infrastructure {

    static final Path ROOT = ServiceProcess.ROOT.toAbsolutePath().normalize();
    static final Path HOME = Path.of(Optional.ofNullable(System.getenv("PLATFORM_HOME")).filter(s -> !s.isBlank())
            .orElse(ROOT.resolve(".platform").toString())).toAbsolutePath();
    private static final Path LOGS = ROOT.resolve("platform-tests/target/e2e-logs");

    private volatile Long frozenKafka;

    /** The pid a component was started with, while that process lives. */
    Optional<Long> pid(String component) {
        Path f = HOME.resolve("run").resolve(component + ".pid");
        try {
            if (!Files.exists(f)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(f).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    long requirePid(String component) {
        return pid(component).orElseThrow(() -> new IllegalStateException(component
                + " is not running (no live pid in " + HOME.resolve("run") + "); start it with ./platform up --infra-only"));
    }

    boolean allRunning() {
        return pid("postgres").isPresent() && pid("kafka").isPresent() && pid("keycloak").isPresent();
    }

    /** {@code kill -9} of the broker. */
    void killKafka() throws Exception {
        long pid = requirePid("kafka");
        signal("KILL", pid);
        awaitGone(pid, Duration.ofSeconds(20));
    }

    /** {@code kill -STOP} of the broker: the process lives, its sockets stay open, nothing answers. */
    void freezeKafka() throws Exception {
        long pid = requirePid("kafka");
        signal("STOP", pid);
        frozenKafka = pid;
    }

    void thawKafka() throws Exception {
        Long pid = frozenKafka;
        if (pid != null) {
            signal("CONT", pid);
            frozenKafka = null;
        }
    }

    /** {@code pg_ctl stop -m immediate}: every backend ends at once, no checkpoint, recovery at the next start. */
    void crashPostgres() throws Exception {
        long pid = requirePid("postgres");
        run(Duration.ofSeconds(60), "pg-stop", "bash", "-c", "set -uo pipefail; . \"$0/deploy/local/lib.sh\"; "
                + ". \"$0/deploy/local/postgres.sh\"; as_pg \"$(pg_bindir)/pg_ctl\" -D \"$(pg_home)/data\" -m immediate -w stop",
                ROOT.toString());
        awaitGone(pid, Duration.ofSeconds(30));
    }

    /**
     * Keycloak stopped by its recorded pid, as {@code ./platform down} does: SIGTERM to the process group
     * the pid leads (the pid may be {@code kc.sh} with Java as its child), so its H2 database stays intact.
     */
    void stopKeycloak() throws Exception {
        long pid = requirePid("keycloak");
        run(Duration.ofSeconds(10), "kill", "kill", "-TERM", "--", "-" + pid);
        awaitGone(pid, Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> !listening(KEYCLOAK_PORT));
    }

    private static final int KEYCLOAK_PORT = java.net.URI.create(ua.social.identity.testing.Tokens.KEYCLOAK_URL).getPort();

    private static boolean listening(int port) {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /**
     * Back to the state before the fault: a frozen broker resumed, then {@code ./platform up --infra-only}
     * with the same PLATFORM_HOME, which starts whatever is missing and waits until it answers.
     * Safe to call when nothing is wrong.
     */
    void restore() throws Exception {
        thawKafka();
        if (!allRunning()) {
            run(Duration.ofMinutes(5), "platform-up", ROOT.resolve("platform").toString(), "up", "--infra-only");
        }
        if (!allRunning()) {
            throw new IllegalStateException("./platform up --infra-only did not bring the infrastructure back; see "
                    + LOGS.resolve("platform-up.log"));
        }
    }

    private static void signal(String signal, long pid) throws Exception {
        run(Duration.ofSeconds(10), "kill", "kill", "-" + signal, Long.toString(pid));
    }

    private static void awaitGone(long pid, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(200))
                .until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    }

    /** Runs a command with PLATFORM_HOME set, its output appended to target/e2e-logs/NAME.log. */
    private static void run(Duration timeout, String name, String... command) throws Exception {
        Files.createDirectories(LOGS);
        Path log = LOGS.resolve(name + ".log");
        List<String> cmd = new ArrayList<>(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("PLATFORM_HOME", HOME.toString());
        Process p = pb.start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", cmd) + " did not finish in " + timeout + "; see " + log);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed (exit " + p.exitValue() + "); see " + log);
        }
    }
}
