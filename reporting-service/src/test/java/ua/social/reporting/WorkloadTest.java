package ua.social.reporting;

import ua.social.contracts.testing.TestTopics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ua.social.identity.testing.DemoUsers;
import ua.social.identity.testing.Tokens;
import ua.social.reporting.support.Reports;
import ua.social.reporting.support.TestData;
import ua.social.reporting.support.World;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Workload over a period as an analyst reads it: case managers who worked in the period and cases they
 * carried, even when every case was closed by its end; a case manager counted once; small counts withheld;
 * and the regional project report with the same numbers as JSON, CSV and an .xlsx workbook.
 *
 * <p>The story (first quarter of a year of its own, three fresh communities A and B and C in three oblasts):
 * <ul>
 *   <li>A: managers M1–M5 carry two cases each, some opened before the quarter, all closed within it;
 *   M2 also carries a case that is transferred to B (and to M10) in February;</li>
 *   <li>B: M6–M9 one case each, M1 one case (so M1 worked in two communities, most cases in A), M10 the
 *   case transferred from A;</li>
 *   <li>M13 carries one case in A (January) and one in B (February to March): a tie, counted where the last
 *   was, B;</li>
 *   <li>not in the quarter: a case closed in the December before (M11), a case opened in April (M12);</li>
 *   <li>C: M14 and M15 carry three cases: small counts; C2, in C's oblast, three managers with a case each,
 *   so that the oblast's figures are not small (an oblast's withheld figure is withheld in all its
 *   communities, docs/adr/0011).</li>
 * </ul>
 * Every case is closed by 31 March, so the snapshot at the end of the quarter shows no case managers.
 */
@QuarkusTest
class WorkloadTest {

    /**
     * The story's year, its own per run: the suppression pattern of a quarter depends on every community's
     * counts in it (docs/adr/0011), so the story is told in a quarter that holds nothing else.
     */
    static final int YEAR = 2001 + new Random().nextInt(15);
    static final LocalDate FROM = LocalDate.of(YEAR, 1, 1);
    static final LocalDate TO = LocalDate.of(YEAR, 3, 31);
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final ObjectMapper JSON = new ObjectMapper();

    static World.Community a;
    static World.Community b;
    static World.Community c;
    static final List<World.Event> events = new ArrayList<>();

    /** Once per test class, after the service has started (RestAssured knows its port only then). */
    @BeforeEach
    void publish() {
        if (!events.isEmpty()) {
            return;
        }
        Random random = new Random();
        a = new World.Community("UA-12", hromada("12", random), List.of());
        b = new World.Community("UA-63", hromada("63", random), List.of());
        c = new World.Community("UA-71", hromada("71", random), List.of());
        String[] m = new String[16];
        for (int i = 1; i < m.length; i++) {
            m[i] = "kc-" + UUID.randomUUID();
        }
        // A: two cases per manager, the first opened before the quarter
        for (int i = 1; i <= 5; i++) {
            simpleCase(a, m[i], at(YEAR - 1, 12, i), at(YEAR, 1, 10 + i));
            simpleCase(a, m[i], at(YEAR, 1, 20 + i), at(YEAR, 3, 20 + i));
        }
        // M2's third case in A goes to B and M10 in February
        UUID moved = opened(a, at(YEAR, 1, 3));
        assigned(moved, a, m[2], at(YEAR, 1, 3).plusHours(1));
        transferred(moved, a, b, m[2], m[10], at(YEAR, 2, 15));
        closed(moved, b, m[10], at(YEAR, 3, 20));
        // B: one case each for M6–M9 and M1
        for (int i = 6; i <= 9; i++) {
            simpleCase(b, m[i], at(YEAR, 1, i), at(YEAR, 3, i));
        }
        simpleCase(b, m[1], at(YEAR, 1, 10), at(YEAR, 3, 15));
        // M13: a tie between A and B, B held last. B's case closes in March with B's other six: a quarter's
        // closures add up over its months and are withheld wherever one month closed 1 to 4 (docs/adr/0011,
        // "Nested periods"), so one closure alone in February would withhold B's closures of the quarter.
        simpleCase(a, m[13], at(YEAR, 1, 5), at(YEAR, 1, 25));
        simpleCase(b, m[13], at(YEAR, 2, 1), at(YEAR, 3, 1));
        // outside the quarter
        simpleCase(a, m[11], at(YEAR - 1, 10, 1), at(YEAR - 1, 12, 20));
        UUID later = opened(a, at(YEAR, 4, 5));
        assigned(later, a, m[12], at(YEAR, 4, 5).plusHours(1));
        // C: small counts
        simpleCase(c, m[14], at(YEAR, 1, 8), at(YEAR, 2, 8));
        simpleCase(c, m[15], at(YEAR, 1, 9), at(YEAR, 2, 9));
        simpleCase(c, m[15], at(YEAR, 1, 10), at(YEAR, 2, 10));
        // C2, in C's oblast: three managers with one case each, so that the oblast's own figures are not small.
        // A small figure of an oblast is withheld in the country's table together with a complement on another
        // oblast, and every community inherits its oblast's withheld figures (docs/adr/0011): A's or B's would go.
        World.Community c2 = new World.Community("UA-71", hromada("71", random), List.of());
        for (int i = 0; i < 3; i++) {
            simpleCase(c2, "kc-" + UUID.randomUUID(), at(YEAR, 1, 11 + i), at(YEAR, 2, 11 + i));
        }
        // services, so the project report has some
        for (int i = 0; i < 6; i++) {
            service(a, "INFORMATION", LocalDate.of(YEAR, 2, 1 + i));
        }
        for (int i = 0; i < 5; i++) {
            service(b, "MATERIAL_ECONOMIC", LocalDate.of(YEAR, 3, 1 + i));
        }
        TestData.publishAndAwait(events);
    }

    // --- what the analyst sees ---------------------------------------------------------------------------

    @Test
    void aQuarterInWhichEveryCaseWasClosedStillShowsItsCaseManagersAndCasesCarried() {
        JsonNode ofA = tables(a);
        JsonNode ofB = tables(b);
        for (JsonNode tables : List.of(ofA, ofB)) {
            // the snapshot at the end of the quarter: nothing active, no case managers
            assertEquals(0, Reports.table(tables, "casesActiveByModel").get("total").get("total").get("value").asInt());
            assertEquals(0, Reports.table(tables, "caseManagersByCaseload").get("total").get("total").get("value")
                    .asInt());
        }
        // over the quarter
        JsonNode workload = Reports.table(ofA, "workloadInPeriod");
        assertEquals(List.of("caseManagers", "casesCarried"), keys(workload.get("columns")));
        assertEquals(List.of(5L, 11L), values(row(workload, a.hromada())));
        assertEquals(List.of(6L, 7L), values(row(Reports.table(ofB, "workloadInPeriod"), b.hromada())));
        assertEquals(11, row(Reports.table(ofA, "casesClosedByReason"), a.hromada()).get("total").get("value").asInt());
        assertEquals(7, row(Reports.table(ofB, "casesClosedByReason"), b.hromada()).get("total").get("value").asInt());
        JsonNode perManager = Reports.table(ofA, "casesPerCaseManagerInPeriod");
        assertEquals("INDICATOR", perManager.get("layout").asText());
        assertEquals(List.of("casesPerCaseManager", "closedCasesPerCaseManager"), keys(perManager.get("columns")));
        assertEquals(List.of(2.2, 2.2), ratios(row(perManager, a.hromada())));
        assertEquals(List.of(1.2, 1.2), ratios(row(Reports.table(ofB, "casesPerCaseManagerInPeriod"), b.hromada())));
    }

    @Test
    void aCaseManagerWithCasesInTwoCommunitiesIsCountedOnceWhereMostOfThemWere() {
        // by oblast: M1 (two cases in A, one in B) only in A's oblast; M13 (one each, B's last) only in B's
        int inA = row(Reports.table(Reports.tables(statistics(Map.of("groupBy", "oblast"), a)), "workloadInPeriod"),
                "UA-12").get("cells").get(0).get("value").asInt();
        int inB = row(Reports.table(Reports.tables(statistics(Map.of("groupBy", "oblast"), b)), "workloadInPeriod"),
                "UA-63").get("cells").get(0).get("value").asInt();
        assertEquals(5, inA);
        assertEquals(6, inB);
        assertEquals(11, inA + inB, "15 managers took part, 11 worked in the quarter in A or B, each counted once");
        // a manager whose only case ended before the quarter, or began after it, did not work in it
        JsonNode onlyA = Reports.table(tables(a), "workloadInPeriod");
        assertEquals(List.of(5L, 11L), values(row(onlyA, a.hromada())));
    }

    @Test
    void smallWorkloadCountsAreWithheldAndSoAreTheRatiosDerivedFromThem() {
        JsonNode tables = tables(c);
        JsonNode workload = Reports.table(tables, "workloadInPeriod");
        JsonNode small = row(workload, c.hromada());
        for (JsonNode cell : small.get("cells")) {
            assertTrue(cell.get("suppressed").asBoolean(), "2 case managers and 3 cases are withheld: " + small);
            assertTrue(cell.get("value").isNull());
        }
        for (int col = 0; col < 2; col++) {
            int withheld = 0;
            for (JsonNode r : Reports.rows(workload)) {
                JsonNode cell = r.get("cells").get(col);
                if (cell.get("suppressed").asBoolean()) {
                    withheld++;
                } else {
                    long v = cell.get("value").asLong();
                    assertTrue(v == 0 || v >= 5, "a small count was published: " + r);
                }
            }
            assertTrue(withheld >= 2, "a single withheld count in a column could be worked out from its total");
        }
        JsonNode perManager = row(Reports.table(tables, "casesPerCaseManagerInPeriod"), c.hromada());
        for (JsonNode cell : perManager.get("cells")) {
            assertTrue(cell.get("suppressed").asBoolean(), "a ratio of withheld counts is withheld: " + perManager);
        }
    }

    @Test
    void theRegionalProjectReportHasTheSameNumbersAsJsonCsvAndWorkbookWithUkrainianHeadings() throws IOException {
        Map<String, Object> params = params(Map.of(), a);
        JsonNode report = JSON.readTree(given().header("Authorization", Tokens.bearer(DemoUsers.ANALYST))
                .accept("application/json").queryParams(params).get("/reports/regional-project")
                .then().statusCode(200).contentType("application/json").extract().asString());
        List<String> labels = new ArrayList<>();
        report.get("columns").forEach(col -> labels.add(col.get("label").asText()));
        assertEquals(List.of("Особи, які звернулися", "Відкрито випадків", "Закрито випадків",
                "Кейс-менеджери, які працювали в періоді", "Випадки в роботі за період",
                "Випадків на одного кейс-менеджера"), labels.subList(0, 6));
        assertTrue(labels.contains("Послуги: Інформаційні"), labels.toString());
        assertEquals("Послуги, усього", labels.get(labels.size() - 1));

        // the JSON report shows the same cells as the statistics
        JsonNode tables = tables(a);
        JsonNode aRow = row(report, a.hromada());
        assertEquals(row(Reports.table(tables, "applicants"), a.hromada()).get("cells").get(0), aRow.get("cells").get(0));
        assertEquals(row(Reports.table(tables, "casesClosedByReason"), a.hromada()).get("total"), aRow.get("cells").get(2));
        assertEquals(row(Reports.table(tables, "workloadInPeriod"), a.hromada()).get("cells").get(0), aRow.get("cells").get(3));
        assertEquals(row(Reports.table(tables, "casesPerCaseManagerInPeriod"), a.hromada()).get("cells").get(0),
                aRow.get("cells").get(5));
        assertEquals(row(Reports.table(tables, "servicesByCategory"), a.hromada()).get("total"),
                aRow.get("cells").get(labels.size() - 1));
        assertEquals(6, aRow.get("cells").get(labels.indexOf("Послуги: Інформаційні")).get("value").asInt());
        JsonNode ofC = JSON.readTree(given().header("Authorization", Tokens.bearer(DemoUsers.ANALYST))
                .accept("application/json").queryParams(params(Map.of(), c)).get("/reports/regional-project")
                .then().statusCode(200).extract().asString());
        assertTrue(row(ofC, c.hromada()).get("cells").get(3).get("suppressed").asBoolean());

        // what each format says, cell by cell, as text: «прих.» withheld, empty for no ratio
        List<List<String>> expected = new ArrayList<>();
        List<JsonNode> rows = new ArrayList<>();
        report.get("rows").forEach(rows::add);
        rows.add(report.get("total"));
        for (JsonNode r : rows) {
            List<String> line = new ArrayList<>(List.of(r.get("key").asText(), r.get("label").asText()));
            for (JsonNode cell : r.get("cells")) {
                line.add(cell.get("suppressed").asBoolean() ? "прих." : cell.get("value").isNull() ? ""
                        : number(cell.get("value").asDouble()));
            }
            expected.add(line);
        }
        List<String> heading = new ArrayList<>(List.of("Код", "Регіон"));
        heading.addAll(labels);

        Response csv = given().header("Authorization", Tokens.bearer(DemoUsers.ANALYST)).accept("text/csv")
                .queryParams(params).get("/reports/regional-project");
        csv.then().statusCode(200).contentType("text/csv")
                .header("Content-Disposition", equalTo("attachment; filename=\"regional-project-report-" + FROM + "-"
                        + TO + ".csv\""));
        List<List<String>> csvLines = parseCsv(csv.asString());
        assertEquals(heading, csvLines.get(0));
        List<List<String>> csvRows = csvLines.subList(1, csvLines.size()).stream()
                .map(l -> l.stream().map(v -> v.matches("-?\\d+(\\.\\d+)?") ? number(Double.parseDouble(v)) : v).toList())
                .toList();
        assertEquals(expected, csvRows);

        byte[] xlsx = given().header("Authorization", Tokens.bearer(DemoUsers.ANALYST)).accept(XLSX)
                .queryParams(params).get("/reports/regional-project")
                .then().statusCode(200).contentType(XLSX).extract().asByteArray();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheet("Звіт");
            assertEquals("Регіональний звіт проєкту", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals("Період: " + FROM + " — " + TO, sheet.getRow(1).getCell(0).getStringCellValue());
            int headerRow = -1;
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row != null && row.getCell(0) != null && "Код".equals(text(row.getCell(0)))) {
                    headerRow = r;
                    break;
                }
            }
            assertTrue(headerRow > 0, "the workbook has a heading row");
            assertEquals(heading, line(sheet.getRow(headerRow)));
            List<List<String>> sheetRows = new ArrayList<>();
            for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
                sheetRows.add(line(sheet.getRow(r)));
            }
            assertEquals(expected, sheetRows);
            for (int r = 0; r < rows.size(); r++) {
                JsonNode cells = rows.get(r).get("cells");
                for (int col = 0; col < cells.size(); col++) {
                    Cell cell = sheet.getRow(headerRow + 1 + r).getCell(2 + col);
                    if (!cells.get(col).get("suppressed").asBoolean() && !cells.get(col).get("value").isNull()) {
                        assertEquals(CellType.NUMERIC, cell.getCellType(), "a published figure is a number to Excel");
                        assertEquals(cells.get(col).get("value").asDouble(), cell.getNumericCellValue());
                    }
                }
            }
        }
    }

    @Test
    void anAnswerAskedAgainAfterNewEventsCountsThem() {
        // the third quarter of the story's year holds nothing: its answer is computed and kept by the service
        Map<String, Object> q3 = Map.of("from", LocalDate.of(YEAR, 7, 1).toString(),
                "to", LocalDate.of(YEAR, 9, 30).toString(), "groupBy", "oblast");
        assertEquals(0, openedInTheCountry(q3));
        assertEquals(0, openedInTheCountry(q3), "asked again: the same (kept) answer");

        int before = events.size();
        for (int i = 0; i < 6; i++) {
            simpleCase(a, "kc-" + UUID.randomUUID(), at(YEAR, 7, 1 + i), at(YEAR, 8, 1 + i));
        }
        TestData.publishAndAwait(List.copyOf(events.subList(before, events.size())));

        // applying the events changed the read models' version: the kept answer is not given any more
        assertEquals(6, openedInTheCountry(q3));
    }

    private static int openedInTheCountry(Map<String, Object> params) {
        Response r = Reports.get(DemoUsers.ANALYST, params);
        r.then().statusCode(200);
        JsonNode total = Reports.table(Reports.tables(r), "casesOpenedByModel").get("total").get("total");
        assertFalse(total.get("suppressed").asBoolean(), total::toString);
        return total.get("value").asInt();
    }

    @Test
    void theRegionalProjectReportRefusesBadInputAndOtherCommunities() {
        given().header("Authorization", Tokens.bearer(DemoUsers.ANALYST))
                .get("/reports/regional-project?from=2020-13-01")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        given().header("Authorization", Tokens.bearer(DemoUsers.ANALYST))
                .get("/reports/regional-project?groupBy=raion")
                .then().statusCode(400).body("errors[0].field", equalTo("groupBy"));
        given().header("Authorization", Tokens.bearer(DemoUsers.SUPERVISOR_POLTAVA)).accept(XLSX)
                .get("/reports/regional-project?hromada=" + a.hromada())
                .then().statusCode(403).contentType("application/problem+json");
    }

    // --- the story's events --------------------------------------------------------------------------------

    private static String hromada(String oblastDigits, Random random) {
        StringBuilder s = new StringBuilder("UA").append(oblastDigits);
        for (int i = 0; i < 15; i++) {
            s.append(random.nextInt(10));
        }
        return s.toString();
    }

    private static OffsetDateTime at(int year, int month, int day) {
        return LocalDate.of(year, month, day).atTime(LocalTime.of(10, 0)).atZone(World.KYIV).toOffsetDateTime();
    }

    private static void simpleCase(World.Community where, String manager, OffsetDateTime openedAt,
                                   OffsetDateTime closedAt) {
        UUID id = opened(where, openedAt);
        assigned(id, where, manager, openedAt.plusHours(1));
        closed(id, where, manager, closedAt);
    }

    private static UUID opened(World.Community where, OffsetDateTime at) {
        UUID id = UUID.randomUUID();
        ObjectNode d = JSON.createObjectNode();
        d.put("caseId", id.toString());
        d.put("caseNumber", "2020-" + id.toString().substring(0, 6));
        d.put("clientId", UUID.randomUUID().toString());
        d.put("clientKind", "PERSON");
        d.putNull("appealId");
        region(d, where);
        d.put("model", "STRENGTHS_BASED");
        d.put("teamArrangement", "MULTIDISCIPLINARY");
        d.putArray("criteria").add("ADDITIONAL_RESOURCES_NEEDED");
        d.put("openedWithoutCriteria", false);
        d.putArray("vulnerableGroups");
        d.put("consentToShare", true);
        d.put("openedAt", format(at));
        event(id, "opened", at, d);
        return id;
    }

    private static void assigned(UUID id, World.Community where, String manager, OffsetDateTime at) {
        ObjectNode d = JSON.createObjectNode();
        d.put("caseId", id.toString());
        region(d, where);
        d.put("caseManagerId", manager);
        d.put("caseManagerUsername", "manager-" + manager.substring(3, 11));
        d.putNull("previousCaseManagerId");
        d.put("model", "STRENGTHS_BASED");
        d.put("caseloadOverride", false);
        d.put("assignedAt", format(at));
        event(id, "assigned", at, d);
    }

    private static void transferred(UUID id, World.Community from, World.Community to, String fromManager,
                                    String toManager, OffsetDateTime at) {
        ObjectNode d = JSON.createObjectNode();
        d.put("caseId", id.toString());
        d.put("fromOblast", from.oblast());
        d.put("fromHromada", from.hromada());
        d.put("fromCaseManagerId", fromManager);
        d.put("toOblast", to.oblast());
        d.put("toHromada", to.hromada());
        d.put("toCaseManagerId", toManager);
        d.put("transferredAt", format(at));
        event(id, "transferred", at, d);
    }

    private static void closed(UUID id, World.Community where, String manager, OffsetDateTime at) {
        ObjectNode d = JSON.createObjectNode();
        d.put("caseId", id.toString());
        region(d, where);
        d.put("fromStage", "IMPLEMENTATION");
        d.put("reason", "GOALS_ACHIEVED");
        d.put("caseManagerId", manager);
        d.put("model", "STRENGTHS_BASED");
        d.put("openedAt", format(at.minusDays(30)));
        d.put("closedAt", format(at));
        event(id, "closed", at, d);
    }

    private static void service(World.Community where, String category, LocalDate on) {
        events.add(World.serviceDelivered(where, category, on));
    }

    private static void region(ObjectNode d, World.Community where) {
        d.put("oblast", where.oblast());
        d.put("hromada", where.hromada());
    }

    private static void event(UUID caseId, String type, OffsetDateTime at, ObjectNode data) {
        events.add(new World.Event(TestTopics.caseEvents(), caseId.toString(), UUID.randomUUID().toString(),
                "ua.social.case." + type, "/case-service", caseId.toString(), at, data));
    }

    private static String format(OffsetDateTime at) {
        return at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    // --- reading the answers -------------------------------------------------------------------------------

    private static Map<String, Object> params(Map<String, String> extra, World.Community... where) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("from", FROM.toString());
        p.put("to", TO.toString());
        p.put("hromada", String.join(",", java.util.Arrays.stream(where).map(World.Community::hromada).toList()));
        p.put("groupBy", "hromada");
        p.putAll(extra);
        return p;
    }

    private static Response statistics(Map<String, String> extra, World.Community... where) {
        Response r = Reports.get(DemoUsers.ANALYST, params(extra, where));
        r.then().statusCode(200);
        return r;
    }

    private static JsonNode tables(World.Community... where) {
        return Reports.tables(statistics(Map.of(), where));
    }

    private static JsonNode row(JsonNode table, String key) {
        for (JsonNode r : table.get("rows")) {
            if (r.get("key").asText().equals(key)) {
                return r;
            }
        }
        throw new AssertionError("no row " + key + " in " + table);
    }

    private static List<String> keys(JsonNode columns) {
        List<String> keys = new ArrayList<>();
        columns.forEach(col -> keys.add(col.get("key").asText()));
        return keys;
    }

    private static List<Long> values(JsonNode row) {
        List<Long> values = new ArrayList<>();
        row.get("cells").forEach(cell -> {
            assertFalse(cell.get("suppressed").asBoolean(), "withheld: " + row);
            values.add(cell.get("value").asLong());
        });
        return values;
    }

    private static List<Double> ratios(JsonNode row) {
        List<Double> values = new ArrayList<>();
        row.get("cells").forEach(cell -> {
            assertFalse(cell.get("suppressed").asBoolean(), "withheld: " + row);
            values.add(cell.get("value").asDouble());
        });
        return values;
    }

    /** A number as text, the same whichever format carried it (5 and 5.0 alike). */
    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return cell.getCellType() == CellType.NUMERIC ? number(cell.getNumericCellValue()) : cell.getStringCellValue();
    }

    private static List<String> line(Row row) {
        List<String> values = new ArrayList<>();
        for (int col = 0; col < row.getLastCellNum(); col++) {
            values.add(text(row.getCell(col)));
        }
        return values;
    }

    /** RFC 4180: quoted fields may hold commas and doubled quotes. */
    private static List<List<String>> parseCsv(String body) {
        List<List<String>> lines = new ArrayList<>();
        for (String raw : body.split("\r\n")) {
            if (raw.isEmpty()) {
                continue;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder f = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < raw.length(); i++) {
                char ch = raw.charAt(i);
                if (quoted) {
                    if (ch == '"' && i + 1 < raw.length() && raw.charAt(i + 1) == '"') {
                        f.append('"');
                        i++;
                    } else if (ch == '"') {
                        quoted = false;
                    } else {
                        f.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    fields.add(f.toString());
                    f.setLength(0);
                } else {
                    f.append(ch);
                }
            }
            fields.add(f.toString());
            lines.add(fields);
        }
        return lines;
    }
}
