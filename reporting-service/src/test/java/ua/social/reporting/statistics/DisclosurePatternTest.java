package ua.social.reporting.statistics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import ua.social.contracts.code.VulnerableGroup;
import ua.social.reporting.support.Attacker;
import ua.social.reporting.support.Attacker.Ref;

import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one pattern of a period ({@link DisclosurePattern}) against an attacker who holds every answer the
 * API can give for it, built from random but consistent counts of a country of three oblasts (one, two and
 * five communities): the country by oblast and by community, each oblast by community and by oblast, each
 * community alone. Every number is named by the quantity it shows, so one system holds them all, with the
 * sector table of a region as the sum of its parts' sector tables. It must recover no withheld count, and
 * a quantity must be withheld in every answer that shows it or in none.
 */
@Tag("fast")
class DisclosurePatternTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COUNTRY = "COUNTRY";
    private static final String SECTORS = ReportBuilder.REFERRALS_BY_SECTOR;
    private static final Map<String, Integer> COMMUNITIES_PER_OBLAST = Map.of("UA-12", 1, "UA-63", 2, "UA-71", 5);

    /** The counts of every community of a random country, each community with its own sector table. */
    private static RawReport country(Random random, String category, int months, Map<String, String> oblastOf) {
        return country(random, category, months, oblastOf, 0);
    }

    /** The same with each community left out (no counts at all, as in most months of a small one) at that rate. */
    private static RawReport country(Random random, String category, int months, Map<String, String> oblastOf,
                                     double absent) {
        List<String> hs = new ArrayList<>();
        Map<String, RawReport> each = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> o : new TreeMap<>(COMMUNITIES_PER_OBLAST).entrySet()) {
            for (int i = 0; i < o.getValue(); i++) {
                String h = "UA" + o.getKey().substring(3) + String.format("%015d", i + 1);
                if (random.nextDouble() < absent) {
                    continue;
                }
                hs.add(h);
                oblastOf.put(h, o.getKey());
                each.put(h, CrossTableAttackTest.raw(random, category, months, 1));
            }
        }
        RawReport all = new RawReport(StatisticsQuery.GroupBy.HROMADA, hs, each.values().iterator().next().months());
        each.forEach((h, one) -> one.forEachCount((table, row, column, n) -> {
            if (table.equals(SECTORS)) {
                all.add(RawReport.sectorTableOf(h), row, column, n);
                all.add(SECTORS, row, column, n);
            } else {
                all.add(table, h, column, n);
            }
        }));
        return all;
    }

    /** The counts of one answer: the communities summed into rows ({@code rowOf}: null leaves one out). */
    private static RawReport answer(RawReport all, StatisticsQuery.GroupBy groupBy, List<String> rows,
                                    Function<String, String> rowOf) {
        RawReport raw = new RawReport(groupBy, rows, all.months());
        all.forEachCount((table, row, column, n) -> {
            String region = RawReport.regionOfSectorTable(table);
            if (region != null) {
                if (rowOf.apply(region) != null) {
                    raw.add(SECTORS, row, column, n);
                }
            } else if (!table.equals(SECTORS) && rowOf.apply(row) != null) {
                raw.add(table, rowOf.apply(row), column, n);
            }
        });
        return raw;
    }

    private static JsonNode tables(RawReport raw, Report.Scope scope, DisclosurePattern pattern) {
        Report report = new ReportBuilder(new Suppression(5)).publish(raw, new Report.Period(null, null), scope, false,
                pattern);
        try {
            return JSON.readTree(JSON.writeValueAsString(report.tables()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Function<Ref, String> namer(Function<String, String> rowRegion, String whole) {
        return ref -> {
            if (ref.table().equals(SECTORS)) {
                return whole + "|" + SECTORS + "|" + ref.row() + "|" + ref.column();
            }
            return ("TOTAL".equals(ref.row()) ? whole : rowRegion.apply(ref.row())) + "|" + ref.table() + "|"
                    + ref.column();
        };
    }

    @Test
    void everyAnswerOfAPeriodTogetherRevealsNoWithheldCount() {
        Random random = new Random(2026_12_01);
        int withheld = 0;
        List<String> categories = new ArrayList<>();
        categories.add(null);
        categories.add(VulnerableGroup.values()[0].name());
        for (String category : categories) {
            for (int months : new int[]{1, 3, 12}) {
                for (int round = 0; round < 4; round++) {
                    Map<String, String> oblastOf = new TreeMap<>();
                    RawReport all = country(random, category, months, oblastOf);
                    DisclosurePattern pattern = DisclosurePattern.of(all, h -> Optional.ofNullable(oblastOf.get(h)),
                            new Suppression(5), category);
                    Attacker attacker = new Attacker();
                    addEveryAnswer(attacker, all, pattern, category, oblastOf, "");
                    List<String> recovered = attacker.recovered();
                    assertTrue(recovered.isEmpty(), "category " + category + ", " + months + " months, round " + round
                            + ": recovered " + recovered);
                    withheld += attacker.withheld();
                }
            }
        }
        assertTrue(withheld > 500, "the answers withhold enough to attack: " + withheld);
    }

    /**
     * Adds every answer the API can give for one period and group to the attacker's system: the country by oblast
     * and by community, each oblast both ways, each community both ways, and the sector tables of the parts of a
     * region adding up to the region's. Every number is named by {@code period} (empty for one period alone), the
     * region and the quantity.
     */
    private static void addEveryAnswer(Attacker attacker, RawReport all, DisclosurePattern pattern, String category,
                                       Map<String, String> oblastOf, String period) {
        List<String> monthKeys = all.months().stream().map(YearMonth::toString).toList();
        List<String> oblasts = new ArrayList<>(new TreeSet<>(oblastOf.values()));
        Function<Function<Ref, String>, Function<Ref, String>> in = namer -> ref -> period + namer.apply(ref);
        attacker.add(tables(answer(all, StatisticsQuery.GroupBy.OBLAST, oblasts, oblastOf::get),
                        new Report.Scope("oblast", null, List.of(), category), pattern), category, monthKeys,
                in.apply(namer(r -> r, COUNTRY)));
        attacker.add(tables(answer(all, StatisticsQuery.GroupBy.HROMADA, all.regions(), h -> h),
                        new Report.Scope("hromada", null, List.of(), category), pattern), category, monthKeys,
                in.apply(namer(r -> r, COUNTRY)));
        Map<String, List<String>> communitiesOf = new TreeMap<>();
        for (String o : oblasts) {
            List<String> hs = all.regions().stream().filter(h -> oblastOf.get(h).equals(o)).toList();
            communitiesOf.put(o, hs);
            attacker.add(tables(answer(all, StatisticsQuery.GroupBy.HROMADA, hs,
                            h -> o.equals(oblastOf.get(h)) ? h : null),
                            new Report.Scope("hromada", o, List.of(), category), pattern), category,
                    monthKeys, in.apply(namer(r -> r, o)));
            attacker.add(tables(answer(all, StatisticsQuery.GroupBy.OBLAST, List.of(o),
                            h -> o.equals(oblastOf.get(h)) ? o : null),
                            new Report.Scope("oblast", o, List.of(), category), pattern), category,
                    monthKeys, in.apply(namer(r -> r, o)));
            for (String h : hs) {
                attacker.add(tables(answer(all, StatisticsQuery.GroupBy.HROMADA, List.of(h),
                                x -> x.equals(h) ? h : null),
                                new Report.Scope("hromada", null, List.of(h), category), pattern), category,
                        monthKeys, in.apply(namer(r -> h, h)));
                attacker.add(tables(answer(all, StatisticsQuery.GroupBy.OBLAST, List.of(o),
                                x -> x.equals(h) ? o : null),
                                new Report.Scope("oblast", null, List.of(h), category), pattern), category,
                        monthKeys, in.apply(namer(r -> h, h)));
            }
        }
        for (String s : sectorRows()) {
            for (String c : sectorColumns()) {
                Function<String, String> name = region -> period + region + "|" + SECTORS + "|" + s + "|" + c;
                attacker.sumOfNamed(oblasts.stream().map(name).toList(), name.apply(COUNTRY));
                communitiesOf.forEach((o, hs) -> attacker.sumOfNamed(hs.stream().map(name).toList(), name.apply(o)));
            }
        }
    }

    /**
     * A quarter and a year hold their months: an attacker with every answer of every month, quarter and the year
     * (each as in the test above) adds the sums over time of every count that adds up over time (appeals, cases
     * opened by model and by group, closures, services, referrals sent, by region and by sector), a quarter's
     * column of one month as that month's own count, and a period's snapshot as that of its last month. The
     * months are random and independent, and a community is missing from a month now and then (it has nothing
     * there, which the attacker then knows). Nothing withheld may be recovered.
     */
    @Test
    void theAnswersOfAYearItsQuartersAndItsMonthsTogetherRevealNoWithheldCount() {
        Random random = new Random(2026_12_02);
        int withheld = 0;
        for (String category : new String[]{null, VulnerableGroup.values()[0].name()}) {
            for (int round = 0; round < 2; round++) {
                Map<String, String> oblastOf = new TreeMap<>();
                Suppression suppression = new Suppression(5);
                Map<YearMonth, RawReport> months = new TreeMap<>();
                Map<YearMonth, DisclosurePattern> monthPatterns = new TreeMap<>();
                for (int i = 0; i < 12; i++) {
                    YearMonth m = YearMonth.of(2019, 1).plusMonths(i);
                    RawReport raw = inMonth(country(random, category, 1, oblastOf, 0.3), m);
                    months.put(m, raw);
                    monthPatterns.put(m, DisclosurePattern.of(raw, h -> Optional.ofNullable(oblastOf.get(h)),
                            suppression, category));
                }
                Attacker attacker = new Attacker();
                months.forEach((m, raw) -> addEveryAnswer(attacker, raw, monthPatterns.get(m), category, oblastOf,
                        m + ":"));
                List<String> quarters = new ArrayList<>();
                for (int q = 0; q < 4; q++) {
                    List<YearMonth> in = List.copyOf(months.keySet()).subList(3 * q, 3 * q + 3);
                    String name = "2019-Q" + (q + 1) + ":";
                    quarters.add(name);
                    addPeriod(attacker, in, months, monthPatterns, category, oblastOf, suppression, name);
                    attacker.sumsOverTime(in.stream().map(m -> m + ":").toList(), name, in, regions(oblastOf),
                            category, String::concat, m -> m + ":");
                }
                List<YearMonth> year = List.copyOf(months.keySet());
                addPeriod(attacker, year, months, monthPatterns, category, oblastOf, suppression, "2019:");
                attacker.sumsOverTime(quarters, "2019:", year, regions(oblastOf), category, String::concat, m -> m + ":");
                attacker.sumsOverTime(year.stream().map(m -> m + ":").toList(), "2019:", year, regions(oblastOf), category,
                        String::concat, m -> m + ":");
                List<String> recovered = attacker.recovered();
                assertTrue(recovered.isEmpty(), "category " + category + ", round " + round + ": recovered "
                        + recovered.size() + ": " + recovered);
                withheld += attacker.withheld();
            }
        }
        assertTrue(withheld > 1000, "the answers withhold enough to attack: " + withheld);
    }


    /** Every region: the communities, the oblasts and the country. */
    private static List<String> regions(Map<String, String> oblastOf) {
        List<String> regions = new ArrayList<>(new TreeSet<>(oblastOf.keySet()));
        regions.addAll(new TreeSet<>(oblastOf.values()));
        regions.add(COUNTRY);
        return regions;
    }

    /** A one-month country of {@link #country} moved to month {@code m} (its monthly columns too). */
    private static RawReport inMonth(RawReport raw, YearMonth m) {
        String from = raw.months().get(0).toString();
        RawReport moved = new RawReport(raw.groupBy(), raw.regions(), List.of(m));
        raw.forEachCount((t, r, c, n) -> moved.add(t, r, c.equals(from) ? m.toString() : c, n));
        return moved;
    }

    /**
     * Adds every answer of a period of several months, its counts being its months' (the snapshots: its last
     * month's; the persons and other counts that do not add up over time are, in this world, the sums too,
     * which the attacker does not know), with its pattern built on its months'.
     */
    private static void addPeriod(Attacker attacker, List<YearMonth> in, Map<YearMonth, RawReport> months,
                                  Map<YearMonth, DisclosurePattern> monthPatterns, String category,
                                  Map<String, String> oblastOf, Suppression suppression, String name) {
        TreeSet<String> regions = new TreeSet<>();
        in.forEach(m -> regions.addAll(months.get(m).regions()));
        RawReport period = new RawReport(StatisticsQuery.GroupBy.HROMADA, new ArrayList<>(regions), in);
        List<String> snapshots = List.of(ReportBuilder.ACTIVE_BY_MODEL, ReportBuilder.MANAGERS_BY_CASELOAD);
        for (YearMonth m : in) {
            boolean last = m.equals(in.get(in.size() - 1));
            months.get(m).forEachCount((t, r, c, n) -> {
                if (!snapshots.contains(t) || last) {
                    period.add(t, r, c, n);
                }
            });
        }
        DisclosurePattern pattern = DisclosurePattern.of(period, h -> Optional.ofNullable(oblastOf.get(h)), suppression,
                category, in.stream().map(monthPatterns::get).toList());
        addEveryAnswer(attacker, period, pattern, category, oblastOf, name);
    }

    @Test
    void theSameDataGiveTheSamePatternWhicheverRegionIsAskedFirst() {
        Map<String, String> oblastOf = new TreeMap<>();
        RawReport all = country(new Random(7), null, 3, oblastOf);
        DisclosurePattern countryFirst = DisclosurePattern.of(all, h -> Optional.ofNullable(oblastOf.get(h)),
                new Suppression(5), null);
        DisclosurePattern communityFirst = DisclosurePattern.of(all, h -> Optional.ofNullable(oblastOf.get(h)),
                new Suppression(5), null);
        List<String> hs = new ArrayList<>(all.regions());
        java.util.Collections.reverse(hs);
        for (String h : hs) {
            communityFirst.withheld(ReportBuilder.OPENED_BY_MODEL, h, 0);
        }
        int compared = 0;
        for (String region : all.regions()) {
            for (int c = 0; c <= 4; c++) {
                assertEquals(countryFirst.withheld(ReportBuilder.OPENED_BY_MODEL, region, c),
                        communityFirst.withheld(ReportBuilder.OPENED_BY_MODEL, region, c), region + " column " + c);
                compared++;
            }
        }
        assertTrue(compared > 20);
    }

    /**
     * The snapshot at the end of a quarter is the snapshot at the end of its last month: with the same
     * snapshot counts, whatever else the quarter holds (other counts, a community with nothing active),
     * every region withholds the same snapshot counts in both.
     */
    @Test
    void theSnapshotAtTheEndOfAQuarterIsWithheldExactlyAsAtTheEndOfItsLastMonth() {
        Random random = new Random(42);
        List<String> snapshots = List.of(ReportBuilder.ACTIVE_BY_MODEL, ReportBuilder.MANAGERS_BY_CASELOAD);
        int withheld = 0;
        for (int round = 0; round < 20; round++) {
            Map<String, String> oblastOf = new TreeMap<>();
            RawReport month = country(random, null, 1, oblastOf);
            RawReport other = country(random, null, 3, oblastOf);
            String extra = "UA12" + String.format("%015d", 99);
            oblastOf.put(extra, "UA-12");
            List<String> regions = new ArrayList<>(other.regions());
            regions.add(extra);
            regions.sort(null);
            RawReport quarter = new RawReport(StatisticsQuery.GroupBy.HROMADA, regions, other.months());
            other.forEachCount((t, r, c, n) -> {
                if (!snapshots.contains(t)) {
                    quarter.add(t, r, c, n);
                }
            });
            month.forEachCount((t, r, c, n) -> {
                if (snapshots.contains(t)) {
                    quarter.add(t, r, c, n);
                }
            });
            quarter.add(ReportBuilder.SERVICES_BY_CATEGORY, extra, ua.social.contracts.code.ServiceCategory.values()[0]
                    .name(), 3);
            DisclosurePattern atMonthEnd = DisclosurePattern.of(month, h -> Optional.ofNullable(oblastOf.get(h)),
                    new Suppression(5), null);
            DisclosurePattern atQuarterEnd = DisclosurePattern.of(quarter, h -> Optional.ofNullable(oblastOf.get(h)),
                    new Suppression(5), null);
            List<String> all = new ArrayList<>(regions);
            all.addAll(COMMUNITIES_PER_OBLAST.keySet());
            all.add(DisclosurePattern.COUNTRY);
            for (String table : snapshots) {
                for (String region : all) {
                    for (int c = 0; c <= 4; c++) {
                        boolean w = atMonthEnd.withheld(table, region, c);
                        assertEquals(w, atQuarterEnd.withheld(table, region, c),
                                "round " + round + " " + table + " " + region + " column " + c);
                        withheld += w ? 1 : 0;
                    }
                }
            }
        }
        assertTrue(withheld > 50, "the snapshots withhold counts: " + withheld);
    }

    private static List<String> sectorRows() {
        List<String> rows = new ArrayList<>();
        for (ua.social.contracts.code.PartnerSector s : ua.social.contracts.code.PartnerSector.values()) {
            rows.add(s.name());
        }
        rows.add("TOTAL");
        return rows;
    }

    private static List<String> sectorColumns() {
        List<String> columns = new ArrayList<>(ReportBuilder.referralColumns());
        columns.add("TOTAL");
        return columns;
    }
}
