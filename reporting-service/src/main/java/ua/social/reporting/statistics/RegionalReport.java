package ua.social.reporting.statistics;

import ua.social.reporting.statistics.Report.Cell;
import ua.social.reporting.statistics.Report.Column;
import ua.social.reporting.statistics.Report.Row;
import ua.social.reporting.statistics.Report.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * The regional project report: the standard table of ministry and donor project reports, one row per
 * oblast (or community) of the period and a total, in the columns persons who applied, cases opened,
 * cases closed, case managers who worked in the period, cases carried in the period, cases per case
 * manager, services by category and their total.
 *
 * <p>It is a re-arrangement of the published {@link Report}, never of raw counts: every number is the
 * same cell the statistics publish for the same request, so it carries the same suppression.
 */
public record RegionalReport(Report.Period period, Report.Scope scope, Report.SuppressionRule suppression,
                             boolean rebuilding, String title, List<Column> columns, List<Row> rows, Row total) {

    public static final String TITLE = "Регіональний звіт проєкту";
    public static final String WITHHELD = "прих.";
    public static final String SERVICES_PREFIX = "services.";
    public static final String SERVICES_TOTAL = "servicesTotal";

    /** Where a column's cell comes from: a table of the report, and a column of it (null: the row total). */
    private record Source(Column column, String table, String tableColumn) {
    }

    public static RegionalReport of(Report report) {
        List<Source> sources = new ArrayList<>(List.of(
                new Source(new Column("persons", "Особи, які звернулися"), ReportBuilder.APPLICANTS,
                        ReportBuilder.PERSONS),
                new Source(new Column("casesOpened", "Відкрито випадків"), ReportBuilder.OPENED_BY_MODEL, null),
                new Source(new Column("casesClosed", "Закрито випадків"), ReportBuilder.CLOSED_BY_REASON, null),
                new Source(new Column("caseManagers", "Кейс-менеджери, які працювали в періоді"), ReportBuilder.WORKLOAD,
                        ReportBuilder.WORKLOAD_MANAGERS),
                new Source(new Column("casesCarried", "Випадки в роботі за період"), ReportBuilder.WORKLOAD,
                        ReportBuilder.WORKLOAD_CASES),
                new Source(new Column("casesPerCaseManager", "Випадків на одного кейс-менеджера"),
                        ReportBuilder.PER_MANAGER_IN_PERIOD, ReportBuilder.CASES_PER_MANAGER_COLUMN)));
        Table services = table(report, ReportBuilder.SERVICES_BY_CATEGORY);
        for (Column c : services.columns()) {
            sources.add(new Source(new Column(SERVICES_PREFIX + c.key(), "Послуги: " + c.label()),
                    ReportBuilder.SERVICES_BY_CATEGORY, c.key()));
        }
        sources.add(new Source(new Column(SERVICES_TOTAL, "Послуги, усього"), ReportBuilder.SERVICES_BY_CATEGORY, null));

        Table applicants = table(report, ReportBuilder.APPLICANTS);
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < applicants.rows().size(); r++) {
            Row region = applicants.rows().get(r);
            int index = r;
            rows.add(new Row(region.key(), region.label(), sources.stream()
                    .map(s -> cell(table(report, s.table()), s.tableColumn(), index)).toList(), null));
        }
        Row total = new Row(ReportBuilder.TOTAL, applicants.total().label(), sources.stream()
                .map(s -> cell(table(report, s.table()), s.tableColumn(), -1)).toList(), null);
        return new RegionalReport(report.period(), report.scope(), report.suppression(), report.rebuilding(), TITLE,
                sources.stream().map(Source::column).toList(), rows, total);
    }

    private static Table table(Report report, String name) {
        return report.table(name).orElseThrow(() -> new IllegalStateException("the report has no table " + name));
    }

    /** @param row the row index, or -1 for the total row */
    private static Cell cell(Table table, String column, int row) {
        Row source = row < 0 ? table.total() : table.rows().get(row);
        if (column == null) {
            return source.total();
        }
        for (int c = 0; c < table.columns().size(); c++) {
            if (table.columns().get(c).key().equals(column)) {
                return source.cells().get(c);
            }
        }
        throw new IllegalStateException(table.name() + " has no column " + column);
    }

    /** A cell as the CSV and the workbook write it: the number, «прих.» when withheld, empty when none. */
    public static String text(Cell cell) {
        if (cell.suppressed()) {
            return WITHHELD;
        }
        return cell.value() == null ? "" : cell.value().toString();
    }
}
