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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The statistics period, without infrastructure: the default twelve months and the bounds of a given one. */
@Tag("fast")
class ParamsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    private static StatisticsService.Filters period(String from, String to) {
        return Params.filters(from, to, null, List.of(), null, null, TODAY, 24, h -> Optional.empty());
    }

    @Test
    void withoutDatesTheReportCoversTheCurrentCalendarYear() {
        StatisticsService.Filters f = period(null, null);
        assertEquals(LocalDate.of(2026, 1, 1), f.from());
        assertEquals(LocalDate.of(2026, 12, 31), f.to());
    }

    @Test
    void withOnlyOneEndTheOtherIsAYearAway() {
        StatisticsService.Filters fromOnly = period("2025-01-01", null);
        assertEquals(LocalDate.of(2025, 12, 31), fromOnly.to(), "a year from the start, not up to today");
        StatisticsService.Filters toOnly = period(null, "2024-12-31");
        assertEquals(LocalDate.of(2024, 1, 1), toOnly.from());
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefusedNamingFrom() {
        ProblemException e = assertThrows(ProblemException.class, () -> period("2026-02-01", "2026-01-31"));
        assertEquals(400, e.problem().status);
        assertEquals("from", e.problem().errors.get(0).field());
    }

    @Test
    void aPeriodLongerThanTheMaximumIsRefusedNamingTo() {
        ProblemException e = assertThrows(ProblemException.class, () -> period("2024-01-01", "2026-01-31"));
        assertEquals("to", e.problem().errors.get(0).field());
        assertTrue(e.getMessage().contains("24 months") || e.problem().detail.contains("24 months"));
    }

    @Test
    void wholeCalendarMonthsQuartersAndYearsAreAccepted() {
        assertEquals(LocalDate.of(2024, 2, 29), period("2024-02-01", "2024-02-29").to(), "a month");
        assertEquals(LocalDate.of(2025, 6, 30), period("2025-04-01", "2025-06-30").to(), "a quarter");
        assertEquals(LocalDate.of(2025, 12, 31), period("2025-10-01", "2025-12-31").to(), "the last quarter");
        assertEquals(LocalDate.of(2019, 12, 31), period("2019-01-01", "2019-12-31").to(), "a year");
    }

    @Test
    void aPeriodThatIsNotAWholeMonthQuarterOrYearIsRefusedSayingWhatIsAllowed() {
        ProblemException dayLater = assertThrows(ProblemException.class, () -> period("2025-01-02", "2025-03-31"));
        assertEquals("from", dayLater.problem().errors.get(0).field());
        assertTrue(dayLater.problem().detail.contains("whole calendar month"), dayLater.problem().detail);
        for (String[] p : new String[][]{{"2025-01-01", "2025-03-30"}, {"2025-02-01", "2025-04-30"},
                {"2025-01-01", "2025-06-30"}, {"2025-07-01", "2026-06-30"}, {"2025-01-01", "2025-01-30"}}) {
            ProblemException e = assertThrows(ProblemException.class, () -> period(p[0], p[1]), p[0] + ".." + p[1]);
            assertEquals(400, e.problem().status);
            assertEquals("to", e.problem().errors.get(0).field(), p[0] + ".." + p[1]);
            assertTrue(e.problem().detail.contains("quarter"), e.problem().detail);
        }
    }

    @Test
    void aListOfCommunitiesIsRefusedNamingHromadaAndOneIsAccepted() {
        ProblemException e = assertThrows(ProblemException.class, () -> Params.filters("2019-01-01", "2019-12-31",
                null, List.of("UA53080370000074277,UA53080370000074278"), null, null, TODAY, 24,
                h -> Optional.of("UA-53")));
        assertEquals("hromada", e.problem().errors.get(0).field());
        assertTrue(e.problem().detail.contains("whole oblast"), e.problem().detail);
        assertEquals(List.of("UA53080370000074277"), Params.filters("2019-01-01", "2019-12-31", null,
                List.of("UA53080370000074277"), null, null, TODAY, 24, h -> Optional.of("UA-53")).hromadas());
    }
}
