package ua.social.reporting.rest;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import ua.social.identity.problem.ProblemException;
import ua.social.reporting.statistics.StatisticsService;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The statistics period, without infrastructure: the default twelve months and the bounds of a given one. */
@Tag("fast")
class ParamsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    private static StatisticsService.Filters period(String from, String to) {
        return Params.filters(from, to, null, List.of(), null, null, TODAY, 24, h -> Optional.empty());
    }

    @Test
    void withoutDatesTheReportCoversTheTwelveMonthsUpToToday() {
        StatisticsService.Filters f = period(null, null);
        assertEquals(LocalDate.of(2025, 7, 1), f.from());
        assertEquals(TODAY, f.to());
    }

    @Test
    void withOnlyOneEndTheOtherIsAYearAway() {
        StatisticsService.Filters fromOnly = period("2025-01-01", null);
        assertEquals(LocalDate.of(2025, 12, 31), fromOnly.to(), "a year from the start, not up to today");
        StatisticsService.Filters toOnly = period(null, "2024-02-29");
        assertEquals(LocalDate.of(2023, 3, 1), toOnly.from());
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefusedNamingFrom() {
        ProblemException e = assertThrows(ProblemException.class, () -> period("2026-02-01", "2026-01-31"));
        assertEquals(400, e.problem().status);
        assertEquals("from", e.problem().errors.get(0).field());
    }

    @Test
    void aPeriodLongerThanTheMaximumIsRefusedNamingTo() {
        assertEquals(LocalDate.of(2026, 1, 1), period("2024-01-01", "2026-01-01").to(), "24 months exactly");
        ProblemException e = assertThrows(ProblemException.class, () -> period("2024-01-01", "2026-01-02"));
        assertEquals("to", e.problem().errors.get(0).field());
    }
}
