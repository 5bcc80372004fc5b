package ua.social.reporting.statistics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import ua.social.contracts.code.CaseManagementModel;
import ua.social.contracts.code.ClosureReason;
import ua.social.contracts.code.PartnerSector;
import ua.social.contracts.code.ServiceCategory;
import ua.social.contracts.code.VulnerableGroup;
import ua.social.reporting.statistics.ReportBuilder.CaseloadBand;
import ua.social.reporting.support.Attacker;

import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attacker of {@link Attacker} against whole responses built from random but consistent raw counts,
 * for every shape of request: with and without a vulnerable group, one month or several, one region or
 * several. It solves every table's sums together with the quantities two tables share (a group's column
 * under a category filter is the persons or cases opened of another table; a single month's column is
 * the persons) and must recover no withheld number.
 */
@Tag("fast")
class CrossTableAttackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] REFERRAL_STATUSES = {"REQUESTED", "ACCEPTED", "IN_PROGRESS", "ON_HOLD", "COMPLETED",
            "REJECTED", "FAILED", "CANCELLED"};

    @Test
    void noWithheldNumberIsRecoveredAcrossTheTablesOfAResponseForAnyFilter() {
        Random random = new Random(11_2026);
        int attacked = 0;
        int withheld = 0;
        List<String> categories = new ArrayList<>();
        categories.add(null);
        for (VulnerableGroup g : VulnerableGroup.values()) {
            categories.add(g.name());
        }
        for (String category : categories) {
            for (int months : new int[]{1, 3, 12}) {
                for (int regions : new int[]{1, 2, 6}) {
                    for (int round = 0; round < 4; round++) {
                        RawReport raw = raw(random, category, months, regions);
                        Report report = new ReportBuilder(new Suppression(5)).publish(raw,
                                new Report.Period(null, null), new Report.Scope("hromada", null, List.of(), category),
                                false);
                        JsonNode tables = json(report);
                        Attacker attacker = Attacker.ofResponse(tables, category,
                                raw.months().stream().map(YearMonth::toString).toList());
                        List<String> recovered = attacker.recovered();
                        assertTrue(recovered.isEmpty(), "category " + category + ", " + months + " months, " + regions
                                + " regions, round " + round + ": recovered " + recovered);
                        attacked++;
                        withheld += attacker.withheld();
                    }
                }
            }
        }
        assertTrue(withheld > attacked * 5, "the responses withhold enough to attack: " + withheld);
    }

    @Test
    void underACategoryTheGroupColumnAndTheRowTotalsItRepeatsAreWithheldTogether() {
        Random random = new Random(3);
        for (int round = 0; round < 50; round++) {
            RawReport raw = raw(random, "DISABILITY", 2, 3);
            JsonNode tables = json(new ReportBuilder(new Suppression(5)).publish(raw, new Report.Period(null, null),
                    new Report.Scope("hromada", null, List.of(), "DISABILITY"), false));
            JsonNode byGroup = table(tables, "casesOpenedByVulnerableGroup");
            JsonNode byModel = table(tables, "casesOpenedByModel");
            int column = column(byGroup, "DISABILITY");
            for (int r = 0; r < byModel.get("rows").size(); r++) {
                boolean a = byModel.get("rows").get(r).get("total").get("suppressed").asBoolean();
                boolean b = byGroup.get("rows").get(r).get("cells").get(column).get("suppressed").asBoolean();
                assertTrue(a == b, "round " + round + " row " + r + ": opened withheld " + a + " in one table, " + b
                        + " in the other");
            }
            JsonNode persons = table(tables, "applicants");
            JsonNode personsByGroup = table(tables, "applicantsByVulnerableGroup");
            int pc = column(personsByGroup, "DISABILITY");
            for (int r = 0; r < persons.get("rows").size(); r++) {
                assertTrue(persons.get("rows").get(r).get("cells").get(0).get("suppressed").asBoolean()
                        == personsByGroup.get("rows").get(r).get("cells").get(pc).get("suppressed").asBoolean());
            }
        }
    }

    private static int column(JsonNode table, String key) {
        for (int c = 0; c < table.get("columns").size(); c++) {
            if (table.get("columns").get(c).get("key").asText().equals(key)) {
                return c;
            }
        }
        throw new AssertionError(key);
    }

    private static JsonNode table(JsonNode tables, String name) {
        for (JsonNode t : tables) {
            if (t.get("name").asText().equals(name)) {
                return t;
            }
        }
        throw new AssertionError(name);
    }

    private static JsonNode json(Report report) {
        try {
            return JSON.readTree(JSON.writeValueAsString(report.tables()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A small random count: zero, small (1–4) or not. */
    private static long count(Random random) {
        int roll = random.nextInt(10);
        return roll < 3 ? 0 : roll < 6 ? 1 + random.nextInt(4) : 5 + random.nextInt(30);
    }

    /** Random raw counts in which every quantity shown twice has the same value, as the read models give. */
    static RawReport raw(Random random, String category, int monthCount, int regionCount) {
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < monthCount; i++) {
            months.add(YearMonth.of(2019, 1).plusMonths(i));
        }
        List<String> regions = new ArrayList<>();
        for (int i = 0; i < regionCount; i++) {
            regions.add("UA53" + String.format("%015d", i + 1));
        }
        RawReport raw = new RawReport(StatisticsQuery.GroupBy.HROMADA, regions, months);
        long[] sectorTotals = new long[REFERRAL_STATUSES.length];
        for (String r : regions) {
            long persons = count(random);
            raw.add(ReportBuilder.APPLICANTS, r, ReportBuilder.PERSONS, persons);
            for (VulnerableGroup g : VulnerableGroup.values()) {
                long n = g.name().equals(category) ? persons : random.nextInt((int) persons + 1);
                raw.add(ReportBuilder.APPLICANTS_BY_GROUP, r, g.name(), n);
            }
            raw.add(ReportBuilder.APPLICANTS_BY_GROUP, r, ReportBuilder.NO_GROUP,
                    category == null ? random.nextInt((int) persons + 1) : 0);
            for (YearMonth m : months) {
                raw.add(ReportBuilder.APPLICANTS_BY_MONTH, r, m.toString(),
                        monthCount == 1 ? persons : random.nextInt((int) persons + 1));
                long appeals = count(random);
                raw.add(ReportBuilder.APPEALS_BY_MONTH, r, m.toString(), appeals);
                raw.add(ReportBuilder.APPLICANTS, r, ReportBuilder.APPEALS, appeals);
            }
            long opened = 0;
            for (CaseManagementModel model : CaseManagementModel.values()) {
                long n = count(random);
                opened += n;
                raw.add(ReportBuilder.OPENED_BY_MODEL, r, model.name(), n);
            }
            long left = opened;
            for (int i = 0; i < months.size(); i++) {
                long n = i == months.size() - 1 ? left : random.nextInt((int) left + 1);
                left -= n;
                raw.add(ReportBuilder.OPENED_BY_MONTH, r, months.get(i).toString(), n);
            }
            for (VulnerableGroup g : VulnerableGroup.values()) {
                raw.add(ReportBuilder.OPENED_BY_GROUP, r, g.name(),
                        g.name().equals(category) ? opened : random.nextInt((int) opened + 1));
            }
            raw.add(ReportBuilder.OPENED_BY_GROUP, r, ReportBuilder.NO_GROUP,
                    category == null ? random.nextInt((int) opened + 1) : 0);
            for (CaseManagementModel model : CaseManagementModel.values()) {
                raw.add(ReportBuilder.ACTIVE_BY_MODEL, r, model.name(), count(random));
            }
            for (ClosureReason reason : ClosureReason.values()) {
                raw.add(ReportBuilder.CLOSED_BY_REASON, r, reason.name(), count(random));
            }
            for (CaseloadBand band : CaseloadBand.values()) {
                raw.add(ReportBuilder.MANAGERS_BY_CASELOAD, r, band.key(), count(random));
            }
            raw.add(ReportBuilder.WORKLOAD, r, ReportBuilder.WORKLOAD_MANAGERS, count(random));
            raw.add(ReportBuilder.WORKLOAD, r, ReportBuilder.WORKLOAD_CASES, count(random));
            for (ServiceCategory s : ServiceCategory.values()) {
                raw.add(ReportBuilder.SERVICES_BY_CATEGORY, r, s.name(), count(random));
            }
            for (int s = 0; s < REFERRAL_STATUSES.length; s++) {
                long n = count(random);
                sectorTotals[s] += n;
                raw.add(ReportBuilder.REFERRALS_BY_REGION, r, REFERRAL_STATUSES[s], n);
            }
        }
        PartnerSector[] sectors = PartnerSector.values();
        for (int s = 0; s < REFERRAL_STATUSES.length; s++) {
            long left = sectorTotals[s];
            for (int i = 0; i < sectors.length; i++) {
                long n = i == sectors.length - 1 ? left : random.nextInt((int) left + 1);
                left -= n;
                raw.add(ReportBuilder.REFERRALS_BY_SECTOR, sectors[i].name(), REFERRAL_STATUSES[s], n);
            }
        }
        return raw;
    }
}
