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

    static final int MAX_HROMADAS = 50;

    private Params() {
    }

    /**
     * The filters of a statistics request. Without dates: the twelve months up to {@code today} (the civil
     * date in the reporting zone). Community codes
     * may be repeated ({@code hromada=A&hromada=B}) or comma-separated; each must be a known community
     * ({@code oblastOf}) lying in the oblast if one is given.
     */
    static StatisticsService.Filters filters(String fromParam, String toParam, String oblastParam,
                                             List<String> hromadaParams, String categoryParam, String groupByParam,
                                             LocalDate today, int maxMonths,
                                             Function<String, Optional<String>> oblastOf) {
        LocalDate to = QueryParams.date(toParam, "to");
        LocalDate from = QueryParams.date(fromParam, "from");
        if (to == null) {
            to = from == null ? today : from.plusYears(1).minusDays(1);
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
            throw ProblemException.badRequest("hromada", "at most " + MAX_HROMADAS + " communities per request");
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
