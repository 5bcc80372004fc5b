package ua.social.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ua.social.identity.testing.DemoUsers;
import ua.social.identity.testing.Tokens;
import ua.social.reporting.statistics.RawReport;
import ua.social.reporting.statistics.StatisticsService;
import ua.social.reporting.statistics.Suppression;
import ua.social.reporting.statistics.StatisticsQuery.GroupBy;
import ua.social.reporting.support.Attacker;
import ua.social.reporting.support.GroundTruth;
import ua.social.reporting.support.Reports;
import ua.social.reporting.support.TestData;
import ua.social.reporting.support.World;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published statistics equal a ground truth worked out from the simulated facts, suppressed cells
 * included, for each community of the world by community and by oblast, over a year, a quarter (with a
 * vulnerable group) and a month, as JSON and as CSV.
 */
@QuarkusTest
class StatisticsTest {

    static final int K = 5;
    static final LocalDate YEAR_FROM = LocalDate.of(2019, 1, 1);
    static final LocalDate YEAR_TO = LocalDate.of(2019, 12, 31);

    static World world;
    static List<String> hromadas;

    @Inject
    StatisticsService statistics;

    @BeforeEach
    void publish() {
        world = TestData.world();
        hromadas = world.communities.stream().map(World.Community::hromada).toList();
    }

    /**
     * A request for one community: lists of communities are refused (docs/adr/0011), and the database holds
     * earlier runs' worlds in the same oblasts, so a community of this run's world is the unit of comparison.
     */
    static Map<String, Object> params(LocalDate from, LocalDate to, String hromada, String groupBy, String category) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("from", from.toString());
        p.put("to", to.toString());
        p.put("hromada", hromada);
        p.put("groupBy", groupBy);
        if (category != null) {
            p.put("category", category);
        }
        return p;
    }

    private JsonNode assertEqualsGroundTruth(LocalDate from, LocalDate to, String hromada, GroupBy groupBy,
                                                    String category) {
        Response response = Reports.get(DemoUsers.ANALYST, params(from, to, hromada, groupBy.param(), category));
        response.then().statusCode(200).contentType("application/json");
        JsonNode actual = Reports.tables(response);
        RawReport truth = new GroundTruth(world, from, to, List.of(hromada), groupBy, category).raw();
        List<String> diffs = Reports.differences(Reports.expected(truth, K, category, hromada,
                statistics.pattern(from, to, category, new Suppression(K))), actual);
        assertTrue(diffs.isEmpty(), hromada + " " + from + ".." + to + " " + category
                + ": published statistics differ from the ground truth:\n" + String.join("\n", diffs));
        assertCountsAreTrueOrWithheld(actual, truth);
        List<String> months = new ArrayList<>();
        for (java.time.YearMonth m = java.time.YearMonth.from(from); !m.isAfter(java.time.YearMonth.from(to));
             m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        List<String> recovered = Attacker.ofResponse(actual, category, months).recovered();
        assertTrue(recovered.isEmpty(), hromada + " " + from + ".." + to + " " + category
                + ": an attacker solving all tables together recovers " + recovered);
        return actual;
    }

    /**
     * Independently of how the service lays out tables: each published count is the true count, each
     * true count from 1 to k−1 is withheld, and withheld cells hold no number.
     */
    private static void assertCountsAreTrueOrWithheld(JsonNode tables, RawReport truth) {
        for (JsonNode t : tables) {
            String layout = t.get("layout").asText();
            if ("INDICATOR".equals(layout)) {
                continue;
            }
            String name = t.get("name").asText();
            List<String> columns = new ArrayList<>();
            t.get("columns").forEach(c -> columns.add(c.get("key").asText()));
            Map<String, Long> columnTotals = new HashMap<>();
            long grand = 0;
            for (JsonNode row : t.get("rows")) {
                String key = row.get("key").asText();
                long rowTotal = 0;
                for (int c = 0; c < columns.size(); c++) {
                    long expected = truth.count(name, key, columns.get(c));
                    rowTotal += expected;
                    columnTotals.merge(columns.get(c), expected, Long::sum);
                    assertCell(name + " " + key + "/" + columns.get(c), expected, row.get("cells").get(c));
                }
                grand += rowTotal;
                if ("ADDITIVE".equals(layout)) {
                    assertCell(name + " " + key + "/TOTAL", rowTotal, row.get("total"));
                }
            }
            JsonNode total = t.get("total");
            for (int c = 0; c < columns.size(); c++) {
                assertCell(name + " TOTAL/" + columns.get(c), columnTotals.get(columns.get(c)), total.get("cells").get(c));
            }
            if ("ADDITIVE".equals(layout)) {
                assertCell(name + " TOTAL/TOTAL", grand, total.get("total"));
            }
        }
    }

    private static void assertCell(String where, long expected, JsonNode cell) {
        if (cell.get("suppressed").asBoolean()) {
            assertTrue(cell.get("value").isNull(), where + " is withheld but shows a number");
        } else {
            assertTrue(expected == 0 || expected >= K, where + ": " + expected + " is a small count and was published");
            assertEquals(expected, cell.get("value").asLong(), where);
        }
    }

    /**
     * A year by community and each of its months. A year's count that adds up over time is withheld wherever one
     * of its months withholds it (docs/adr/0011, "Nested periods"), so a small community's year publishes little
     * of it; its months publish what is not small in them.
     */
    @Test
    void aYearAndItsMonthsByCommunityEqualTheGroundTruth() {
        int withheld = 0;
        int published = 0;
        for (String h : hromadas) {
            JsonNode year = assertEqualsGroundTruth(YEAR_FROM, YEAR_TO, h, GroupBy.HROMADA, null);
            List<JsonNode> answers = new ArrayList<>(List.of(year));
            for (YearMonth m = YearMonth.from(YEAR_FROM); !m.isAfter(YearMonth.from(YEAR_TO)); m = m.plusMonths(1)) {
                answers.add(assertEqualsGroundTruth(m.atDay(1), m.atEndOfMonth(), h, GroupBy.HROMADA, null));
            }
            for (JsonNode tables : answers) {
                for (JsonNode t : tables) {
                    for (JsonNode row : Reports.rows(t)) {
                        for (JsonNode cell : row.get("cells")) {
                            if (cell.get("suppressed").asBoolean()) {
                                withheld++;
                            } else if (cell.get("value").isNumber() && cell.get("value").asDouble() > 0) {
                                published++;
                            }
                        }
                    }
                }
            }
            JsonNode applicants = Reports.table(year, "applicants");
            assertEquals(1, applicants.get("rows").size());
            assertEquals(h, applicants.get("rows").get(0).get("key").asText());
            assertEquals("TOTAL", applicants.get("total").get("key").asText());
        }
        assertTrue(withheld > 20 && published > 50, "the data exercise both publication and suppression: "
                + withheld + " withheld, " + published + " published");
        assertTrue(TestData.duplicatesSent() > 0, "some events were sent twice and must count once");
    }

    @Test
    void aCommunityByOblastEqualsTheGroundTruthUnderItsOblastsKey() {
        for (String h : hromadas) {
            JsonNode byOblast = assertEqualsGroundTruth(YEAR_FROM, YEAR_TO, h, GroupBy.OBLAST, null);
            JsonNode opened = Reports.table(byOblast, "casesOpenedByModel");
            assertEquals(1, opened.get("rows").size());
            assertEquals("UA-" + h.substring(2, 4), opened.get("rows").get(0).get("key").asText());
            RawReport community = new GroundTruth(world, YEAR_FROM, YEAR_TO, List.of(h), GroupBy.HROMADA, null).raw();
            JsonNode total = opened.get("rows").get(0).get("total");
            if (!total.get("suppressed").asBoolean()) {
                long sum = 0;
                for (String model : List.of("INTENSIVE", "CLINICAL", "STRENGTHS_BASED", "BROKERAGE")) {
                    sum += community.count("casesOpenedByModel", h, model);
                }
                assertEquals(sum, total.get("value").asLong(), "the row holds the community's cases");
            }
        }
    }

    @Test
    void aVulnerableGroupOverAQuarterEqualsTheGroundTruth() {
        for (String h : hromadas) {
            assertEqualsGroundTruth(LocalDate.of(2019, 4, 1), LocalDate.of(2019, 6, 30), h, GroupBy.HROMADA,
                    "INTERNALLY_DISPLACED");
        }
    }

    @Test
    void everyVulnerableGroupEqualsTheGroundTruthAndNoWithheldCountIsSolvedAcrossTables() {
        for (String h : List.of(hromadas.get(0), hromadas.get(3))) {
            for (ua.social.contracts.code.VulnerableGroup g : ua.social.contracts.code.VulnerableGroup.values()) {
                assertEqualsGroundTruth(YEAR_FROM, YEAR_TO, h, GroupBy.HROMADA, g.name());
                assertEqualsGroundTruth(LocalDate.of(2019, 5, 1), LocalDate.of(2019, 5, 31), h, GroupBy.OBLAST, g.name());
            }
        }
    }

    @Test
    void aMonthAndAQuarterEqualTheGroundTruth() {
        for (String h : hromadas) {
            assertEqualsGroundTruth(LocalDate.of(2019, 3, 1), LocalDate.of(2019, 3, 31), h, GroupBy.HROMADA, null);
            assertEqualsGroundTruth(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 3, 31), h, GroupBy.HROMADA, null);
        }
    }

    /**
     * A month before the world's first event: the community asked for (known from the events, not the
     * codifier) still has its row, and its oblast's row when grouped by oblast, with nothing in them.
     */
    @Test
    void aCommunityWithNothingInThePeriodStillHasItsRow() {
        LocalDate from = LocalDate.of(2018, 1, 1);
        LocalDate to = LocalDate.of(2018, 1, 31);
        for (String h : hromadas) {
            JsonNode byOblast = assertEqualsGroundTruth(from, to, h, GroupBy.OBLAST, "INTERNALLY_DISPLACED");
            JsonNode applicants = Reports.table(byOblast, "applicants");
            assertEquals(1, applicants.get("rows").size(), h + " grouped by oblast has its oblast's row");
            assertEqualsGroundTruth(from, to, h, GroupBy.HROMADA, null);
        }
    }

    @Test
    void publishedTotalsAddUp() {
        JsonNode tables = Reports.tables(Reports.get(DemoUsers.ANALYST, params(YEAR_FROM, YEAR_TO, hromadas.get(0), "hromada", null)));
        for (JsonNode t : tables) {
            if (!"ADDITIVE".equals(t.get("layout").asText())) {
                continue;
            }
            for (JsonNode row : Reports.rows(t)) {
                boolean complete = !row.get("total").get("suppressed").asBoolean();
                long sum = 0;
                for (JsonNode cell : row.get("cells")) {
                    complete &= !cell.get("suppressed").asBoolean();
                    sum += cell.get("value").asLong();
                }
                if (complete) {
                    assertEquals(row.get("total").get("value").asLong(), sum,
                            t.get("name").asText() + " row " + row.get("key").asText());
                }
            }
        }
    }

    @Test
    void csvCarriesTheFiguresOfTheJson() {
        Map<String, Object> p = params(YEAR_FROM, YEAR_TO, hromadas.get(0), "hromada", null);
        JsonNode tables = Reports.tables(Reports.get(DemoUsers.ANALYST, p));
        String csv = given().header("Authorization", Tokens.bearer(DemoUsers.ANALYST)).accept("text/csv")
                .queryParams(p).get("/statistics")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("statistics-2019-01-01-2019-12-31.csv"))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals("table,rowKey,rowLabel,columnKey,columnLabel,value,suppressed", lines[0]);
        Map<String, String> fromCsv = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            List<String> f = parseCsvLine(lines[i]);
            fromCsv.put(f.get(0) + "|" + f.get(1) + "|" + f.get(3), f.get(5) + "|" + f.get(6));
        }
        int cells = 0;
        for (JsonNode t : tables) {
            for (JsonNode row : Reports.rows(t)) {
                for (int c = 0; c < t.get("columns").size(); c++) {
                    cells++;
                    JsonNode cell = row.get("cells").get(c);
                    assertEquals(csvValue(cell), fromCsv.get(t.get("name").asText() + "|" + row.get("key").asText() + "|"
                            + t.get("columns").get(c).get("key").asText()));
                }
                if (row.hasNonNull("total")) {
                    cells++;
                    assertEquals(csvValue(row.get("total")),
                            fromCsv.get(t.get("name").asText() + "|" + row.get("key").asText() + "|TOTAL"));
                }
            }
        }
        assertEquals(cells, lines.length - 1, "one CSV line per published number");
    }

    private static String csvValue(JsonNode cell) {
        return (cell.get("value").isNull() ? "" : cell.get("value").asText()) + "|" + cell.get("suppressed").asBoolean();
    }

    private static List<String> parseCsvLine(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    b.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    b.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                fields.add(b.toString());
                b.setLength(0);
            } else {
                b.append(ch);
            }
        }
        fields.add(b.toString());
        return fields;
    }

    @Test
    void oneTableAloneIsTheSameTableAsInTheReport() {
        Map<String, Object> p = params(YEAR_FROM, YEAR_TO, hromadas.get(0), "hromada", null);
        JsonNode all = Reports.tables(Reports.get(DemoUsers.ANALYST, p));
        String one = given().header("Authorization", Tokens.bearer(DemoUsers.ANALYST)).queryParams(p)
                .get("/statistics/referralsBySectorAndStatus").then().statusCode(200).extract().asString();
        try {
            assertEquals(Reports.table(all, "referralsBySectorAndStatus"), Reports.JSON.readTree(one));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        given().header("Authorization", Tokens.bearer(DemoUsers.ANALYST)).get("/statistics/noSuchTable")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badFiltersAre400NamingTheParameter() {
        badRequest(Map.of("from", "2019-13-01"), "from");
        badRequest(Map.of("to", "yesterday"), "to");
        badRequest(Map.of("from", "2019-06-01", "to", "2019-01-01"), "from");
        badRequest(Map.of("from", "2000-01-01", "to", "2019-01-01"), "to");
        badRequest(Map.of("oblast", "UA-99"), "oblast");
        badRequest(Map.of("hromada", "UA53"), "hromada");
        badRequest(Map.of("oblast", "UA-05", "hromada", DemoUsers.POLTAVA_HROMADA), "hromada");
        badRequest(Map.of("category", "PIRATES"), "category");
        badRequest(Map.of("groupBy", "raion"), "groupBy");
        badRequest(Map.of("from", "2019-01-02", "to", "2019-03-31"), "from");
        badRequest(Map.of("from", "2019-01-01", "to", "2019-03-30"), "to");
        badRequest(Map.of("hromada", hromadas.get(0) + "," + hromadas.get(1)), "hromada");
        given().header("Authorization", Tokens.bearer(DemoUsers.ANALYST)).accept("text/csv")
                .queryParam("from", "2019-02-30").get("/statistics")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("from"));
    }

    private static void badRequest(Map<String, String> params, String field) {
        given().header("Authorization", Tokens.bearer(DemoUsers.ANALYST)).queryParams(params).get("/statistics")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo(field));
    }
}
