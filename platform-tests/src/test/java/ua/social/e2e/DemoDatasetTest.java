package ua.social.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ua.social.identity.testing.DemoUsers;
import ua.social.identity.testing.Tokens;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.social.e2e.RunningPlatform.as;

/**
 * {@code ./platform demo} (deploy/local/demo.sh) run against the packaged services, twice: the first
 * run fills both demo communities through the public APIs, so that every stage, every referral
 * status and the ministry's figures have data above the suppression threshold, and prints a partner
 * key that works; the second run adds nothing.
 */
class DemoDatasetTest {

    static final Path SCRIPT = ServiceProcess.ROOT.resolve("deploy/local/demo.sh");
    static final Pattern KEY = Pattern.compile("export KEY=(\\S+)");
    /** reporting-service's default small-cell threshold (./platform up publishes nothing below it). */
    static final int K = 5;

    static RunningPlatform platform;

    @BeforeAll
    static void start() throws Exception {
        platform = RunningPlatform.get();
    }

    private static String runDemo(Path state) throws IOException, InterruptedException {
        Path out = Files.createTempFile("demo-", ".log");
        ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("CASE_URL", platform.cases.url());
        pb.environment().put("REFERRAL_URL", platform.referrals.url());
        pb.environment().put("REPORTING_URL", platform.reporting.url());
        pb.environment().put("KEYCLOAK_URL", Tokens.KEYCLOAK_URL);
        pb.environment().put("DEMO_STATE_FILE", state.toString());
        Process p = pb.start();
        if (!p.waitFor(8, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("demo.sh did not finish in 8 minutes:\n" + Files.readString(out, StandardCharsets.UTF_8));
        }
        String log = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "demo.sh output:\n" + log);
        return log;
    }

    private static String key(String log) {
        Matcher m = KEY.matcher(log);
        assertTrue(m.find(), "a partner key is printed:\n" + log);
        return m.group(1);
    }

    private static long lag() {
        return ((Number) as(platform.reporting, DemoUsers.ADMIN).get("/admin/consumer").then().statusCode(200)
                .extract().path("lag")).longValue();
    }

    /** One community's figures for this year (the statistics answer one community per request). */
    private static JsonPath statistics(String hromada) {
        return as(platform.reporting, DemoUsers.ANALYST)
                .queryParam("from", ThisYear.from()).queryParam("to", ThisYear.to())
                .queryParam("hromada", hromada)
                .queryParam("groupBy", "hromada")
                .get("/statistics").then().statusCode(200).extract().jsonPath();
    }

    private static long cell(JsonPath report, String table, String row, String column) {
        List<String> keys = report.getList("tables.find { it.name == '" + table + "' }.columns.key");
        int i = keys.indexOf(column);
        assertTrue(i >= 0, table + " has column " + column + ": " + keys);
        Object v = report.get("tables.find { it.name == '" + table + "' }.rows.find { it.key == '" + row + "' }.cells["
                + i + "].value");
        return v == null ? 0 : ((Number) v).longValue();
    }

    /** What the demo put in: per community, the counts a person would check after loading it. */
    private static Map<String, Long> counts() {
        Map<String, Long> c = new LinkedHashMap<>();
        for (String supervisor : List.of(DemoUsers.SUPERVISOR_POLTAVA, DemoUsers.SUPERVISOR_VINNYTSIA)) {
            for (String stage : List.of("CONTACT", "ASSESSMENT", "PLANNING", "IMPLEMENTATION", "MONITORING", "CLOSED")) {
                c.put(supervisor + " cases " + stage, total(as(platform.cases, supervisor).queryParam("stage", stage)
                        .get("/cases").then().statusCode(200).extract().jsonPath()));
            }
            for (String status : List.of("DRAFT", "REQUESTED", "ACCEPTED", "REJECTED", "IN_PROGRESS", "ON_HOLD",
                    "COMPLETED", "FAILED", "CANCELLED")) {
                c.put(supervisor + " referrals " + status, total(as(platform.referrals, supervisor)
                        .queryParam("status", status).get("/referrals").then().statusCode(200).extract().jsonPath()));
            }
        }
        c.put("demo partners", total(as(platform.referrals, DemoUsers.ADMIN).queryParam("q", "Демо:")
                .get("/partners").then().statusCode(200).extract().jsonPath()));
        return c;
    }

    private static long total(JsonPath page) {
        return page.getLong("totalItems");
    }

    @Test
    void theDemoFillsBothCommunitiesWithFiguresAboveTheThresholdAndASecondRunAddsNothing() throws Exception {
        Path state = Files.createTempFile("demo-partner-", ".env");
        Files.delete(state);

        String first = runDemo(state);
        String key = key(first);

        // Cases in every stage, referrals in every status, in both communities; six demo partners.
        Map<String, Long> loaded = counts();
        loaded.forEach((what, n) -> {
            if (what.contains(" cases ")) {
                assertTrue(n >= 4, what + ": " + n);
            } else if (what.contains(" referrals ")) {
                assertTrue(n >= 3, what + ": " + n);
            }
        });
        assertEquals(6L, loaded.get("demo partners"));

        // The printed key is the partner's, for the partner guide: it sees its referrals.
        JsonPath inbox = platform.partner(key).get("/partner/referrals").then().statusCode(200).extract().jsonPath();
        assertTrue(inbox.getLong("totalItems") >= 8, "the demo partner has referrals in its inbox");

        // The ministry's figures per community are above the default threshold k = 5.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> lag() == 0);
        for (String hromada : List.of(DemoUsers.POLTAVA_HROMADA, DemoUsers.VINNYTSIA_HROMADA)) {
            JsonPath report = statistics(hromada);
            assertTrue(cell(report, "applicants", hromada, "persons") >= 36, "applicants in " + hromada);
            assertTrue(cell(report, "applicants", hromada, "appeals") >= 42, "appeals in " + hromada);
            for (String model : List.of("BROKERAGE", "STRENGTHS_BASED", "INTENSIVE", "CLINICAL")) {
                assertTrue(cell(report, "casesOpenedByModel", hromada, model) >= K, model + " cases in " + hromada);
            }
            assertTrue(cell(report, "casesClosedByReason", hromada, "GOALS_ACHIEVED") >= K, "closures in " + hromada);
            for (String category : List.of("MATERIAL_ECONOMIC", "LEGAL", "PSYCHOLOGICAL", "MEDICAL", "EMPLOYMENT")) {
                assertTrue(cell(report, "servicesByCategory", hromada, category) >= K, category + " in " + hromada);
            }
        }
        Map<String, Long> figures = new LinkedHashMap<>();
        for (String hromada : List.of(DemoUsers.POLTAVA_HROMADA, DemoUsers.VINNYTSIA_HROMADA)) {
            JsonPath report = statistics(hromada);
            figures.put(hromada + " persons", cell(report, "applicants", hromada, "persons"));
            figures.put(hromada + " appeals", cell(report, "applicants", hromada, "appeals"));
        }

        // Twice: nothing added, the same key printed again.
        String second = runDemo(state);
        assertTrue(second.contains("already loaded"), second);
        assertEquals(key, key(second));
        assertEquals(loaded, counts());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> lag() == 0);
        for (String hromada : List.of(DemoUsers.POLTAVA_HROMADA, DemoUsers.VINNYTSIA_HROMADA)) {
            JsonPath after = statistics(hromada);
            assertEquals(figures.get(hromada + " persons"), cell(after, "applicants", hromada, "persons"));
            assertEquals(figures.get(hromada + " appeals"), cell(after, "applicants", hromada, "appeals"));
        }
    }
}
