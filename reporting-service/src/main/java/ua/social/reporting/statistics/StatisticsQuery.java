package ua.social.reporting.statistics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * What a request asks for, already checked and narrowed to the caller's reach: the period (days, both
 * inclusive), the regions (an oblast and/or communities; none = the whole country), an optional
 * vulnerable group, and whether rows are oblasts or communities.
 */
public record StatisticsQuery(LocalDate from, LocalDate to, String oblast, List<String> hromadas, String category,
                              GroupBy groupBy) {

    public enum GroupBy {
        OBLAST("oblast"), HROMADA("hromada");

        private final String param;

        GroupBy(String param) {
            this.param = param;
        }

        public String param() {
            return param;
        }

        /** The column of a read-model table that holds the row key. */
        String column() {
            return param;
        }
    }

    public StatisticsQuery {
        hromadas = List.copyOf(hromadas);
    }

    /** The first instant of the period in the zone. */
    public OffsetDateTime start(ZoneId zone) {
        return from.atStartOfDay(zone).toOffsetDateTime();
    }

    /** The instant the period ends (exclusive): the start of the day after {@code to}. */
    public OffsetDateTime end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    }

    /** The calendar months the period touches, in order. */
    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }
}
