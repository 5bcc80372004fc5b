package ua.social.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ua.social.identity.testing.DemoUsers;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static ua.social.e2e.RunningPlatform.as;

/**
 * Flow 1 into flow 3, through the real services: what the front office and a case manager do in
 * case-service and referral-service reaches the ministry's statistics in reporting-service, through
 * case.events and referral.events only. Other tests share the demo community, so the test compares
 * the figures before and after its own work.
 */
class FrontOfficeToStatisticsTest {

    static RunningPlatform platform;
    static final String HROMADA = DemoUsers.VINNYTSIA_HROMADA;
    static final String INTAKE = DemoUsers.INTAKE_VINNYTSIA;
    static final String MANAGER = DemoUsers.MANAGER1_VINNYTSIA;

    @BeforeAll
    static void start() throws Exception {
        platform = RunningPlatform.get();
    }

    /** The figures this test moves, read from the ministry API as the analyst sees them. */
    private static Map<String, Long> figures() {
        JsonPath report = as(platform.reporting, DemoUsers.ANALYST)
                .queryParam("from", ThisYear.from()).queryParam("to", ThisYear.to())
                .queryParam("hromada", HROMADA)
                .get("/statistics").then().statusCode(200).extract().jsonPath();
        Map<String, Long> f = new LinkedHashMap<>();
        f.put("persons", total(report, "applicants", "persons"));
        f.put("appeals", total(report, "applicants", "appeals"));
        f.put("opened BROKERAGE", total(report, "casesOpenedByModel", "BROKERAGE"));
        f.put("closed GOALS_ACHIEVED", total(report, "casesClosedByReason", "GOALS_ACHIEVED"));
        f.put("services LEGAL", total(report, "servicesByCategory", "LEGAL"));
        f.put("referrals EMPLOYMENT COMPLETED", cell(report, "referralsBySectorAndStatus", "EMPLOYMENT", "COMPLETED"));
        return f;
    }

    private static long total(JsonPath report, String table, String column) {
        int i = columnIndex(report, table, column);
        Object v = report.get("tables.find { it.name == '" + table + "' }.total.cells[" + i + "].value");
        return v == null ? 0 : ((Number) v).longValue();
    }

    private static long cell(JsonPath report, String table, String row, String column) {
        int i = columnIndex(report, table, column);
        Object v = report.get("tables.find { it.name == '" + table + "' }.rows.find { it.key == '" + row + "' }.cells["
                + i + "].value");
        return v == null ? 0 : ((Number) v).longValue();
    }

    private static int columnIndex(JsonPath report, String table, String column) {
        List<String> keys = report.getList("tables.find { it.name == '" + table + "' }.columns.key");
        int i = keys.indexOf(column);
        if (i < 0) {
            throw new AssertionError("table " + table + " has no column " + column + ": " + keys);
        }
        return i;
    }

    private static long lag() {
        return ((Number) as(platform.reporting, DemoUsers.ADMIN).get("/admin/consumer").then().statusCode(200)
                .extract().path("lag")).longValue();
    }

    private static String client(String lastName) {
        LocalDate dob = LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(25000));
        return as(platform.cases, INTAKE).body(Map.of("lastName", lastName, "firstName", "Тетяна",
                        "dateOfBirth", dob.toString(), "sex", "FEMALE", "vulnerableGroups", List.of("VETERAN_OR_FAMILY"),
                        "confirmedNotDuplicate", true))
                .post("/clients").then().statusCode(201).extract().path("id");
    }

    private static String appeal(String clientId) {
        return as(platform.cases, INTAKE).body(Map.of("clientId", clientId, "channel", "IN_PERSON",
                        "needDomains", List.of("EMPLOYMENT", "HOUSING")))
                .post("/appeals").then().statusCode(201).extract().path("id");
    }

    private static String openCase(String appealId) {
        return as(platform.cases, INTAKE).body(Map.of("appealId", appealId,
                        "criteria", List.of("ADDITIONAL_RESOURCES_NEEDED"), "model", "BROKERAGE", "caseManager", MANAGER,
                        "consent", Map.of("givenAt", "2026-01-15T10:00:00Z", "processing", true, "sharingWithPartners", true)))
                .post("/cases").then().statusCode(201).extract().path("id");
    }

    @Test
    void theMinistrySeesWhatTheFrontOfficeAndThePartnerDid() {
        // Reporting has read everything on both topics (its group starts at their beginning).
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> lag() == 0);
        Map<String, Long> before = figures();

        // Three persons apply, one of them twice; two cases are opened on their appeals.
        String a = client("Савчук");
        String b = client("Гребенюк");
        String c = client("Марченко");
        String caseA = openCase(appeal(a));
        appeal(a);
        String caseB = openCase(appeal(b));
        appeal(c);

        // Case A: a legal service, and a referral that the employment centre completes.
        as(platform.cases, MANAGER).body(Map.of("category", "LEGAL", "deliveredOn", LocalDate.now().toString(),
                "provider", "Бюро правничої допомоги")).post("/cases/" + caseA + "/services").then().statusCode(201);
        RunningPlatform.Partner centre = platform.registerPartner("EMPLOYMENT", "EMPLOYMENT",
                DemoUsers.VINNYTSIA_OBLAST, HROMADA);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(platform.referrals, MANAGER).get("/cases/" + caseA).then().statusCode(200));
        String referral = as(platform.referrals, MANAGER).body(Map.of("caseId", caseA, "partnerId", centre.id(),
                        "serviceId", centre.serviceId(), "urgency", "ROUTINE", "reason", "Працевлаштування",
                        "client", Map.of("fullName", "Тетяна Савчук")))
                .post("/referrals").then().statusCode(201).extract().path("id");
        as(platform.referrals, MANAGER).body(Map.of("status", "REQUESTED"))
                .post("/referrals/" + referral + "/transitions").then().statusCode(200);
        for (String status : List.of("ACCEPTED", "IN_PROGRESS")) {
            platform.partner(centre.key()).body(Map.of("status", status))
                    .post("/partner/referrals/" + referral + "/transitions").then().statusCode(200);
        }
        platform.partner(centre.key()).body(Map.of("status", "COMPLETED", "outcome", "Працевлаштована"))
                .post("/partner/referrals/" + referral + "/transitions").then().statusCode(200);

        // Case B: closed, goals achieved.
        as(platform.cases, MANAGER).body(Map.of("reason", "GOALS_ACHIEVED", "outcomeEvaluation", "Житло знайдено"))
                .post("/cases/" + caseB + "/closure").then().statusCode(200);

        Map<String, Long> expected = new LinkedHashMap<>(before);
        expected.merge("persons", 3L, Long::sum);
        expected.merge("appeals", 4L, Long::sum);
        expected.merge("opened BROKERAGE", 2L, Long::sum);
        expected.merge("closed GOALS_ACHIEVED", 1L, Long::sum);
        expected.merge("services LEGAL", 1L, Long::sum);
        expected.merge("referrals EMPLOYMENT COMPLETED", 1L, Long::sum);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertEquals(expected, figures()));
    }
}
