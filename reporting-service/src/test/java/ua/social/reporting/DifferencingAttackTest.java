package ua.social.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import ua.social.identity.testing.DemoUsers;
import ua.social.reporting.support.Reports;
import ua.social.reporting.support.TestData;
import ua.social.reporting.support.World;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An attacker who asks for two figures that differ by one day, by an overlapping stretch of days or by one
 * community and subtracts them (docs/adr/0011). Every attempt must either be refused (400 problem+json naming
 * the parameter and saying what is allowed) or, when both requests are answered, leave no count from 1 to k−1
 * in any difference of two published additive counts.
 */
@QuarkusTest
class DifferencingAttackTest {

    static final int K = 5;
    /** Tables whose counts add up over days and over communities, so that a difference is itself a count. */
    static final Set<String> ADDITIVE_COUNTS = Set.of("casesOpenedByModel", "casesOpenedByMonth", "casesClosedByReason",
            "servicesByCategory", "appealsByMonth");

    /** One request of an attempt. */
    record Ask(String user, Map<String, String> params) {
    }

    /** Two requests whose difference would be a withheld count if both were answered. */
    record Attempt(String what, Ask wider, Ask narrower) {
    }

    private static Ask analyst(String from, String to, String hromada) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("from", from);
        p.put("to", to);
        if (hromada != null) {
            p.put("hromada", hromada);
            p.put("groupBy", "hromada");
        }
        return new Ask(DemoUsers.ANALYST, p);
    }

    private static List<Attempt> attempts(World world) {
        List<String> hs = world.communities.stream().map(World.Community::hromada).toList();
        String h = hs.get(0);
        List<Attempt> attempts = new ArrayList<>();
        // one day apart, at either end, in each community and in the whole country
        for (String where : new String[]{h, hs.get(3), null}) {
            attempts.add(new Attempt("a quarter and the quarter less its last day", analyst("2019-01-01", "2019-03-31", where),
                    analyst("2019-01-01", "2019-03-30", where)));
            attempts.add(new Attempt("a quarter and the quarter less its first day", analyst("2019-04-01", "2019-06-30", where),
                    analyst("2019-04-02", "2019-06-30", where)));
            attempts.add(new Attempt("a month and the month less a day", analyst("2019-03-01", "2019-03-31", where),
                    analyst("2019-03-01", "2019-03-30", where)));
            attempts.add(new Attempt("a year and the year less a day", analyst("2019-01-01", "2019-12-31", where),
                    analyst("2019-01-02", "2019-12-31", where)));
            attempts.add(new Attempt("a day more than a month", analyst("2019-05-01", "2019-06-01", where),
                    analyst("2019-05-01", "2019-05-31", where)));
            // overlapping periods
            attempts.add(new Attempt("overlapping three months", analyst("2019-02-01", "2019-04-30", where),
                    analyst("2019-01-01", "2019-03-31", where)));
            attempts.add(new Attempt("overlapping half months", analyst("2019-01-15", "2019-02-14", where),
                    analyst("2019-01-01", "2019-01-31", where)));
        }
        // community lists that differ by one community
        attempts.add(new Attempt("two communities and one of them", analyst("2019-01-01", "2019-12-31",
                hs.get(0) + "," + hs.get(1)), analyst("2019-01-01", "2019-12-31", hs.get(0))));
        attempts.add(new Attempt("six communities and five", analyst("2019-01-01", "2019-12-31", String.join(",", hs)),
                analyst("2019-01-01", "2019-12-31", String.join(",", hs.subList(0, 5)))));
        Map<String, String> repeated = new LinkedHashMap<>(analyst("2019-01-01", "2019-03-31", null).params());
        repeated.put("hromada", hs.get(2) + "," + hs.get(3) + "," + hs.get(4));
        attempts.add(new Attempt("three communities, comma-separated, and two", new Ask(DemoUsers.ANALYST, repeated),
                analyst("2019-01-01", "2019-03-31", hs.get(2) + "," + hs.get(3))));
        Map<String, String> oblastAndList = new LinkedHashMap<>(analyst("2019-01-01", "2019-12-31", null).params());
        oblastAndList.put("oblast", world.communities.get(0).oblast());
        oblastAndList.put("hromada", hs.get(0) + "," + hs.get(1));
        attempts.add(new Attempt("an oblast's two communities and one", new Ask(DemoUsers.ANALYST, oblastAndList),
                analyst("2019-01-01", "2019-12-31", hs.get(1))));
        // a supervisor, always held to their own community, over periods a day apart
        attempts.add(new Attempt("a supervisor's quarter and the quarter less a day",
                new Ask(DemoUsers.SUPERVISOR_POLTAVA, Map.of("from", "2019-01-01", "to", "2019-03-31")),
                new Ask(DemoUsers.SUPERVISOR_POLTAVA, Map.of("from", "2019-01-01", "to", "2019-03-30"))));
        return attempts;
    }

    @Test
    void differencingOverDaysOverlapsAndCommunityListsRecoversNoWithheldCount() {
        World world = TestData.world();
        int refused = 0;
        List<String> revealed = new ArrayList<>();
        for (Attempt attempt : attempts(world)) {
            Response wider = Reports.get(attempt.wider().user(), attempt.wider().params());
            Response narrower = Reports.get(attempt.narrower().user(), attempt.narrower().params());
            if (wider.statusCode() == 400 || narrower.statusCode() == 400) {
                for (Response r : List.of(wider, narrower)) {
                    if (r.statusCode() == 400) {
                        assertRefusalSaysWhatIsAllowed(attempt.what(), r);
                    } else {
                        assertEquals(200, r.statusCode(), attempt.what() + ": " + r.asString());
                    }
                }
                refused++;
                continue;
            }
            assertEquals(200, wider.statusCode(), attempt.what());
            assertEquals(200, narrower.statusCode(), attempt.what());
            revealed.addAll(smallDifferences(attempt.what(), Reports.tables(wider), Reports.tables(narrower)));
        }
        assertTrue(revealed.isEmpty(), "differencing revealed small counts:\n" + String.join("\n", revealed));
        assertTrue(refused > 0, "the attempts reach the API");
    }

    private static void assertRefusalSaysWhatIsAllowed(String what, Response r) {
        assertTrue(r.contentType().startsWith("application/problem+json"), what + ": " + r.contentType());
        try {
            JsonNode problem = Reports.JSON.readTree(r.asString());
            String field = problem.get("errors").get(0).get("field").asText();
            assertTrue(Set.of("from", "to", "hromada").contains(field), what + ": names " + field);
            String detail = problem.get("detail").asText();
            assertTrue("hromada".equals(field) ? detail.contains("whole oblast") && detail.contains("single community")
                            : detail.contains("whole calendar month") && detail.contains("quarter"),
                    what + ": says what is allowed: " + detail);
        } catch (IOException e) {
            throw new AssertionError(what + ": not JSON: " + r.asString(), e);
        }
    }

    /** Differences of two published counts of the same row and column that are small counts themselves. */
    private static List<String> smallDifferences(String what, JsonNode wider, JsonNode narrower) {
        List<String> small = new ArrayList<>();
        for (String name : ADDITIVE_COUNTS) {
            JsonNode a = Reports.table(wider, name);
            JsonNode b = Reports.table(narrower, name);
            for (JsonNode rowA : Reports.rows(a)) {
                for (JsonNode rowB : Reports.rows(b)) {
                    if (!rowA.get("key").asText().equals(rowB.get("key").asText())) {
                        continue;
                    }
                    for (int c = 0; c < a.get("columns").size() && c < b.get("columns").size(); c++) {
                        if (!a.get("columns").get(c).equals(b.get("columns").get(c))) {
                            continue;
                        }
                        check(small, what + " " + name + " " + rowA.get("key").asText() + "/"
                                + a.get("columns").get(c).get("key").asText(), rowA.get("cells").get(c), rowB.get("cells").get(c));
                    }
                    if (rowA.hasNonNull("total") && rowB.hasNonNull("total")) {
                        check(small, what + " " + name + " " + rowA.get("key").asText() + "/TOTAL", rowA.get("total"),
                                rowB.get("total"));
                    }
                }
            }
        }
        return small;
    }

    private static void check(List<String> small, String where, JsonNode a, JsonNode b) {
        if (a.get("suppressed").asBoolean() || b.get("suppressed").asBoolean()) {
            return;
        }
        long d = Math.abs(a.get("value").asLong() - b.get("value").asLong());
        if (d >= 1 && d < K) {
            small.add(where + ": " + a.get("value") + " − " + b.get("value") + " = " + d);
        }
    }
}
