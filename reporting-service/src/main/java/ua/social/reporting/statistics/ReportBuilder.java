package ua.social.reporting.statistics;

import ua.social.contracts.code.CaseManagementModel;
import ua.social.contracts.code.ClosureReason;
import ua.social.contracts.code.Labelled;
import ua.social.reporting.reference.CommunityNames;
import ua.social.contracts.code.Oblast;
import ua.social.contracts.code.PartnerSector;
import ua.social.contracts.code.ReferralStatus;
import ua.social.contracts.code.ServiceCategory;
import ua.social.contracts.code.VulnerableGroup;
import ua.social.reporting.statistics.Report.Cell;
import ua.social.reporting.statistics.Report.Column;
import ua.social.reporting.statistics.Report.Row;
import ua.social.reporting.statistics.Report.Table;
import ua.social.reporting.statistics.Suppression.Grid;
import ua.social.reporting.statistics.Suppression.Layout;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns raw counts into the published tables: lays them out, protects them together with
 * {@link Suppression} (the same quantity shown in two tables is one key) and derives the indicators
 * from published counts only.
 */
public final class ReportBuilder {

    public static final String APPLICANTS = "applicants";
    public static final String APPLICANTS_BY_GROUP = "applicantsByVulnerableGroup";
    public static final String APPLICANTS_BY_MONTH = "applicantsByMonth";
    public static final String APPEALS_BY_MONTH = "appealsByMonth";
    public static final String OPENED_BY_MODEL = "casesOpenedByModel";
    public static final String OPENED_BY_MONTH = "casesOpenedByMonth";
    public static final String OPENED_BY_GROUP = "casesOpenedByVulnerableGroup";
    public static final String ACTIVE_BY_MODEL = "casesActiveByModel";
    public static final String CLOSED_BY_REASON = "casesClosedByReason";
    public static final String MANAGERS_BY_CASELOAD = "caseManagersByCaseload";
    public static final String CASES_PER_MANAGER = "activeCasesPerCaseManager";
    public static final String WORKLOAD = "workloadInPeriod";
    public static final String PER_MANAGER_IN_PERIOD = "casesPerCaseManagerInPeriod";
    public static final String SERVICES_BY_CATEGORY = "servicesByCategory";
    public static final String REFERRALS_BY_REGION = "referralsByRegionAndStatus";
    public static final String REFERRALS_BY_SECTOR = "referralsBySectorAndStatus";
    public static final String RESPONSE_TIMES = "referralMedianResponseHours";

    public static final String PERSONS = "persons";
    public static final String APPEALS = "appeals";
    public static final String WORKLOAD_MANAGERS = "caseManagers";
    public static final String WORKLOAD_CASES = "casesCarried";
    public static final String CASES_PER_MANAGER_COLUMN = "casesPerCaseManager";
    public static final String CLOSED_PER_MANAGER_COLUMN = "closedCasesPerCaseManager";
    public static final String NO_GROUP = "NONE";
    public static final String TOTAL = "TOTAL";

    /** Bands of active cases per case manager; the norms of the models are 10, 15 and 35. */
    public enum CaseloadBand {
        UP_TO_10("1-10", 1, 10), FROM_11_TO_15("11-15", 11, 15), FROM_16_TO_35("16-35", 16, 35),
        OVER_35("36+", 36, Integer.MAX_VALUE);

        private final String key;
        private final int min;
        private final int max;

        CaseloadBand(String key, int min, int max) {
            this.key = key;
            this.min = min;
            this.max = max;
        }

        public String key() {
            return key;
        }

        public static CaseloadBand of(long caseload) {
            return Arrays.stream(values()).filter(b -> caseload >= b.min && caseload <= b.max).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no band for a caseload of " + caseload));
        }
    }

    /** How the counts of a table are linked to other tables: a measure shown again elsewhere. */
    private record Def(String name, String title, String unit, Layout layout, boolean sectorRows, List<Column> columns,
                       boolean cellKeys, String rowTotalMeasure, String columnTotalMeasure) {
    }

    private final Suppression suppression;

    public ReportBuilder(Suppression suppression) {
        this.suppression = suppression;
    }

    /**
     * The tables of one response protected on their own (rules of {@link Suppression}): what the tables of a
     * response would be if no other response existed. The API publishes with
     * {@link #publish(RawReport, Report.Period, Report.Scope, boolean, DisclosurePattern)}.
     */
    public Report publish(RawReport raw, Report.Period period, Report.Scope scope, boolean rebuilding) {
        List<Grid> grids = grids(raw, scope.category());
        suppression.protect(grids);
        return report(raw, period, scope, rebuilding, grids);
    }

    /**
     * The tables of a response with every count withheld or published as the one pattern of the period and
     * group says ({@link DisclosurePattern}, docs/adr/0011): a row of a region, and the total row of the
     * region asked for, are withheld where that region's figures are withheld in every other response. A
     * count from 1 to k−1 is withheld whatever the pattern says (the pattern and the response are read
     * apart, and an event may land in between).
     */
    public Report publish(RawReport raw, Report.Period period, Report.Scope scope, boolean rebuilding,
                          DisclosurePattern pattern) {
        List<Def> defs = definitions(raw.months());
        List<Grid> grids = grids(raw, scope.category());
        boolean single = scope.hromadas().size() == 1;
        String whole = single ? scope.hromadas().get(0)
                : scope.oblast() != null ? scope.oblast() : DisclosurePattern.COUNTRY;
        for (int i = 0; i < defs.size(); i++) {
            Def def = defs.get(i);
            Grid g = grids.get(i);
            List<String> rows = rowKeys(def, raw);
            for (int r = 0; r <= g.rows(); r++) {
                String region = r == g.rows() || single ? whole : rows.get(r);
                for (int c = 0; c <= g.columns(); c++) {
                    if (!g.present(r, c)) {
                        continue;
                    }
                    boolean withheld = def.sectorRows()
                            ? pattern.sectorWithheld(whole, r, c)
                            : pattern.withheld(def.name(), region, c);
                    if (withheld || suppression.small(g.value(r, c))) {
                        g.withhold(r, c);
                    }
                }
            }
        }
        return report(raw, period, scope, rebuilding, grids);
    }

    /** The count tables of a response, laid out and linked, not yet protected (in the order of the definitions). */
    static List<Grid> grids(RawReport raw, String category) {
        List<Grid> grids = new ArrayList<>();
        for (Def def : definitions(raw.months())) {
            grids.add(grid(def, raw));
        }
        linkSameQuantities(grids, raw, category);
        return grids;
    }

    /** Whether the rows of a count table are partner sectors (not regions). */
    static boolean sectorRows(String table) {
        return REFERRALS_BY_SECTOR.equals(table);
    }

    private Report report(RawReport raw, Report.Period period, Report.Scope scope, boolean rebuilding,
                          List<Grid> grids) {
        List<Def> defs = definitions(raw.months());
        List<Table> tables = new ArrayList<>();
        for (int i = 0; i < defs.size(); i++) {
            tables.add(table(defs.get(i), grids.get(i), raw));
        }
        tables.add(casesPerManager(raw, grid(grids, ACTIVE_BY_MODEL), grid(grids, MANAGERS_BY_CASELOAD)));
        tables.add(perManagerInPeriod(raw, grid(grids, WORKLOAD), grid(grids, CLOSED_BY_REASON)));
        tables.add(responseTimes(raw));
        String rule = "Counts from 1 to " + (suppression.minCount() - 1) + " are withheld, and further counts with "
                + "them so that no withheld count can be worked out from the totals of this or any other answer "
                + "(value null, suppressed true).";
        return new Report(period, scope, new Report.SuppressionRule(suppression.minCount(), rule), rebuilding, tables);
    }

    private static List<Def> definitions(List<YearMonth> months) {
        List<Column> monthColumns = months.stream().map(m -> new Column(m.toString(), m.toString())).toList();
        List<Column> groups = Stream.concat(columns(VulnerableGroup.values()).stream(),
                Stream.of(new Column(NO_GROUP, "Не зазначено"))).toList();
        return List.of(
                new Def(APPLICANTS, "Особи, які звернулися, і звернення", "persons / appeals",
                        Layout.INDEPENDENT_COLUMNS, false,
                        List.of(new Column(PERSONS, "Особи, які звернулися"), new Column(APPEALS, "Звернення")),
                        true, null, null),
                new Def(APPLICANTS_BY_GROUP, "Особи, які звернулися, за вразливими групами", "persons",
                        Layout.INDEPENDENT_COLUMNS, false, groups, false, null, null),
                new Def(APPLICANTS_BY_MONTH, "Особи, які звернулися, за місяцями", "persons",
                        Layout.INDEPENDENT_COLUMNS, false, monthColumns, false, null, null),
                new Def(APPEALS_BY_MONTH, "Звернення за місяцями", "appeals", Layout.ADDITIVE, false, monthColumns,
                        false, APPEALS, null),
                new Def(OPENED_BY_MODEL, "Відкриті випадки за моделями ведення", "cases", Layout.ADDITIVE, false,
                        columns(CaseManagementModel.values()), false, "opened", null),
                new Def(OPENED_BY_MONTH, "Відкриті випадки за місяцями", "cases", Layout.ADDITIVE, false,
                        monthColumns, false, "opened", null),
                new Def(OPENED_BY_GROUP, "Відкриті випадки за вразливими групами", "cases",
                        Layout.INDEPENDENT_COLUMNS, false, groups, false, null, null),
                new Def(ACTIVE_BY_MODEL, "Активні випадки на кінець періоду за моделями ведення", "cases",
                        Layout.ADDITIVE, false, columns(CaseManagementModel.values()), false, "active", null),
                new Def(CLOSED_BY_REASON, "Закриті випадки за причинами", "cases", Layout.ADDITIVE, false,
                        columns(ClosureReason.values()), false, null, null),
                new Def(MANAGERS_BY_CASELOAD, "Кейс-менеджери за кількістю активних випадків", "case managers",
                        Layout.ADDITIVE, false, Arrays.stream(CaseloadBand.values())
                        .map(b -> new Column(b.key(), b.key())).toList(), false, "managers", null),
                new Def(WORKLOAD, "Кейс-менеджери, які працювали в періоді, і випадки в роботі за період",
                        "case managers / cases", Layout.INDEPENDENT_COLUMNS, false,
                        List.of(new Column(WORKLOAD_MANAGERS, "Кейс-менеджери, які працювали в періоді"),
                                new Column(WORKLOAD_CASES, "Випадки в роботі за період")),
                        true, null, null),
                new Def(SERVICES_BY_CATEGORY, "Надані послуги за категоріями", "services", Layout.ADDITIVE, false,
                        columns(ServiceCategory.values()), false, null, null),
                new Def(REFERRALS_BY_REGION, "Направлення за станом на кінець періоду", "referrals",
                        Layout.ADDITIVE, false, columns(REFERRAL_COLUMNS), false, null, "referrals"),
                new Def(REFERRALS_BY_SECTOR, "Направлення за секторами партнерів і станом", "referrals",
                        Layout.ADDITIVE, true, columns(REFERRAL_COLUMNS), false, null, "referrals"));
    }

    private static List<Column> columns(Labelled[] values) {
        return Arrays.stream(values).map(v -> new Column(v.name(), v.uk())).toList();
    }

    /**
     * The referral statuses as columns, from waiting to ended. A draft never sent to a partner is not
     * counted, so {@code DRAFT} is not a column; nor is {@code ENTERED_IN_ERROR}: such a referral is
     * left out of the statistics altogether.
     */
    private static final ReferralStatus[] REFERRAL_COLUMNS = {ReferralStatus.REQUESTED, ReferralStatus.ACCEPTED,
            ReferralStatus.IN_PROGRESS, ReferralStatus.ON_HOLD, ReferralStatus.COMPLETED, ReferralStatus.REJECTED,
            ReferralStatus.FAILED, ReferralStatus.CANCELLED};

    /** The keys of the referral status columns, in order. */
    static List<String> referralColumns() {
        return Arrays.stream(REFERRAL_COLUMNS).map(Enum::name).toList();
    }

    private static List<String> rowKeys(Def def, RawReport raw) {
        return def.sectorRows() ? Arrays.stream(PartnerSector.values()).map(Enum::name).toList() : raw.regions();
    }

    private static Grid grid(Def def, RawReport raw) {
        List<String> rows = rowKeys(def, raw);
        long[][] cells = new long[rows.size()][def.columns().size()];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < def.columns().size(); c++) {
                cells[r][c] = raw.count(def.name(), rows.get(r), def.columns().get(c).key());
            }
        }
        int m = rows.size();
        int n = def.columns().size();
        Grid g = def.layout() == Layout.ADDITIVE ? Grid.additive(def.name(), cells, n)
                : Grid.independentColumns(def.name(), cells, n);
        if (def.cellKeys()) {
            for (int c = 0; c < n; c++) {
                String measure = def.columns().get(c).key();
                for (int r = 0; r < m; r++) {
                    g.link(r, c, measure + "@" + rows.get(r));
                }
                g.link(m, c, measure + "@*");
            }
        }
        if (def.rowTotalMeasure() != null) {
            for (int r = 0; r < m; r++) {
                g.link(r, n, def.rowTotalMeasure() + "@" + rows.get(r));
            }
            g.link(m, n, def.rowTotalMeasure() + "@*");
        }
        if (def.columnTotalMeasure() != null) {
            for (int c = 0; c < n; c++) {
                g.link(m, c, def.columnTotalMeasure() + "#" + def.columns().get(c).key());
            }
            g.link(m, n, def.columnTotalMeasure() + "@*");
        }
        return g;
    }

    /**
     * Quantities that two tables show under different names in some requests, named alike so that they
     * are withheld everywhere or nowhere:
     * <ul>
     *   <li>with a {@code category} filter every person and case counted has that group, so the
     *   group's column of {@code applicantsByVulnerableGroup} is the persons of {@code applicants}, and
     *   the group's column of {@code casesOpenedByVulnerableGroup} is the cases opened (row totals of
     *   {@code casesOpenedByModel} and {@code casesOpenedByMonth});</li>
     *   <li>over a single month, the month's column of {@code applicantsByMonth} is the persons of
     *   {@code applicants} (the month's column of the other monthly tables is their row total, a relation
     *   inside the table).</li>
     * </ul>
     * The other repeated quantities are named in {@link #definitions}: persons and appeals, appeals per
     * region, cases opened per region, referrals per status.
     */
    private static void linkSameQuantities(List<Grid> grids, RawReport raw, String category) {
        int m = raw.regions().size();
        Grid persons = grid(grids, APPLICANTS);
        Grid opened = grid(grids, OPENED_BY_MODEL);
        if (category != null) {
            linkColumn(grid(grids, APPLICANTS_BY_GROUP), category, persons, 0, raw, m);
            linkColumn(grid(grids, OPENED_BY_GROUP), category, opened, opened.columns(), raw, m);
        }
        if (raw.months().size() == 1) {
            linkColumn(grid(grids, APPLICANTS_BY_MONTH), raw.months().get(0).toString(), persons, 0, raw, m);
        }
    }

    /**
     * Gives a column of {@code g} the keys of a column of {@code same}. Only equal counts are linked: the
     * definitions make them equal, and a pair that is not (which would be a fault in a definition) is two
     * quantities, so it cannot disclose one through the other and must not stop the report.
     */
    private static void linkColumn(Grid g, String columnKey, Grid same, int sameColumn, RawReport raw, int m) {
        int c = columnIndex(g.name(), raw, columnKey);
        for (int r = 0; r <= m; r++) {
            if (g.value(r, c) == same.value(r, sameColumn)) {
                g.link(r, c, same.key(r, sameColumn));
            }
        }
    }

    private static int columnIndex(String table, RawReport raw, String columnKey) {
        List<Column> columns = definitions(raw.months()).stream().filter(d -> d.name().equals(table)).findFirst()
                .orElseThrow().columns();
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).key().equals(columnKey)) {
                return c;
            }
        }
        throw new IllegalArgumentException(table + " has no column " + columnKey);
    }

    static Grid grid(List<Grid> grids, String name) {
        return grids.stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    private static Table table(Def def, Grid g, RawReport raw) {
        List<String> keys = rowKeys(def, raw);
        boolean rowTotals = def.layout() == Layout.ADDITIVE;
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r <= keys.size(); r++) {
            List<Cell> cells = new ArrayList<>();
            for (int c = 0; c < def.columns().size(); c++) {
                cells.add(cell(g, r, c));
            }
            Cell total = rowTotals ? cell(g, r, def.columns().size()) : null;
            if (r < keys.size()) {
                rows.add(new Row(keys.get(r), label(def, raw, keys.get(r)), cells, total));
            } else {
                return new Table(def.name(), def.title(), def.unit(), def.layout().name(), def.columns(), rows,
                        new Row(TOTAL, "Усього", cells, total));
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static Cell cell(Grid g, int r, int c) {
        return g.suppressed(r, c) ? Cell.withheld() : Cell.of(g.value(r, c));
    }

    private static String label(Def def, RawReport raw, String key) {
        if (def.sectorRows()) {
            return PartnerSector.valueOf(key).uk();
        }
        return regionLabel(raw, key);
    }

    private static String regionLabel(RawReport raw, String key) {
        return raw.groupBy() == StatisticsQuery.GroupBy.OBLAST ? Oblast.ukOf(key) : CommunityNames.labelOf(key);
    }

    /** Active cases per case manager: two published counts divided, withheld when either is withheld. */
    private Table casesPerManager(RawReport raw, Grid active, Grid managers) {
        List<Row> rows = new ArrayList<>();
        int n = CaseManagementModel.values().length;
        int bands = CaseloadBand.values().length;
        for (int r = 0; r <= raw.regions().size(); r++) {
            Cell ratio = ratio(active, r, n, managers, bands);
            if (r < raw.regions().size()) {
                String key = raw.regions().get(r);
                rows.add(new Row(key, regionLabel(raw, key), List.of(ratio), null));
            } else {
                return new Table(CASES_PER_MANAGER, "Активні випадки на одного кейс-менеджера", "cases per case manager",
                        "INDICATOR", List.of(new Column("casesPerCaseManager", "Випадків на кейс-менеджера")), rows,
                        new Row(TOTAL, "Усього", List.of(ratio), null));
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /**
     * Cases carried and cases closed per case manager who worked in the period: published counts
     * divided, each withheld when either count is withheld.
     */
    private Table perManagerInPeriod(RawReport raw, Grid workload, Grid closed) {
        List<Row> rows = new ArrayList<>();
        int reasons = ClosureReason.values().length;
        for (int r = 0; r <= raw.regions().size(); r++) {
            List<Cell> cells = List.of(ratio(workload, r, 1, workload, 0), ratio(closed, r, reasons, workload, 0));
            if (r < raw.regions().size()) {
                String key = raw.regions().get(r);
                rows.add(new Row(key, regionLabel(raw, key), cells, null));
            } else {
                return new Table(PER_MANAGER_IN_PERIOD, "Випадки на одного кейс-менеджера за період",
                        "cases per case manager", "INDICATOR",
                        List.of(new Column(CASES_PER_MANAGER_COLUMN, "Випадків у роботі на кейс-менеджера"),
                                new Column(CLOSED_PER_MANAGER_COLUMN, "Закритих випадків на кейс-менеджера")),
                        rows, new Row(TOTAL, "Усього", cells, null));
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static Cell ratio(Grid active, int r, int activeTotalColumn, Grid managers, int managersTotalColumn) {
        if (active.suppressed(r, activeTotalColumn) || managers.suppressed(r, managersTotalColumn)) {
            return Cell.withheld();
        }
        long m = managers.value(r, managersTotalColumn);
        if (m == 0) {
            return Cell.of(null);
        }
        return Cell.of(oneDecimal((double) active.value(r, activeTotalColumn) / m));
    }

    /** Median hours from request to the partner's response, published only over at least k responses. */
    private Table responseTimes(RawReport raw) {
        List<Row> rows = new ArrayList<>();
        List<Long> all = new ArrayList<>();
        for (PartnerSector s : PartnerSector.values()) {
            List<Long> seconds = raw.responseSeconds(s.name());
            all.addAll(seconds);
            rows.add(new Row(s.name(), s.uk(), List.of(median(seconds)), null));
        }
        return new Table(RESPONSE_TIMES, "Медіанний час від направлення до відповіді партнера", "hours", "INDICATOR",
                List.of(new Column("medianHours", "Медіана, годин")), rows,
                new Row(TOTAL, "Усього", List.of(median(all)), null));
    }

    private Cell median(List<Long> seconds) {
        if (seconds.size() < suppression.minCount() || seconds.isEmpty()) {
            return Cell.withheld();
        }
        return Cell.of(oneDecimal(medianSeconds(seconds) / 3600.0));
    }

    /** The median of a list of durations in seconds (the mean of the two middle values for an even count). */
    public static double medianSeconds(List<Long> seconds) {
        List<Long> sorted = seconds.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    static double oneDecimal(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
