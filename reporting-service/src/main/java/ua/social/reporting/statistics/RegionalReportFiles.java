package ua.social.reporting.statistics;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The regional project report as files: CSV (RFC 4180, UTF-8) and an Office Open XML workbook, both with
 * Ukrainian headings. A withheld count is «прих.» in both; a ratio with no case managers is empty.
 */
public final class RegionalReportFiles {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CODE = "Код";
    public static final String REGION = "Регіон";
    public static final String SHEET = "Звіт";
    /** The row of the workbook (0-based) that holds the headings; the title and the period are above it. */
    public static final int HEADER_ROW = 4;

    private RegionalReportFiles() {
    }

    public static String csv(RegionalReport report) {
        StringBuilder out = new StringBuilder();
        out.append(CsvReport.field(CODE)).append(',').append(CsvReport.field(REGION));
        for (Report.Column c : report.columns()) {
            out.append(',').append(CsvReport.field(c.label()));
        }
        out.append("\r\n");
        for (Report.Row row : rows(report)) {
            out.append(CsvReport.field(row.key())).append(',').append(CsvReport.field(row.label()));
            for (Report.Cell cell : row.cells()) {
                out.append(',').append(CsvReport.field(RegionalReport.text(cell)));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static List<Report.Row> rows(RegionalReport report) {
        return java.util.stream.Stream.concat(report.rows().stream(), java.util.stream.Stream.of(report.total()))
                .toList();
    }

    public static byte[] xlsx(RegionalReport report) {
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle heading = wb.createCellStyle();
            heading.setFont(bold);
            heading.setWrapText(true);
            CellStyle boldStyle = wb.createCellStyle();
            boldStyle.setFont(bold);
            CellStyle ratio = wb.createCellStyle();
            ratio.setDataFormat(wb.createDataFormat().getFormat("0.0"));

            Sheet sheet = wb.createSheet(SHEET);
            text(sheet.createRow(0), 0, report.title(), boldStyle);
            text(sheet.createRow(1), 0, "Період: " + report.period().from() + " — " + report.period().to(), null);
            text(sheet.createRow(2), 0, "«" + RegionalReport.WITHHELD + "» — приховано: значення від 1 до "
                    + (report.suppression().minCount() - 1) + " або те, з якого його можна обчислити.", null);
            if (report.rebuilding()) {
                text(sheet.createRow(3), 0, "Дані перебудовуються: показники ще неповні.", null);
            }
            Row header = sheet.createRow(HEADER_ROW);
            text(header, 0, CODE, heading);
            text(header, 1, REGION, heading);
            for (int c = 0; c < report.columns().size(); c++) {
                text(header, c + 2, report.columns().get(c).label(), heading);
            }
            int r = HEADER_ROW + 1;
            for (Report.Row row : rows(report)) {
                Row line = sheet.createRow(r++);
                boolean total = row == report.total();
                text(line, 0, row.key(), total ? boldStyle : null);
                text(line, 1, row.label(), total ? boldStyle : null);
                for (int c = 0; c < row.cells().size(); c++) {
                    Report.Cell cell = row.cells().get(c);
                    if (cell.suppressed() || cell.value() == null) {
                        text(line, c + 2, RegionalReport.text(cell), null);
                    } else {
                        Cell x = line.createCell(c + 2);
                        x.setCellValue(cell.value().doubleValue());
                        if (cell.value() instanceof Double) {
                            x.setCellStyle(ratio);
                        }
                    }
                }
            }
            sheet.setColumnWidth(0, 24 * 256);
            sheet.setColumnWidth(1, 48 * 256);
            for (int c = 0; c < report.columns().size(); c++) {
                sheet.setColumnWidth(c + 2, 16 * 256);
            }
            sheet.createFreezePane(2, HEADER_ROW + 1);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the workbook failed", e);
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }
}
