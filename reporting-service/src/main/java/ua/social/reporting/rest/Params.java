package ua.social.reporting.rest;

import ua.social.identity.Territory;
import ua.social.identity.problem.ProblemException;
import ua.social.identity.web.QueryParams;
import ua.social.contracts.code.VulnerableGroup;
import ua.social.reporting.statistics.StatisticsQuery;
import ua.social.reporting.statistics.StatisticsService;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The statistics filters, parsed with a 400 problem naming the parameter (dates through the shared QueryParams). */
final class Params {

    static final int MAX_HROMADAS = 1;

    private Params() {
    }

    /** What a period may be, for the problem of a period that is not one. */
    static final String PERIODS = "a period is a whole calendar month (from=2019-04-01&to=2019-04-30), quarter "
            + "(from=2019-04-01&to=2019-06-30, starting in January, April, July or October) or year "
            + "(from=2019-01-01&to=2019-12-31). Other periods are refused because two periods that differ by a "
            + "day would reveal that day's withheld counts";

    /**
     * Refuses a period that is not a whole calendar month, quarter or year, naming {@code from} when it is not
     * the first day of a month and {@code to} otherwise.
     */
    static void requireCalendarPeriod(LocalDate from, LocalDate to) {
        if (from.getDayOfMonth() != 1) {
            throw ProblemException.badRequest("from", "must be the first day of a month: " + PERIODS);
        }
        boolean month = to.equals(from.plusMonths(1).minusDays(1));
        boolean quarter = (from.getMonthValue() - 1) % 3 == 0 && to.equals(from.plusMonths(3).minusDays(1));
        boolean year = from.getMonthValue() == 1 && to.equals(from.plusYears(1).minusDays(1));
        if (!month && !quarter && !year) {
            throw ProblemException.badRequest("to", "must end the month, quarter or year that starts on " + from
                    + ": " + PERIODS);
        }
    }

    /**
     * The filters of a statistics request. Without dates: the calendar year of {@code today} (the civil
     * date in the reporting zone); with one end only, a year from it. The period must be a whole calendar
     * month, quarter or year, and the region the whole country, one whole oblast or a single community
     * (see docs/adr/0011): requests that differ by a day or by one community are refused rather than
     * answered. The community must be a known community ({@code oblastOf}) lying in the oblast if one is given.
     */
    static StatisticsService.Filters filters(String fromParam, String toParam, String oblastParam,
                                             List<String> hromadaParams, String categoryParam, String groupByParam,
                                             LocalDate today, int maxMonths,
                                             Function<String, Optional<String>> oblastOf) {
        LocalDate to = QueryParams.date(toParam, "to");
        LocalDate from = QueryParams.date(fromParam, "from");
        if (from == null && to == null) {
            from = today.withDayOfYear(1);
            to = from.plusYears(1).minusDays(1);
        }
        if (to == null) {
            to = from.plusYears(1).minusDays(1);
        }
        if (from == null) {
            from = to.minusYears(1).plusDays(1);
        }
        if (from.isAfter(to)) {
            throw ProblemException.badRequest("from", "must not be after to (" + to + ")");
        }
        if (from.plusMonths(maxMonths).isBefore(to)) {
            throw ProblemException.badRequest("to", "the period may cover at most " + maxMonths + " months");
        }
        requireCalendarPeriod(from, to);
        String oblast = Territory.requireOblast(oblastParam, "oblast");
        List<String> hromadas = new ArrayList<>();
        for (String param : hromadaParams == null ? List.<String>of() : hromadaParams) {
            for (String part : param.split(",")) {
                String h = part.trim().toUpperCase(Locale.ROOT);
                if (h.isEmpty()) {
                    continue;
                }
                if (!Territory.isCommunityFormat(h)) {
                    throw ProblemException.badRequest("hromada", Territory.communityProblem(h));
                }
                String lies = oblastOf.apply(h).orElseThrow(() -> ProblemException.badRequest("hromada",
                        "unknown community '" + h + "': not in the KATOTTG codifier"));
                if (oblast != null && !lies.equals(oblast)) {
                    throw ProblemException.badRequest("hromada", "community " + h + " lies in oblast " + lies
                            + ", not in " + oblast);
                }
                if (!hromadas.contains(h)) {
                    hromadas.add(h);
                }
            }
        }
        if (hromadas.size() > MAX_HROMADAS) {
            throw ProblemException.badRequest("hromada", "one community at most (" + hromadas.size() + " given): a "
                    + "request covers the whole country, one whole oblast (oblast=UA-53) or a single community. "
                    + "Lists of communities are refused because two lists that differ by one community would "
                    + "reveal that community's withheld counts");
        }
        VulnerableGroup group = QueryParams.enumValue(VulnerableGroup.class, categoryParam, "category");
        String category = group == null ? null : group.name();
        StatisticsQuery.GroupBy groupBy = null;
        if (groupByParam != null && !groupByParam.isBlank()) {
            groupBy = Arrays.stream(StatisticsQuery.GroupBy.values())
                    .filter(g -> g.param().equals(groupByParam.trim())).findFirst()
                    .orElseThrow(() -> ProblemException.badRequest("groupBy", "must be oblast or hromada"));
        }
        return new StatisticsService.Filters(from, to, oblast, List.copyOf(hromadas), category, groupBy);
    }
}
