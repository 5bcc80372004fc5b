package ua.social.identity.testing;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The number of rows in every table of a service's database: what a refused request must leave unchanged. */
public final class RowCounts {

    private RowCounts() {
    }

    /**
     * Counts every table of the current schema but Flyway's history and those written in the background: tables that
     * the service's consumers and schedulers write on their own (inbox, dead letters), which no request controls.
     */
    public static Supplier<Map<String, Long>> of(DataSource ds, Set<String> writtenInTheBackground) {
        List<String> tables = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select table_name from information_schema.tables where table_schema = "
                     + "current_schema() and table_type = 'BASE TABLE' order by table_name")) {
            while (rs.next()) {
                String t = rs.getString(1);
                if (!t.equals("flyway_schema_history") && !writtenInTheBackground.contains(t)) {
                    tables.add(t);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        String sql = tables.stream().map(t -> "select '" + t + "', count(*) from \"" + t + "\"")
                .collect(Collectors.joining(" union all "));
        return () -> {
            Map<String, Long> counts = new TreeMap<>();
            try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return counts;
        };
    }
}
