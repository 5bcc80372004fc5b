package ua.social.reporting.statistics;

import ua.social.contracts.code.PartnerSector;
import ua.social.reporting.statistics.Suppression.Grid;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

import static ua.social.reporting.statistics.ReportBuilder.APPEALS_BY_MONTH;
import static ua.social.reporting.statistics.ReportBuilder.APPLICANTS;
import static ua.social.reporting.statistics.ReportBuilder.APPLICANTS_BY_MONTH;
import static ua.social.reporting.statistics.ReportBuilder.CLOSED_BY_REASON;
import static ua.social.reporting.statistics.ReportBuilder.OPENED_BY_GROUP;
import static ua.social.reporting.statistics.ReportBuilder.OPENED_BY_MODEL;
import static ua.social.reporting.statistics.ReportBuilder.OPENED_BY_MONTH;
import static ua.social.reporting.statistics.ReportBuilder.REFERRALS_BY_REGION;
import static ua.social.reporting.statistics.ReportBuilder.REFERRALS_BY_SECTOR;
import static ua.social.reporting.statistics.ReportBuilder.SERVICES_BY_CATEGORY;

/**
 * The one suppression pattern of a period and a vulnerable group (or none) for every region: which counts
 * of the country, of each oblast and of each community are withheld. Every response of that period and
 * group reads its cells from it, so a quantity is withheld in every response that shows it or in none, and
 * answers that nest (the country and its oblasts, an oblast and its communities) cannot be subtracted
 * (docs/adr/0011, "Nested answers"). Built top-down, as statistical offices protect hierarchical tables
 * (HiTaS), in two steps:
 * <ol>
 *   <li><b>The country:</b> every table with the oblasts as rows and the country as total, the sector table
 *   of the country and of each oblast, and for each sector the oblasts' rows of it with the country's row
 *   as total, are protected together as one response ({@link Suppression}, rules 1–4).</li>
 *   <li><b>Each oblast:</b> every table with the oblast's communities as rows, the sector table of each
 *   community, and for each sector the communities' rows with the oblast's row as total. The oblast's own
 *   figures (the total rows) are <i>given</i>: the country step decided them, so they are constants here,
 *   never withheld and never complements. A community's count is withheld wherever the same count of its
 *   oblast is withheld ({@link Grid#inherit}); those need no protection here. Every other withheld count of
 *   a community must not follow from the sums with the oblast's figures known, and gets its complements
 *   among the communities' counts.</li>
 * </ol>
 * Why the union of all answers then fixes no withheld count: any withheld count has a change of the withheld
 * numbers that keeps every sum of every answer and changes it. For a count of the country step, take such a
 * change of the country step (it exists: rule 4) and put each oblast's part of it on one of its communities,
 * all of whose counts are withheld where the oblast's are (inherited); every sum of a community, of an oblast
 * by community and of the country by community still holds. For a withheld count of a community that is not
 * inherited, take a change of the oblast step that leaves the oblast's figures as they are: nothing above the
 * oblast moves. Both kinds of change only touch withheld numbers.
 *
 * <p>The snapshot tables (active cases and case managers by caseload at the end of the period) share no
 * quantity with the other tables; each step protects them on their own over the regions that show a count
 * other than zero in them, so the same counts give the same pattern at the end of a quarter or year as at
 * the end of its last month.
 *
 * <p><b>Periods of several months</b> (a quarter, a year) hold their months: a count that adds up over time
 * (appeals, cases opened, closures, services, referrals sent, and each month's own column of the monthly
 * tables) is, in the period, the sum of the same count in its months. Such a count is withheld in the period
 * wherever a month withholds it, and is otherwise <i>given</i> (anyone can add up the months' published
 * counts, so it is no complement here). Every number the period publishes of such a count is then a sum of
 * numbers its months publish, so the answers of a period and of its months together tell no more about those
 * counts than the months' answers, which their own patterns protect. What the months withhold is, in the
 * period, the union of their patterns; a change that keeps a month's sums keeps the period's, so the period's
 * own relations fix none of it either (its steps still check and complement it, through the counts that do
 * not add up over time). Those counts (persons, case managers and cases carried, referrals by status at the
 * end, the snapshots) are decided by the period's own steps as above, with two rules for the months: a
 * referral row whose referrals sent the months withhold is withheld whole (its statuses can then absorb any
 * change the months allow), and a community whose months give a count its oblast withholds protects its
 * inherited counts itself (docs/adr/0011, "Nested periods").
 *
 * <p>Ties between equal candidates are broken by the counts and stable keys only (region codes, column
 * positions), never by the request, so every request of the period and group gets the same pattern.
 */
public final class DisclosurePattern {

    /** The region id of the whole country. */
    public static final String COUNTRY = "*";
    private static final String UNPLACED = "?";

    private final Suppression suppression;
    private final String category;
    private final RawReport communities;
    private final Map<String, String> oblastOf = new HashMap<>();
    private final Map<String, List<String>> communitiesOf = new TreeMap<>();
    /** region → table → withheld per column (the last: the row total). */
    private final Map<String, Map<String, boolean[]>> rows = new HashMap<>();
    /** region → its sector table, withheld per [sector row or total row][column or row total]. */
    private final Map<String, boolean[][]> sectors = new HashMap<>();
    /** The patterns of the period's months when it has more than one (a quarter, a year); else empty. */
    private final Map<YearMonth, DisclosurePattern> months;

    private DisclosurePattern(RawReport communities, Function<String, Optional<String>> oblastOfCommunity,
                              Suppression suppression, String category, Map<YearMonth, DisclosurePattern> months) {
        if (communities.groupBy() != StatisticsQuery.GroupBy.HROMADA) {
            throw new IllegalArgumentException("the pattern is built from the counts of every community");
        }
        this.suppression = suppression;
        this.category = category;
        this.communities = communities;
        this.months = months;
        for (String h : communities.regions()) {
            // a community no record places in an oblast cannot be asked for (the request is refused), so it
            // only counts in the country's figures: it is an oblast of its own there
            String oblast = oblastOfCommunity.apply(h).orElse(UNPLACED + h);
            oblastOf.put(h, oblast);
            communitiesOf.computeIfAbsent(oblast, o -> new ArrayList<>()).add(h);
        }
        protectCountry();
    }

    /**
     * The pattern of a period and group.
     *
     * @param communities the raw counts of the whole country by community for the period and group, with each
     *                    community's sector table ({@link RawReport#sectorTableOf})
     * @param oblastOf    the oblast of a community
     */
    public static DisclosurePattern of(RawReport communities, Function<String, Optional<String>> oblastOf,
                                       Suppression suppression, String category) {
        return of(communities, oblastOf, suppression, category, List.of());
    }

    /**
     * The pattern of a period of several months, which withholds the counts that add up over time wherever
     * one of its months does.
     *
     * @param months the patterns of the period's months (same group, same k), in order; empty for one month (or
     *               for the period protected on its own, as if its months were never asked for)
     */
    public static DisclosurePattern of(RawReport communities, Function<String, Optional<String>> oblastOf,
                                       Suppression suppression, String category, List<DisclosurePattern> months) {
        Map<YearMonth, DisclosurePattern> byMonth = new TreeMap<>();
        if (communities.months().size() > 1 && !months.isEmpty()) {
            for (DisclosurePattern month : months) {
                if (month.communities.months().size() != 1) {
                    throw new IllegalArgumentException("a part of a period must be one month");
                }
                byMonth.put(month.communities.months().get(0), month);
            }
            if (!byMonth.keySet().equals(new TreeSet<>(communities.months()))) {
                throw new IllegalArgumentException("the patterns of the months " + communities.months()
                        + " are needed, got " + byMonth.keySet());
            }
        }
        return new DisclosurePattern(communities, oblastOf, suppression, category, byMonth);
    }

    /**
     * Whether a region's count is withheld: table, region (a community code, an oblast code or
     * {@link #COUNTRY}), column index (the number of columns: the row total). A region without counts in the
     * period publishes its zeros.
     */
    public boolean withheld(String table, String region, int column) {
        if (!decided(region)) {
            return false;
        }
        boolean[] row = rows.getOrDefault(region, Map.of()).get(table);
        return row != null && column < row.length && row[column];
    }

    /**
     * Makes sure the pattern of the region is decided: a community's is decided with its oblast's step.
     * False for a community no record places in an oblast (it cannot be asked for).
     */
    private boolean decided(String region) {
        if (COUNTRY.equals(region) || communitiesOf.containsKey(region)) {
            return true;
        }
        String oblast = oblastOf.get(region);
        if (oblast == null) {
            return false;
        }
        protectOblast(oblast);
        return true;
    }

    /** Whether a count of a region's sector table is withheld (row: sector index or the total row). */
    public boolean sectorWithheld(String region, int row, int column) {
        if (!decided(region)) {
            return false;
        }
        boolean[][] grid = sectors.get(region);
        return grid != null && grid[row][column];
    }

    // --- the country step ------------------------------------------------------------------------------

    private void protectCountry() {
        List<String> oblasts = new ArrayList<>(communitiesOf.keySet());
        RawReport byOblast = rollUp(StatisticsQuery.GroupBy.OBLAST, oblasts, oblastOf::get);
        List<Grid> grids = ReportBuilder.grids(byOblast, category);
        Grid region = ReportBuilder.grid(grids, REFERRALS_BY_REGION);
        Grid country = ReportBuilder.grid(grids, REFERRALS_BY_SECTOR);
        Map<String, Grid> sectorOf = new TreeMap<>();
        for (int r = 0; r < oblasts.size(); r++) {
            sectorOf.put(oblasts.get(r), sectorGrid(byOblast, oblasts.get(r), region, r));
        }
        grids.removeIf(g -> SNAPSHOTS.contains(g.name()));
        List<Grid> all = new ArrayList<>(grids);
        all.addAll(sectorOf.values());
        all.addAll(sectorSums(oblasts, sectorOf, country, false));
        if (!months.isEmpty()) {
            for (Grid g : grids) {
                if (ReportBuilder.sectorRows(g.name())) {
                    fromMonths(g, r -> COUNTRY, true);
                } else {
                    fromMonths(g, r -> r < oblasts.size() ? oblasts.get(r) : COUNTRY, false);
                }
            }
            sectorOf.forEach((oblast, g) -> fromMonths(g, r -> oblast, true));
            giveLinked(all);
        }
        suppression.protect(all);
        for (Grid g : grids) {
            if (ReportBuilder.sectorRows(g.name())) {
                sectors.put(COUNTRY, withheld(g));
                continue;
            }
            record(g, oblasts, COUNTRY);
        }
        sectorOf.forEach((oblast, g) -> sectors.put(oblast, withheld(g)));
        for (String table : SNAPSHOTS) {
            List<String> shown = shown(byOblast, table, oblasts);
            Grid g = ReportBuilder.grid(ReportBuilder.grids(rollUp(StatisticsQuery.GroupBy.OBLAST, shown,
                    h -> shown.contains(oblastOf.get(h)) ? oblastOf.get(h) : null), category), table);
            suppression.protect(g);
            record(g, shown, COUNTRY);
        }
    }

    /**
     * The tables of a snapshot at the end of the period: the same figures at the end of a quarter as at the
     * end of its last month (and of a year as of December). They share no quantity with other tables, so
     * they are protected on their own, over the regions that show anything in them: the same counts then
     * give the same pattern, whichever period ends there.
     */
    private static final List<String> SNAPSHOTS = List.of(ReportBuilder.ACTIVE_BY_MODEL,
            ReportBuilder.MANAGERS_BY_CASELOAD);

    /** The regions (rows of {@code raw}) with a count other than zero in a table. */
    private static List<String> shown(RawReport raw, String table, List<String> regions) {
        List<String> shown = new ArrayList<>();
        raw.forEachCount((t, row, column, n) -> {
            if (t.equals(table) && n != 0 && regions.contains(row) && !shown.contains(row)) {
                shown.add(row);
            }
        });
        shown.sort(null);
        return shown;
    }

    /** Keeps the pattern of a grid's rows (the regions) and of its total row (the region {@code whole}, or none). */
    private void record(Grid g, List<String> regions, String whole) {
        for (int r = 0; r < regions.size(); r++) {
            rows.computeIfAbsent(regions.get(r), k -> new HashMap<>()).put(g.name(), withheldRow(g, r));
        }
        if (whole != null) {
            rows.computeIfAbsent(whole, k -> new HashMap<>()).put(g.name(), withheldRow(g, g.rows()));
        }
    }

    // --- the oblast step -------------------------------------------------------------------------------

    private final TreeSet<String> protectedOblasts = new TreeSet<>();

    private synchronized void protectOblast(String oblast) {
        if (!protectedOblasts.add(oblast)) {
            return;
        }
        List<String> hs = communitiesOf.get(oblast);
        RawReport byCommunity = rollUp(StatisticsQuery.GroupBy.HROMADA, hs, h -> oblast.equals(oblastOf.get(h)) ? h : null);
        List<Grid> grids = new ArrayList<>(ReportBuilder.grids(byCommunity, category));
        grids.removeIf(g -> ReportBuilder.sectorRows(g.name()) || SNAPSHOTS.contains(g.name()));
        Map<String, boolean[]> given = rows.getOrDefault(oblast, Map.of());
        for (String table : SNAPSHOTS) {
            List<String> shown = shown(byCommunity, table, hs);
            if (shown.isEmpty()) {
                continue;
            }
            Grid g = ReportBuilder.grid(ReportBuilder.grids(rollUp(StatisticsQuery.GroupBy.HROMADA, shown,
                    h -> shown.contains(h) ? h : null), category), table);
            g.fixTotalRow();
            inherit(g, r -> given.get(table), r -> false);
            suppression.protect(g);
            record(g, shown, null);
        }
        grids.forEach(Grid::fixTotalRow);
        Grid region = ReportBuilder.grid(grids, REFERRALS_BY_REGION);
        boolean[][] parentSectors = sectors.get(oblast);
        Map<String, Grid> sectorOf = new TreeMap<>();
        for (int r = 0; r < hs.size(); r++) {
            sectorOf.put(hs.get(r), sectorGrid(byCommunity, hs.get(r), region, r));
        }
        // A community withholds every count its oblast withholds, so that any change of the oblast's can be put
        // on it; then it needs no protection of its own for them. In a longer period the months decide first:
        // a community with nothing in the month that withholds its oblast's count shows its zero there, so its
        // sum over the period is given, and a change of the oblast's cannot be put on that community; its
        // inherited counts are then protected here like any other.
        Set<String> alone = new HashSet<>();
        if (!months.isEmpty()) {
            for (Grid g : grids) {
                fromMonths(g, r -> r < hs.size() ? hs.get(r) : null, false);
                boolean[] parent = given.get(g.name());
                forEachGivenUnder(g, r -> parent, r -> alone.add(hs.get(r)));
            }
            sectorOf.forEach((h, g) -> {
                fromMonths(g, x -> h, true);
                forEachGivenUnder(g, x -> parentSectors[x], x -> alone.add(h));
            });
        }
        grids.forEach(g -> inherit(g, r -> given.get(g.name()), r -> alone.contains(hs.get(r))));
        sectorOf.forEach((h, g) -> inherit(g, x -> parentSectors[x], x -> alone.contains(h)));
        Grid oblastSectors = sectorGrid(rollUp(StatisticsQuery.GroupBy.OBLAST, List.of(oblast),
                h -> oblast.equals(oblastOf.get(h)) ? oblast : null), oblast, null, -1);
        List<Grid> all = new ArrayList<>(grids);
        all.addAll(sectorOf.values());
        all.addAll(sectorSums(hs, sectorOf, oblastSectors, true));
        if (!months.isEmpty()) {
            giveLinked(all);
        }
        suppression.protect(all);
        for (Grid g : grids) {
            record(g, hs, null);
        }
        sectorOf.forEach((h, g) -> sectors.put(h, withheld(g)));
    }

    /**
     * Withholds a community's count wherever its oblast's is withheld ({@code parentOfRow}: the oblast's withheld
     * counts for a row of the grid, null when it has none): inherited (no protection needed here), or, for a row
     * for which {@code protectHere} holds, withheld to be protected here. A count the months give stays given.
     */
    private static void inherit(Grid g, IntFunction<boolean[]> parentOfRow, IntPredicate protectHere) {
        for (int r = 0; r < g.rows(); r++) {
            boolean[] parent = parentOfRow.apply(r);
            for (int c = 0; c <= g.columns(); c++) {
                if (!g.present(r, c) || parent == null || !parent[c] || g.given(r, c)) {
                    continue;
                }
                if (protectHere.test(r)) {
                    g.withhold(r, c);
                } else {
                    g.inherit(r, c);
                }
            }
        }
    }

    /** Calls {@code found} with each row (not the total row) that has a count given where its parent's is withheld. */
    private static void forEachGivenUnder(Grid g, IntFunction<boolean[]> parentOfRow, IntConsumer found) {
        for (int r = 0; r < g.rows(); r++) {
            boolean[] parent = parentOfRow.apply(r);
            for (int c = 0; c <= g.columns(); c++) {
                if (parent != null && g.present(r, c) && parent[c] && g.given(r, c)) {
                    found.accept(r);
                    break;
                }
            }
        }
    }

    // --- the months of a longer period ----------------------------------------------------------------

    /**
     * Marks the entries of a grid that its months decide: withheld where a month withholds the count (protected
     * here too), given where every month publishes it. {@code regionOfRow} names the region of a row (null: a
     * row given from above); {@code sectorTable}: the rows are the sectors of that one region.
     */
    private void fromMonths(Grid g, IntFunction<String> regionOfRow, boolean sectorTable) {
        boolean referrals = sectorTable || g.name().equals(REFERRALS_BY_REGION);
        for (int r = 0; r <= g.rows(); r++) {
            String region = regionOfRow.apply(r);
            if (region == null) {
                continue;
            }
            if (referrals) {
                fromMonthsReferrals(g, r, region, sectorTable);
                continue;
            }
            for (int c = 0; c <= g.columns(); c++) {
                if (!g.present(r, c) || g.suppressed(r, c) || g.given(r, c)) {
                    continue;
                }
                Boolean withheld = byMonths(g.name(), region, c, g.columns());
                if (Boolean.TRUE.equals(withheld)) {
                    g.withhold(r, c);
                } else if (Boolean.FALSE.equals(withheld)) {
                    g.give(r, c);
                }
            }
        }
    }

    /**
     * A referral row (a region's, or a region's in one sector): the referrals sent (its total) add up over time,
     * their statuses at the end do not. Where the months withhold the referrals sent, every status of the row is
     * withheld too: any change the months allow to the referrals sent can then be matched by one status column,
     * and the period's sums say nothing more about the months' counts. Otherwise the referrals sent are given
     * and the statuses are this period's to decide.
     */
    private void fromMonthsReferrals(Grid g, int row, String region, boolean sectorTable) {
        int sent = g.columns();
        if (g.suppressed(row, sent) || g.given(row, sent)) {
            return;
        }
        if (anyMonth(p -> sectorTable ? p.sectorWithheld(region, row, sent)
                : p.withheld(REFERRALS_BY_REGION, region, sent))) {
            for (int c = 0; c <= sent; c++) {
                if (!g.suppressed(row, c) && !g.given(row, c)) {
                    g.withhold(row, c);
                }
            }
        } else {
            g.give(row, sent);
        }
    }

    /**
     * What the months decide for a count of a region table other than the referrals ({@link #fromMonthsReferrals}):
     * true when a month withholds it, false when every month publishes it, null for a count that does not add up
     * over the months (decided by this period).
     * A monthly table's column of one month is that month's own count (its column 0); with a group the
     * persons of a month are those with the group on a contact of the whole period, not the month's own.
     */
    private Boolean byMonths(String table, String region, int column, int columns) {
        return switch (table) {
            case APPLICANTS -> column == 1 ? anyMonth(p -> p.withheld(table, region, 1)) : null;
            case APPLICANTS_BY_MONTH -> category == null ? monthOf(column).withheld(table, region, 0) : null;
            case APPEALS_BY_MONTH, OPENED_BY_MONTH -> column < columns ? monthOf(column).withheld(table, region, 0)
                    : anyMonth(p -> p.withheld(table, region, 1));
            case OPENED_BY_MODEL, OPENED_BY_GROUP, CLOSED_BY_REASON, SERVICES_BY_CATEGORY ->
                    anyMonth(p -> p.withheld(table, region, column));
            default -> null;
        };
    }

    private DisclosurePattern monthOf(int column) {
        return months.get(communities.months().get(column));
    }

    private boolean anyMonth(Predicate<DisclosurePattern> withheld) {
        return months.values().stream().anyMatch(withheld);
    }

    /** A quantity given in one table is given in every table that shows it. */
    private static void giveLinked(List<Grid> grids) {
        Set<String> given = new HashSet<>();
        Set<String> withheld = new HashSet<>();
        for (Grid g : grids) {
            for (int r = 0; r <= g.rows(); r++) {
                for (int c = 0; c <= g.columns(); c++) {
                    if (g.present(r, c) && g.suppressed(r, c)) {
                        withheld.add(g.key(r, c));
                    } else if (g.present(r, c) && g.given(r, c)) {
                        given.add(g.key(r, c));
                    }
                }
            }
        }
        given.removeAll(withheld);
        for (Grid g : grids) {
            for (int r = 0; r <= g.rows(); r++) {
                for (int c = 0; c <= g.columns(); c++) {
                    if (g.present(r, c) && !g.suppressed(r, c) && !g.given(r, c) && given.contains(g.key(r, c))) {
                        g.give(r, c);
                    }
                }
            }
        }
    }

    // --- grids ----------------------------------------------------------------------------------------

    /**
     * The sector table of one region (rows: sectors, columns: referral statuses). Its total row is the
     * region's row of {@code referralsByRegionAndStatus} (row {@code regionRow} of {@code region}), linked.
     */
    private static Grid sectorGrid(RawReport raw, String regionKey, Grid region, int regionRow) {
        PartnerSector[] sectors = PartnerSector.values();
        int n = ReportBuilder.referralColumns().size();
        long[][] cells = new long[sectors.length][n];
        for (int s = 0; s < sectors.length; s++) {
            for (int c = 0; c < n; c++) {
                cells[s][c] = raw.count(RawReport.sectorTableOf(regionKey), sectors[s].name(),
                        ReportBuilder.referralColumns().get(c));
            }
        }
        Grid g = Grid.additive(REFERRALS_BY_SECTOR + "@" + regionKey, cells, n);
        if (region != null) {
            for (int c = 0; c <= n; c++) {
                g.link(sectors.length, c, region.key(regionRow, c));
            }
        }
        return g;
    }

    /**
     * For each sector, the parts' rows of it (rows: the parts, columns: statuses) with the whole's row as total:
     * the sector tables of the parts add up to the whole's. Cells are linked to the parts' sector tables; the
     * total row to the whole's, or given when the whole was protected before.
     */
    private static List<Grid> sectorSums(List<String> parts, Map<String, Grid> sectorOf, Grid whole, boolean given) {
        PartnerSector[] sectors = PartnerSector.values();
        int n = ReportBuilder.referralColumns().size();
        List<Grid> sums = new ArrayList<>();
        for (int s = 0; s < sectors.length; s++) {
            long[][] cells = new long[parts.size()][n];
            for (int r = 0; r < parts.size(); r++) {
                for (int c = 0; c < n; c++) {
                    cells[r][c] = sectorOf.get(parts.get(r)).value(s, c);
                }
            }
            Grid g = Grid.additive("sectorSum@" + sectors[s].name() + "@" + whole.name(), cells, n);
            for (int r = 0; r < parts.size(); r++) {
                for (int c = 0; c <= n; c++) {
                    g.link(r, c, sectorOf.get(parts.get(r)).key(s, c));
                }
            }
            if (given) {
                g.fixTotalRow();
            } else {
                for (int c = 0; c <= n; c++) {
                    g.link(parts.size(), c, whole.key(s, c));
                }
            }
            sums.add(g);
        }
        return sums;
    }

    private static boolean[] withheldRow(Grid g, int r) {
        boolean[] row = new boolean[g.columns() + 1];
        for (int c = 0; c <= g.columns(); c++) {
            row[c] = g.present(r, c) && g.suppressed(r, c);
        }
        return row;
    }

    private static boolean[][] withheld(Grid g) {
        boolean[][] all = new boolean[g.rows() + 1][];
        for (int r = 0; r <= g.rows(); r++) {
            all[r] = withheldRow(g, r);
        }
        return all;
    }

    /**
     * The counts of the communities summed into other rows: {@code into} gives a community's new row (null:
     * left out). Region tables are summed row by row, the sector tables of the communities into the new rows'
     * sector tables, and the sector table of the report is the sum of the new rows' sector tables.
     */
    private RawReport rollUp(StatisticsQuery.GroupBy groupBy, List<String> regions, Function<String, String> into) {
        RawReport rolled = new RawReport(groupBy, regions, communities.months());
        communities.forEachCount((table, row, column, n) -> {
            String community = RawReport.regionOfSectorTable(table);
            if (community != null) {
                String target = into.apply(community);
                if (target != null) {
                    rolled.add(RawReport.sectorTableOf(target), row, column, n);
                    rolled.add(REFERRALS_BY_SECTOR, row, column, n);
                }
            } else if (!REFERRALS_BY_SECTOR.equals(table)) {
                String target = into.apply(row);
                if (target != null) {
                    rolled.add(table, target, column, n);
                }
            }
        });
        return rolled;
    }
}
