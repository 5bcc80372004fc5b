package ua.social.reporting.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows for one read-model table, gathered from the events of a batch and written with one statement:
 * {@code INSERT ... SELECT ... FROM unnest(?::text[], ...)}, one array per column, each value cast to its
 * column's type in SQL. A batch of a thousand events costs a handful of statements instead of thousands of
 * round trips.
 */
final class Rows {

    private final String sql;
    private final List<List<String>> columns = new ArrayList<>();

    /**
     * @param table    the table
     * @param conflict what a row already there means, e.g. {@code ON CONFLICT (contact_key) DO NOTHING}
     * @param columns  column names, each with {@code :type} when it is not text (e.g. {@code at:timestamptz})
     */
    Rows(String table, String conflict, String... columns) {
        StringBuilder names = new StringBuilder();
        StringBuilder casts = new StringBuilder();
        StringBuilder arrays = new StringBuilder();
        for (int i = 0; i < columns.length; i++) {
            String[] c = columns[i].split(":");
            String sep = i == 0 ? "" : ", ";
            names.append(sep).append(c[0]);
            casts.append(sep).append("u.").append(c[0]).append(c.length > 1 ? "::" + c[1] : "");
            arrays.append(sep).append("?::text[]");
            this.columns.add(new ArrayList<>());
        }
        this.sql = "INSERT INTO " + table + " (" + names + ") SELECT " + casts + " FROM unnest(" + arrays + ") AS u("
                + names + ") " + conflict;
    }

    /** A row: one value per column, in order (null is NULL; anything else is written as its text). */
    void add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " values, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            columns.get(i).add(values[i] == null ? null : values[i].toString());
        }
    }

    boolean isEmpty() {
        return columns.get(0).isEmpty();
    }

    /** Writes the rows gathered (if any) and forgets them. */
    void write(Connection connection) throws SQLException {
        if (isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < columns.size(); i++) {
                ps.setArray(i + 1, connection.createArrayOf("text", columns.get(i).toArray()));
            }
            ps.executeUpdate();
        }
        columns.forEach(List::clear);
    }
}
