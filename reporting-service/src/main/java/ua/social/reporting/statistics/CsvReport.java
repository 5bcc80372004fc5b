package ua.social.reporting.statistics;

import java.util.List;

/**
 * A report as CSV (RFC 4180, UTF-8): one line per published number, totals included
 * ({@code TOTAL} as row or column key). A withheld count has an empty value and {@code suppressed} true.
 */
public final class CsvReport {

    public static final String MEDIA_TYPE = "text/csv";
    public static final String HEADER = "table,rowKey,rowLabel,columnKey,columnLabel,value,suppressed";

    private CsvReport() {
    }

    public static String of(List<Report.Table> tables) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (Report.Table t : tables) {
            for (Report.Row row : t.rows()) {
                row(out, t, row);
            }
            row(out, t, t.total());
        }
        return out.toString();
    }

    private static void row(StringBuilder out, Report.Table t, Report.Row row) {
        for (int c = 0; c < t.columns().size(); c++) {
            Report.Column column = t.columns().get(c);
            line(out, t.name(), row, column.key(), column.label(), row.cells().get(c));
        }
        if (row.total() != null) {
            line(out, t.name(), row, ReportBuilder.TOTAL, "Усього", row.total());
        }
    }

    private static void line(StringBuilder out, String table, Report.Row row, String columnKey, String columnLabel,
                             Report.Cell cell) {
        out.append(field(table)).append(',').append(field(row.key())).append(',').append(field(row.label()))
                .append(',').append(field(columnKey)).append(',').append(field(columnLabel)).append(',')
                .append(cell.value() == null ? "" : cell.value().toString()).append(',')
                .append(cell.suppressed()).append("\r\n");
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
