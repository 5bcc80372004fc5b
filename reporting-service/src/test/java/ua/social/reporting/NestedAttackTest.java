package ua.social.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import ua.social.identity.testing.DemoUsers;
import ua.social.reporting.support.Attacker;
import ua.social.reporting.support.Attacker.Ref;
import ua.social.reporting.support.Reports;
import ua.social.reporting.support.TestData;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An attacker who collects every answer the API gives for one period and subtracts the nested ones
 * (docs/adr/0011, "Nested answers"): the country by oblast and by community, every oblast by community and
 * by oblast, every single community by community and by oblast. Each published or withheld number is named
 * by the quantity it shows (period, region, table, column), so a quantity two answers show is one unknown
 * and a quantity one answer withholds and another publishes is known; the sector table of a region is the
 * sum of its communities' sector tables. One linear system over all of it must fix no withheld count.
 */
@QuarkusTest
class NestedAttackTest {

    static final String COUNTRY = "COUNTRY";
    static final String SECTORS = "referralsBySectorAndStatus";
    /** Tables of a snapshot at the end of the period: a quarter's is its last month's, a year's December's. */
    static final List<String> SNAPSHOTS = List.of("casesActiveByModel", "caseManagersByCaseload");

    /** Who a response's rows and total row are, as regions of the hierarchy. */
    record Shape(Function<String, String> rowRegion, String totalRegion) {
    }

    private static Response ask(LocalDate from, LocalDate to, Map<String, String> where) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("from", from.toString());
        p.put("to", to.toString());
        p.putAll(where);
        Response r = Reports.get(DemoUsers.ANALYST, p);
        assertEquals(200, r.statusCode(), p + ": " + r.asString());
        return r;
    }

    /** Names each number of a response by the quantity it shows (a snapshot by the day it is taken). */
    private static Function<Ref, String> namer(String periodName, String end, Shape shape) {
        return ref -> {
            String period = SNAPSHOTS.contains(ref.table()) ? "end " + end : periodName;
            if (ref.table().equals(SECTORS)) {
                return period + "|" + shape.totalRegion() + "|" + SECTORS + "|" + ref.row() + "|" + ref.column();
            }
            String region = "TOTAL".equals(ref.row()) ? shape.totalRegion() : shape.rowRegion().apply(ref.row());
            return period + "|" + region + "|" + ref.table() + "|" + ref.column();
        };
    }

    private static List<String> regionRows(JsonNode tables) {
        List<String> rows = new ArrayList<>();
        Reports.table(tables, "applicants").get("rows").forEach(r -> rows.add(r.get("key").asText()));
        return rows;
    }

    /** Adds every answer of one period for every region to the attacker's system; returns the regions. */
    static List<String> collect(Attacker attacker, LocalDate from, LocalDate to) {
        String period = from + ".." + to;
        String end = to.toString();
        List<String> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        JsonNode byOblast = Reports.tables(ask(from, to, Map.of("groupBy", "oblast")));
        attacker.add(byOblast, null, months, namer(period, end, new Shape(r -> r, COUNTRY)));
        JsonNode byCommunity = Reports.tables(ask(from, to, Map.of("groupBy", "hromada")));
        attacker.add(byCommunity, null, months, namer(period, end, new Shape(r -> r, COUNTRY)));
        Map<String, TreeSet<String>> communitiesOf = new TreeMap<>();
        for (String oblast : regionRows(byOblast)) {
            JsonNode oblastByCommunity = Reports.tables(ask(from, to, Map.of("oblast", oblast, "groupBy", "hromada")));
            attacker.add(oblastByCommunity, null, months, namer(period, end, new Shape(r -> r, oblast)));
            attacker.add(Reports.tables(ask(from, to, Map.of("oblast", oblast, "groupBy", "oblast"))), null, months,
                    namer(period, end, new Shape(r -> r, oblast)));
            communitiesOf.put(oblast, new TreeSet<>(regionRows(oblastByCommunity)));
            for (String h : communitiesOf.get(oblast)) {
                attacker.add(Reports.tables(ask(from, to, Map.of("hromada", h, "groupBy", "hromada"))), null, months,
                        namer(period, end, new Shape(r -> h, h)));
                attacker.add(Reports.tables(ask(from, to, Map.of("hromada", h, "groupBy", "oblast"))), null, months,
                        namer(period, end, new Shape(r -> h, h)));
            }
        }
        // the sector table of a region is the sum of its parts' sector tables
        JsonNode sectors = Reports.table(byOblast, SECTORS);
        List<String> columns = new ArrayList<>();
        sectors.get("columns").forEach(c -> columns.add(c.get("key").asText()));
        columns.add("TOTAL");
        List<String> sectorRows = new ArrayList<>();
        Reports.rows(sectors).forEach(r -> sectorRows.add(r.get("key").asText()));
        for (String s : sectorRows) {
            for (String c : columns) {
                Function<String, String> name = region -> period + "|" + region + "|" + SECTORS + "|" + s + "|" + c;
                attacker.sumOfNamed(communitiesOf.keySet().stream().map(name).toList(), name.apply(COUNTRY));
                communitiesOf.forEach((oblast, hs) -> attacker.sumOfNamed(hs.stream().map(name).toList(),
                        name.apply(oblast)));
            }
        }
        List<String> regions = new ArrayList<>(List.of(COUNTRY));
        communitiesOf.forEach((oblast, hs) -> {
            regions.add(oblast);
            regions.addAll(hs);
        });
        return regions;
    }

    static void assertNothingRecovered(Attacker attacker) {
        List<String> recovered = attacker.recovered();
        assertTrue(attacker.withheld() > 50, "the answers withhold numbers to attack: " + attacker.withheld());
        assertTrue(recovered.isEmpty(), recovered.size() + " withheld numbers recovered by subtracting nested answers:\n"
                + String.join("\n", recovered.subList(0, Math.min(40, recovered.size()))));
    }

    /**
     * A quarter and its three months, every region of each, in one system, with what the definitions say
     * about time (docs/reporting-definitions.md, "Periods"): a count that adds up over time is, in the quarter,
     * the sum of its months'; the quarter's column of a month is that month's own count; its snapshot is
     * June's. With the default {@code reporting.statistics.nested-periods=months} nothing is recovered
     * ({@link NestedPeriodsAttackTest}: with {@code own} the same attack recovers counts).
     */
    @Test
    void aQuarterAndItsMonthsForEveryRegionWithTheSumsOverTimeRevealNoWithheldCount() {
        assertNothingRecovered(quarterAndItsMonths(LocalDate.of(2019, 4, 1)));
    }

    /**
     * The whole calendar year at once: the year, its four quarters and its twelve months, every region of
     * each, with the sums over time of each quarter and of the year over their months.
     */
    @Test
    void aYearItsQuartersAndItsMonthsForEveryRegionWithTheSumsOverTimeRevealNoWithheldCount() {
        TestData.world();
        Attacker attacker = new Attacker();
        LocalDate start = LocalDate.of(2019, 1, 1);
        TreeSet<String> regions = new TreeSet<>(collect(attacker, start, start.plusYears(1).minusDays(1)));
        List<YearMonth> year = new ArrayList<>();
        for (int quarter = 0; quarter < 4; quarter++) {
            LocalDate from = start.plusMonths(3L * quarter);
            regions.addAll(collect(attacker, from, from.plusMonths(3).minusDays(1)));
            for (int month = 0; month < 3; month++) {
                LocalDate m = from.plusMonths(month);
                regions.addAll(collect(attacker, m, m.plusMonths(1).minusDays(1)));
                year.add(YearMonth.from(m));
            }
        }
        for (int quarter = 0; quarter < 4; quarter++) {
            sumsOverTime(attacker, year.subList(3 * quarter, 3 * quarter + 3), regions);
        }
        sumsOverTime(attacker, year, regions);
        assertNothingRecovered(attacker);
    }

    /** Every answer of the quarter starting on {@code start} and of its months, with the sums over time. */
    static Attacker quarterAndItsMonths(LocalDate start) {
        TestData.world();
        Attacker attacker = new Attacker();
        LocalDate end = start.plusMonths(3).minusDays(1);
        TreeSet<String> regions = new TreeSet<>(collect(attacker, start, end));
        List<YearMonth> months = new ArrayList<>();
        for (int month = 0; month < 3; month++) {
            LocalDate from = start.plusMonths(month);
            regions.addAll(collect(attacker, from, from.plusMonths(1).minusDays(1)));
            months.add(YearMonth.from(from));
        }
        sumsOverTime(attacker, months, regions);
        return attacker;
    }

    /** The relations over time between the period made of {@code months} and each of them (names as collect's). */
    private static void sumsOverTime(Attacker attacker, List<YearMonth> months, Collection<String> regions) {
        Function<YearMonth, String> period = m -> m.atDay(1) + ".." + m.atEndOfMonth();
        String whole = months.get(0).atDay(1) + ".." + months.get(months.size() - 1).atEndOfMonth();
        attacker.sumsOverTime(months.stream().map(period).toList(), whole, months, regions, null,
                (p, quantity) -> p + "|" + quantity, period);
    }
}
