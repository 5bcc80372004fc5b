package ua.social.reporting.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Published statistics: every count already passed small-cell suppression. A withheld count has
 * {@code value: null, suppressed: true}, whether it was small itself or withheld to protect another.
 */
public record Report(Period period, Scope scope, SuppressionRule suppression, boolean rebuilding,
                     List<Table> tables) {

    public record Period(LocalDate from, LocalDate to) {
    }

    /** The regions and group the figures cover, after the caller's reach was applied. */
    public record Scope(String groupBy, String oblast, List<String> hromadas, String category) {
    }

    public record SuppressionRule(int minCount, String rule) {
    }

    /**
     * One table: rows (regions or partner sectors) × columns, with totals.
     *
     * @param layout ADDITIVE (row and column totals add up), INDEPENDENT_COLUMNS (each column adds up to
     *               its total; no row totals) or INDICATOR (values derived from published counts)
     */
    public record Table(String name, String title, String unit, String layout, List<Column> columns, List<Row> rows,
                        Row total) {
    }

    public record Column(String key, String label) {
    }

    /** @param total the row total, null where the layout has none */
    public record Row(String key, String label, List<Cell> cells, Cell total) {
    }

    public record Cell(Number value, boolean suppressed) {
        public static Cell of(Number value) {
            return new Cell(value, false);
        }

        public static Cell withheld() {
            return new Cell(null, true);
        }
    }

    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
