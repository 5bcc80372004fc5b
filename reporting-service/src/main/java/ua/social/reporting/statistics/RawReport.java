package ua.social.reporting.statistics;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw counts of one report, before suppression. It never leaves the service: only the
 * {@link Report} built from it by {@link ReportBuilder} is published.
 */
public final class RawReport {

    private final StatisticsQuery.GroupBy groupBy;
    private final List<String> regions;
    private final List<YearMonth> months;
    private final Map<String, Map<String, Map<String, Long>>> counts = new HashMap<>();
    private final Map<String, List<Long>> responseSeconds = new HashMap<>();

    /**
     * @param regions the row keys of the regional tables (oblast or community codes), sorted
     * @param months  the months of the period
     */
    public RawReport(StatisticsQuery.GroupBy groupBy, List<String> regions, List<YearMonth> months) {
        this.groupBy = groupBy;
        this.regions = List.copyOf(regions);
        this.months = List.copyOf(months);
    }

    public StatisticsQuery.GroupBy groupBy() {
        return groupBy;
    }

    public List<String> regions() {
        return regions;
    }

    public List<YearMonth> months() {
        return months;
    }

    /** Adds to a count: table, row key, column key. */
    public void add(String table, String row, String column, long n) {
        counts.computeIfAbsent(table, t -> new HashMap<>()).computeIfAbsent(row, r -> new HashMap<>())
                .merge(column, n, Long::sum);
    }

    /**
     * The name under which a region's own sector table (rows: partner sectors, columns: statuses) is kept,
     * next to the report's sector table of all its regions: the disclosure pattern needs each region's.
     */
    public static String sectorTableOf(String region) {
        return ReportBuilder.REFERRALS_BY_SECTOR + "@" + region;
    }

    /** The region of a table named by {@link #sectorTableOf}, or null for any other table. */
    static String regionOfSectorTable(String table) {
        String prefix = ReportBuilder.REFERRALS_BY_SECTOR + "@";
        return table.startsWith(prefix) ? table.substring(prefix.length()) : null;
    }

    interface CountVisitor {
        void visit(String table, String row, String column, long n);
    }

    /** Every count held, in no particular order. */
    void forEachCount(CountVisitor visitor) {
        counts.forEach((table, rows) -> rows.forEach((row, columns) -> columns.forEach((column, n) ->
                visitor.visit(table, row, column, n))));
    }

    public long count(String table, String row, String column) {
        return counts.getOrDefault(table, Map.of()).getOrDefault(row, Map.of()).getOrDefault(column, 0L);
    }

    /** Records a referral's time from request to the partner's response, under its partner sector. */
    public void responded(String sector, long seconds) {
        responseSeconds.computeIfAbsent(sector, s -> new ArrayList<>()).add(seconds);
    }

    public List<Long> responseSeconds(String sector) {
        return responseSeconds.getOrDefault(sector, List.of());
    }
}
