package ua.social.reporting;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ua.social.reporting.config.ReportingConfig;
import ua.social.reporting.support.Attacker;
import ua.social.reporting.support.TestData;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static ua.social.reporting.NestedAttackTest.assertNothingRecovered;
import static ua.social.reporting.NestedAttackTest.collect;

/**
 * With {@code reporting.statistics.nested-periods=months} (docs/adr/0011, "Nested periods"), an attacker who
 * holds every answer of a quarter and of its three months for every region, and who adds what the
 * definitions say about time (a count that adds up over time is, in the quarter, the sum of its months'; the
 * quarter's column of a month is that month's own count; its snapshot is June's), recovers no withheld count.
 */
@QuarkusTest
@TestProfile(NestedPeriodsAttackTest.Months.class)
class NestedPeriodsAttackTest {

    /** The service with a quarter's and a year's counts decided by their months. */
    public static class Months implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("reporting.statistics.nested-periods", "months");
        }
    }

    @Inject
    ReportingConfig config;

    @Test
    void aQuarterAndItsMonthsWithTheSumsOverTimeRevealNoWithheldCount() {
        assertEquals(ReportingConfig.NestedPeriods.MONTHS, config.statistics().nestedPeriods());
        TestData.world();
        Attacker attacker = new Attacker();
        LocalDate start = LocalDate.of(2019, 4, 1);
        LocalDate end = start.plusMonths(3).minusDays(1);
        TreeSet<String> regions = new TreeSet<>(collect(attacker, start, end));
        List<YearMonth> months = new ArrayList<>();
        for (int month = 4; month <= 6; month++) {
            LocalDate from = LocalDate.of(2019, month, 1);
            regions.addAll(collect(attacker, from, from.plusMonths(1).minusDays(1)));
            months.add(YearMonth.from(from));
        }
        Function<YearMonth, String> period = m -> m.atDay(1) + ".." + m.atEndOfMonth();
        attacker.sumsOverTime(months.stream().map(period).toList(), start + ".." + end, months, regions, null,
                (p, quantity) -> p + "|" + quantity, period);
        assertNothingRecovered(attacker);
    }
}
