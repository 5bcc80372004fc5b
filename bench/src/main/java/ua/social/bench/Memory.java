package ua.social.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Resident memory (VmRSS in /proc/&lt;pid&gt;/status) of each service, the pids read from the platform's run
 * directory ({@code <service>.pid}, as {@code ./platform up} writes them).
 */
final class Memory {

    private final Path runDir;

    Memory(Path runDir) {
        this.runDir = runDir;
    }

    /** MB resident per service now; a service without a pid file or process is left out. */
    Map<String, Long> sample() {
        Map<String, Long> out = new LinkedHashMap<>();
        if (runDir == null) {
            return out;
        }
        for (String svc : Bench.SERVICES) {
            Long kb = rssKb(svc);
            if (kb != null) {
                out.put(svc, kb / 1024);
            }
        }
        return out;
    }

    /**
     * Samples at a fixed rate into {@code max} (the highest per service) until the returned scheduler is shut down;
     * {@code max} is complete once it has terminated.
     */
    ScheduledExecutorService sampleMaxEvery(Duration period, Map<String, Long> max) {
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-rss");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(() -> sample().forEach((k, v) -> max.merge(k, v, Math::max)), 0,
                period.toMillis(), TimeUnit.MILLISECONDS);
        return sampler;
    }

    private Long rssKb(String svc) {
        try {
            Path pidFile = runDir.resolve(svc + ".pid");
            if (!Files.exists(pidFile)) {
                return null;
            }
            return rssOfTree(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    /**
     * VmRSS of the process, or of the java process under it: the recorded pid may be a launcher
     * ({@code setsid}, {@code env}) that runs java as its child.
     */
    private static Long rssOfTree(long pid) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return null;
        }
        String name = "";
        Long rss = null;
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("Name:")) {
                name = line.substring(5).trim();
            } else if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        if (name.equals("java") && rss != null) {
            return rss;
        }
        Path children = Path.of("/proc", Long.toString(pid), "task", Long.toString(pid), "children");
        if (Files.exists(children)) {
            for (String child : Files.readString(children).trim().split("\\s+")) {
                if (!child.isEmpty()) {
                    Long c = rssOfTree(Long.parseLong(child));
                    if (c != null) {
                        return c;
                    }
                }
            }
        }
        return rss;
    }
}
