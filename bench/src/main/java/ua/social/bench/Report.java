package ua.social.bench;

import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a run's figures: bench.json (all of them, and the targets), bench.md (the report), latency.svg. */
final class Report {

    static final String JSON_FILE = "bench.json";
    static final String MARKDOWN_FILE = "bench.md";
    static final String CHART_FILE = "latency.svg";

    /** A target of issue 12: what is measured, the bound, the value, and whether it is met. */
    record Target(String name, String bound, Double value, String unit, Boolean met, String note) {
    }

    private final Map<String, Object> f;
    private final List<LoadGenerator.Result> results;

    Report(Map<String, Object> figures, List<LoadGenerator.Result> results) {
        this.f = figures;
        this.results = results;
    }

    Path write(Path dir) throws IOException {
        List<Target> targets = targets();
        List<Map<String, Object>> t = new ArrayList<>();
        for (Target x : targets) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", x.name());
            m.put("bound", x.bound());
            m.put("value", x.value());
            m.put("unit", x.unit());
            m.put("met", x.met());
            m.put("note", x.note());
            t.add(m);
        }
        f.put("targets", t);
        Api.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(JSON_FILE).toFile(), f);
        Bench.write(dir.resolve(CHART_FILE), svg());
        Path md = dir.resolve(MARKDOWN_FILE);
        Bench.write(md, markdown(targets));
        return md;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(String key) {
        Object v = f.get(key);
        return v instanceof Map ? (Map<String, Object>) v : Map.of();
    }

    private static Double num(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v instanceof Number n ? n.doubleValue() : null;
    }

    private long cases() {
        Object v = map("dataset").get("social_case");
        return v instanceof Number n ? n.longValue() : 0;
    }

    List<Target> targets() {
        List<Target> out = new ArrayList<>();
        Double pg = num(map("pgbench"), "tps");
        Double max = num(map("writePath"), "maxThroughput");
        Double ratio = pg == null || max == null || pg == 0 ? null : max / pg;
        out.add(below("write path throughput ≥ 0.25 × pgbench tps", "≥ 0.25", ratio, "× pgbench", false, 0.25, null));
        out.add(below("write path p99 at half the maximum", "< 25 ms",
                num(sub("writePath", "atHalf"), "p99Ms"), "ms", true, 25, null));
        out.add(below("referral change → case timeline entry p99 under write load", "< 250 ms",
                num(map("referralToTimeline"), "p99Ms"), "ms", true, 250, null));
        String scale = cases() >= 1_000_000 ? null : "dataset of " + cases() + " cases, not 1 M: not at the target's scale";
        out.add(below("case list p95 (filters)", "< 100 ms", num(map("caseList"), "p95Ms"), "ms", true, 100, scale));
        out.add(below("client search by name p95", "< 100 ms", num(map("clientSearch"), "p95Ms"), "ms", true, 100, scale));
        for (String s : List.of("statisticsNational", "statisticsOblast", "statisticsCommunity")) {
            out.add(below("ministry statistics p95, " + s.substring("statistics".length()).toLowerCase(Locale.ROOT)
                    + ", 12 months", "< 50 ms", num(map(s), "p95Ms"), "ms", true, 50, scale));
        }
        out.add(below("replay into reporting", "≥ 50,000 events/s", num(map("replay"), "eventsPerSecond"), "events/s",
                false, 50_000, null));
        out.add(below("outbox relay", "≥ 10,000 events/s", num(map("relay"), "eventsPerSecond"), "events/s",
                false, 10_000, null));
        Map<String, Object> rss = map("memoryUnderLoadMb");
        for (String svc : Bench.SERVICES) {
            out.add(below(svc + " resident under load", "< 300 MB", num(rss, svc), "MB", true, 300,
                    rss.containsKey(svc) ? null : "no pid file for it in the run directory"));
        }
        Double warm = num(map("platformUp"), "warmSeconds");
        out.add(below("warm ./platform up", "< 60 s", warm, "s", true, 60,
                warm == null ? "not timed in this run (quick mode, or not started by ./platform bench)" : null));
        return out;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> sub(String key, String inner) {
        Object v = map(key).get(inner);
        return v instanceof Map ? (Map<String, Object>) v : Map.of();
    }

    private static Target below(String name, String bound, Double value, String unit, boolean lessIsBetter,
                                double limit, String note) {
        Boolean met = value == null ? null : lessIsBetter ? value < limit : value >= limit;
        Double shown = value == null ? null : Math.abs(value) < 1 ? Math.round(value * 10_000) / 10_000.0 : LoadGenerator.round(value);
        return new Target(name, bound, shown, unit, met, note);
    }

    // --- Markdown ------------------------------------------------------------------------------------

    private String markdown(List<Target> targets) {
        StringBuilder b = new StringBuilder();
        Map<String, Object> run = map("run");
        Map<String, Object> machine = map("machine");
        b.append("# `./platform bench` report\n\n");
        b.append("Run ").append(run.get("startedAt")).append(" → ").append(run.get("finishedAt")).append(". ");
        if (Boolean.TRUE.equals(run.get("quick"))) {
            b.append("**Quick mode**: a tiny dataset and scenarios of a second or two, to keep the harness working; "
                    + "these figures are not the platform's performance. ");
        }
        if (Boolean.TRUE.equals(run.get("sharedMachine"))) {
            b.append("**The machine was shared** with other work while this ran: the figures are lower bounds. ");
        }
        Map<String, Object> failedSteps = map("failedSteps");
        if (!failedSteps.isEmpty()) {
            b.append("\n\n**Steps that failed** (their figures are missing below):\n");
            failedSteps.forEach((k, v) -> b.append("\n- ").append(k).append(": ").append(v));
        }
        b.append("\n\n## Machine\n\n| | |\n|---|---|\n");
        machine.forEach((k, v) -> b.append("| ").append(k).append(" | ").append(v).append(" |\n"));

        b.append("\n## Dataset\n\n| table | rows |\n|---|---:|\n");
        map("dataset").forEach((k, v) -> b.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        Map<String, Object> seeding = map("seeding");
        StringBuilder rows = new StringBuilder();
        if (seeding.get("rows") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> rows.append(rows.isEmpty() ? "" : ", ").append(v).append(' ').append(k));
        }
        b.append("\nSeeding (COPY of this run's rows and their outbox events, one transaction): ")
                .append(rows).append(" rows in ").append(seeding.get("seconds")).append(" s (")
                .append(seeding.get("rowsPerSecond")).append(" rows/s).\n");
        if (seeding.get("secondsPerStep") instanceof Map<?, ?> steps) {
            StringBuilder t = new StringBuilder();
            steps.forEach((k, v) -> t.append(t.isEmpty() ? "" : ", ").append(k).append(' ').append(v).append(" s"));
            b.append("Seconds per step: ").append(t).append(".\n");
        }

        Map<String, Object> pg = map("pgbench");
        Double tps = num(pg, "tps");
        b.append("\n## Baseline: PostgreSQL alone\n\n`pgbench`, ").append(pg.get("clients")).append(" clients, ")
                .append(pg.get("seconds")).append(" s, one-row INSERT transactions: **")
                .append(pg.get("tps")).append(" tps**, average latency ").append(pg.get("latencyAverageMs")).append(" ms.\n");

        b.append("\n## Scenarios\n\nOpen-loop (fixed request rate, latency from the intended send time) unless "
                + "the mode says otherwise.\n\n| scenario | mode | rate asked | throughput | × pgbench | p50 ms | p95 ms | p99 ms | max ms | errors |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        Map<String, Object> w = map("writePath");
        Object ramp = w.get("ramp");
        if (ramp instanceof List<?> steps) {
            for (Object s : steps) {
                if (s instanceof Map<?, ?> m) {
                    row(b, "POST /appeals ramp", m, tps);
                }
            }
        }
        for (LoadGenerator.Result r : results) {
            row(b, r.name(), r.figures(), tps);
        }
        b.append("\nWrite path maximum (best of the closed-loop ramp): **").append(w.get("maxThroughput"))
                .append(" requests/s**").append(tps == null ? "" : String.format(Locale.ROOT, " = %.4f × pgbench",
                        ((Number) w.getOrDefault("maxThroughput", 0)).doubleValue() / tps)).append(".\n");
        Map<String, Object> firstAnswers = map("statisticsFirstAnswerSeconds");
        if (!firstAnswers.isEmpty()) {
            StringBuilder t = new StringBuilder();
            firstAnswers.forEach((k, v) -> t.append(t.isEmpty() ? "" : ", ").append(k).append(' ').append(v).append(" s"));
            b.append("\nMinistry statistics: the first answer of each request is computed from the read models and "
                    + "then kept until they change (reporting-service README, \"Kept answers\"); the scenarios above "
                    + "read after it. Seconds until the first answer (503 statistics-busy with Retry-After while it is "
                    + "computed): ").append(t).append(".\n");
        }
        Map<String, Object> rtt = map("referralToTimeline");
        b.append("\nReferral change → timeline: a partner's transition (API key) timed from its 200 to the first poll of the "
                + "case timeline (every ").append(rtt.get("pollIntervalMs")).append(" ms) that shows the entry, while ")
                .append(rtt.get("backgroundWriteRate")).append(" POST /appeals/s run in the background.\n");

        b.append("\n## Event flow\n\n| figure | events | seconds | events/s | finished in the window |\n|---|---:|---:|---:|---|\n");
        flow(b, "outbox relay (seeded outbox drained, from the commit)", map("relay"), "seconds", "drained");
        flow(b, "reporting applies the seeded events (lag 0, from the commit)", map("reportingApply"), "secondsFromCommit",
                "caughtUp");
        flow(b, "replay of every event into reporting (POST /admin/replays → COMPLETED)", map("replay"), "seconds",
                "completed");

        b.append("\n## Resident memory (VmRSS, MB)\n\n| service | idle | under load (max) |\n|---|---:|---:|\n");
        for (String svc : Bench.SERVICES) {
            b.append("| ").append(svc).append(" | ").append(map("memoryIdleMb").getOrDefault(svc, "—")).append(" | ")
                    .append(map("memoryUnderLoadMb").getOrDefault(svc, "—")).append(" |\n");
        }
        Map<String, Object> up = map("platformUp");
        b.append("\n## `./platform up`\n\nwarm: ").append(up.get("warmSeconds") == null ? "not timed" : up.get("warmSeconds") + " s")
                .append("; cold: ").append(up.get("coldSeconds") == null ? "not timed" : up.get("coldSeconds") + " s").append(".\n");

        b.append("\n## Targets (issue 12)\n\n| target | bound | measured | met |\n|---|---|---:|---|\n");
        for (Target t : targets) {
            b.append("| ").append(t.name()).append(" | ").append(t.bound()).append(" | ")
                    .append(t.value() == null ? "—" : t.value() + " " + t.unit()).append(" | ")
                    .append(t.met() == null ? "not measured" : t.met() ? "met" : "**not met**")
                    .append(t.note() == null ? "" : " (" + t.note() + ")").append(" |\n");
        }
        b.append("\n![latency](").append(CHART_FILE).append(")\n");
        return b.toString();
    }

    private static void row(StringBuilder b, String name, Map<?, ?> m, Double tps) {
        Object thr = m.get("throughput");
        String ratio = tps == null || !(thr instanceof Number n) || !String.valueOf(m.get("mode")).contains("loop")
                ? "" : String.format(Locale.ROOT, "%.4f", n.doubleValue() / tps);
        b.append("| ").append(name).append(" | ").append(m.get("mode")).append(" | ")
                .append(m.get("requestedRate") == null ? "" : m.get("requestedRate")).append(" | ")
                .append(thr).append(" | ").append(ratio).append(" | ").append(m.get("p50Ms")).append(" | ")
                .append(m.get("p95Ms")).append(" | ").append(m.get("p99Ms")).append(" | ").append(m.get("maxMs"))
                .append(" | ").append(m.get("errors")).append(" |\n");
    }

    private static void flow(StringBuilder b, String name, Map<String, Object> m, String seconds, String finished) {
        b.append("| ").append(name).append(" | ").append(m.containsKey("events") ? m.get("events") : m.get("records"))
                .append(" | ").append(m.get(seconds)).append(" | ").append(m.get("eventsPerSecond")).append(" | ")
                .append(Boolean.TRUE.equals(m.get(finished)) ? "yes" : "**no**: measured over the window, the rest goes on in the background")
                .append(" |\n");
    }

    // --- chart ---------------------------------------------------------------------------------------

    /** p50/p95/p99 per scenario as grouped bars on a logarithmic axis (0.1 ms … the largest p99). */
    String svg() {
        int rowH = 46;
        int left = 300;
        int width = 960;
        int plot = width - left - 40;
        int height = 60 + rowH * Math.max(1, results.size()) + 40;
        double top = 1;
        for (LoadGenerator.Result r : results) {
            top = Math.max(top, r.latency().getValueAtPercentile(99) / 1000.0);
        }
        double lo = Math.log10(0.1);
        double hi = Math.log10(top) + 0.2;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append("<text x=\"10\" y=\"20\" font-size=\"15\">Latency per scenario (ms, log scale): p50, p95, p99</text>\n");
        String[] colours = {"#4c78a8", "#f58518", "#e45756"};
        String[] labels = {"p50", "p95", "p99"};
        for (int k = 0; k < 3; k++) {
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"30\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"40\">%s</text>\n", left + k * 70, colours[k], left + k * 70 + 16, labels[k]));
        }
        for (double tick = 0.1; tick <= Math.pow(10, hi); tick *= 10) {
            double x = left + plot * (Math.log10(tick) - lo) / (hi - lo);
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"50\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x, x, height - 30, x, height - 15,
                    tick < 1 ? String.format(Locale.ROOT, "%.1f", tick) : String.format(Locale.ROOT, "%.0f", tick)));
        }
        int y = 56;
        for (LoadGenerator.Result r : results) {
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n", left - 8,
                    y + 20, escape(r.name())));
            double[] p = {50, 95, 99};
            for (int k = 0; k < 3; k++) {
                double ms = Math.max(0.1, r.latency().getValueAtPercentile(p[k]) / 1000.0);
                double w = plot * (Math.log10(ms) - lo) / (hi - lo);
                s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"12\" fill=\"%s\">"
                        + "<title>%s %s: %.2f ms</title></rect>\n", left, y + k * 13, Math.max(1, w), colours[k],
                        escape(r.name()), labels[k], ms));
            }
            y += rowH;
        }
        s.append("</svg>\n");
        return s.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
