package ua.social.reporting.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import ua.social.identity.testing.Tokens;
import ua.social.reporting.statistics.DisclosurePattern;
import ua.social.reporting.statistics.RawReport;
import ua.social.reporting.statistics.Report;
import ua.social.reporting.statistics.ReportBuilder;
import ua.social.reporting.statistics.Suppression;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Calls the statistics API and compares published tables cell by cell. */
public final class Reports {

    public static final ObjectMapper JSON = new ObjectMapper();

    private Reports() {
    }

    public static Response get(String user, Map<String, ?> params) {
        return given().header("Authorization", Tokens.bearer(user)).accept("application/json")
                .queryParams(params).get("/statistics");
    }

    /** The tables of a report as JSON (numbers as a client reads them). */
    public static JsonNode tables(Response response) {
        try {
            return JSON.readTree(response.asString()).get("tables");
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.asString(), e);
        }
    }

    /**
     * What the API must publish for these raw counts of one community: laid out and derived like the service
     * does, each count withheld or published as the pattern of the period and group says (the service's own
     * entry point, {@code StatisticsService#pattern}, builds it from the counts of every community).
     */
    public static JsonNode expected(RawReport raw, int minCount, String category, String hromada,
                                    DisclosurePattern pattern) {
        Report report = new ReportBuilder(new Suppression(minCount)).publish(raw,
                new Report.Period(null, null), new Report.Scope(null, null, List.of(hromada), category), false,
                pattern);
        try {
            return JSON.readTree(JSON.writeValueAsString(report.tables()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every difference between two lists of tables, as readable lines (empty when equal). */
    public static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> diffs = new ArrayList<>();
        if (expected.size() != actual.size()) {
            diffs.add("expected " + expected.size() + " tables, got " + actual.size());
            return diffs;
        }
        for (int t = 0; t < expected.size(); t++) {
            JsonNode e = expected.get(t);
            JsonNode a = actual.get(t);
            String name = e.get("name").asText();
            if (!e.get("columns").equals(a.get("columns"))) {
                diffs.add(name + ": columns " + e.get("columns") + " vs " + a.get("columns"));
                continue;
            }
            List<JsonNode> eRows = rows(e);
            List<JsonNode> aRows = rows(a);
            if (eRows.size() != aRows.size()) {
                diffs.add(name + ": " + eRows.size() + " rows expected, got " + aRows.size());
                continue;
            }
            for (int r = 0; r < eRows.size(); r++) {
                JsonNode er = eRows.get(r);
                JsonNode ar = aRows.get(r);
                if (!er.equals(ar)) {
                    diffs.add(name + " row " + er.get("key").asText() + ": expected " + er.get("cells") + " total "
                            + er.get("total") + ", got " + ar.get("cells") + " total " + ar.get("total"));
                }
            }
            if (!e.equals(a) && diffs.isEmpty()) {
                diffs.add(name + ": " + e + " vs " + a);
            }
        }
        return diffs;
    }

    public static List<JsonNode> rows(JsonNode table) {
        List<JsonNode> rows = new ArrayList<>();
        table.get("rows").forEach(rows::add);
        rows.add(table.get("total"));
        return rows;
    }

    public static JsonNode table(JsonNode tables, String name) {
        for (JsonNode t : tables) {
            if (t.get("name").asText().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("no table " + name);
    }
}
