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
        List<String> hs = new ArrayList<>();
        Map<String, RawReport> each = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> o : new TreeMap<>(COMMUNITIES_PER_OBLAST).entrySet()) {
            for (int i = 0; i < o.getValue(); i++) {
                String h = "UA" + o.getKey().substring(3) + String.format("%015d", i + 1);
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
                    List<String> monthKeys = all.months().stream().map(YearMonth::toString).toList();
                    List<String> oblasts = new ArrayList<>(new TreeMap<>(COMMUNITIES_PER_OBLAST).keySet());
                    Attacker attacker = new Attacker();
                    attacker.add(tables(answer(all, StatisticsQuery.GroupBy.OBLAST, oblasts, oblastOf::get),
                                    new Report.Scope("oblast", null, List.of(), category), pattern), category, monthKeys,
                            namer(r -> r, COUNTRY));
                    attacker.add(tables(answer(all, StatisticsQuery.GroupBy.HROMADA, all.regions(), h -> h),
                                    new Report.Scope("hromada", null, List.of(), category), pattern), category, monthKeys,
                            namer(r -> r, COUNTRY));
                    Map<String, List<String>> communitiesOf = new TreeMap<>();
                    for (String o : oblasts) {
                        List<String> hs = all.regions().stream().filter(h -> oblastOf.get(h).equals(o)).toList();
                        communitiesOf.put(o, hs);
                        attacker.add(tables(answer(all, StatisticsQuery.GroupBy.HROMADA, hs,
                                        h -> o.equals(oblastOf.get(h)) ? h : null),
                                        new Report.Scope("hromada", o, List.of(), category), pattern), category,
                                monthKeys, namer(r -> r, o));
                        attacker.add(tables(answer(all, StatisticsQuery.GroupBy.OBLAST, List.of(o),
                                        h -> o.equals(oblastOf.get(h)) ? o : null),
                                        new Report.Scope("oblast", o, List.of(), category), pattern), category,
                                monthKeys, namer(r -> r, o));
                        for (String h : hs) {
                            attacker.add(tables(answer(all, StatisticsQuery.GroupBy.HROMADA, List.of(h),
                                            x -> x.equals(h) ? h : null),
                                            new Report.Scope("hromada", null, List.of(h), category), pattern), category,
                                    monthKeys, namer(r -> h, h));
                            attacker.add(tables(answer(all, StatisticsQuery.GroupBy.OBLAST, List.of(o),
                                            x -> x.equals(h) ? o : null),
                                            new Report.Scope("oblast", null, List.of(h), category), pattern), category,
                                    monthKeys, namer(r -> h, h));
                        }
                    }
                    for (String s : sectorRows()) {
                        for (String c : sectorColumns()) {
                            Function<String, String> name = region -> region + "|" + SECTORS + "|" + s + "|" + c;
                            attacker.sumOfNamed(oblasts.stream().map(name).toList(), name.apply(COUNTRY));
                            communitiesOf.forEach((o, hs) -> attacker.sumOfNamed(hs.stream().map(name).toList(),
                                    name.apply(o)));
                        }
                    }
                    List<String> recovered = attacker.recovered();
                    assertTrue(recovered.isEmpty(), "category " + category + ", " + months + " months, round " + round
                            + ": recovered " + recovered);
                    withheld += attacker.withheld();
                }
            }
        }
        assertTrue(withheld > 500, "the answers withhold enough to attack: " + withheld);
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
