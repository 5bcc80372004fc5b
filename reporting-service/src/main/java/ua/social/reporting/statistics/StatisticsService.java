package ua.social.reporting.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import ua.social.identity.Caller;
import ua.social.identity.Roles;
import ua.social.identity.problem.ProblemException;
import ua.social.reporting.config.ReportingConfig;
import ua.social.reporting.replay.ReplayService;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Statistics for a caller: a ministry analyst sees every region; a supervisor only their own community
 * (the token's {@code hromada}), whatever they ask for.
 */
@ApplicationScoped
public class StatisticsService {

    @Inject
    StatisticsRepository repository;
    @Inject
    ReplayService replays;
    @Inject
    ReportingConfig config;
    @Inject
    Communities communities;
    @Inject
    StatisticsCache cache;

    /** The key of a published answer in the cache. */
    private record AnswerKey(StatisticsQuery query, boolean rebuilding) {
    }

    /** The key of a period and group's pattern in the cache. */
    private record PatternKey(LocalDate from, LocalDate to, String category, int minCount) {
    }

    /** The filters of a request, parsed but not yet narrowed to the caller's reach. */
    public record Filters(LocalDate from, LocalDate to, String oblast, List<String> hromadas, String category,
                          StatisticsQuery.GroupBy groupBy) {
    }

    /**
     * The report of a request: its counts, each withheld or published as the one pattern of the period and
     * group says (docs/adr/0011), which is built from the counts of every community of the country.
     */
    public Report report(Caller caller, Filters filters) {
        StatisticsQuery q = scope(caller, filters);
        boolean rebuilding = replays.running();
        // the published answer is kept too: building it from the counts and the pattern costs more CPU than
        // a kept answer's whole request
        return cache.get(new AnswerKey(q, rebuilding), () -> {
            RawReport raw = cache.get(q, () -> repository.raw(q));
            Suppression suppression = new Suppression(config.suppression().minCount());
            DisclosurePattern pattern = pattern(q.from(), q.to(), q.category(), suppression);
            Report.Scope scope = new Report.Scope(q.groupBy().param(), q.oblast(), q.hromadas(), q.category());
            return new ReportBuilder(suppression)
                    .publish(raw, new Report.Period(q.from(), q.to()), scope, rebuilding, pattern);
        });
    }

    /**
     * The suppression pattern of a period and group for every region (the counts of every community). With
     * {@code reporting.statistics.nested-periods=months} a quarter's or a year's is built on the patterns of its
     * months (each kept for the month's own requests too), so that the period and its months cannot be
     * subtracted (docs/adr/0011, "Nested periods").
     */
    public DisclosurePattern pattern(LocalDate from, LocalDate to, String category, Suppression suppression) {
        return cache.get(new PatternKey(from, to, category, suppression.minCount()), () -> {
            RawReport all = countryByCommunity(from, to, category);
            Map<String, String> oblasts = communities.oblastsOf(all.regions());
            boolean byMonths = config.statistics().nestedPeriods() == ReportingConfig.NestedPeriods.MONTHS;
            List<DisclosurePattern> months = !byMonths || all.months().size() < 2 ? List.of() : all.months().stream()
                    .map(m -> pattern(m.atDay(1), m.atEndOfMonth(), category, suppression)).toList();
            return DisclosurePattern.of(all, h -> Optional.ofNullable(oblasts.get(h)), suppression, category, months);
        });
    }

    /** The raw counts of the whole country by community for a period and group. */
    RawReport countryByCommunity(LocalDate from, LocalDate to, String category) {
        StatisticsQuery all = new StatisticsQuery(from, to, null, List.of(), category, StatisticsQuery.GroupBy.HROMADA);
        return cache.get(all, () -> repository.raw(all));
    }

    StatisticsQuery scope(Caller caller, Filters f) {
        String oblast = f.oblast();
        List<String> hromadas = f.hromadas();
        if (!caller.hasRole(Roles.MINISTRY_ANALYST)) {
            if (!caller.hasRole(Roles.SUPERVISOR) || !caller.jurisdiction().hasHromada()) {
                throw ProblemException.forbidden("Statistics are for ministry analysts and for supervisors "
                        + "of a community.");
            }
            String own = caller.jurisdiction().hromada();
            if (hromadas.stream().anyMatch(h -> !h.equals(own))) {
                throw ProblemException.forbidden("A supervisor sees the statistics of their own community ("
                        + own + ") only.");
            }
            if (oblast != null && !oblast.equals(caller.jurisdiction().oblast())) {
                throw ProblemException.forbidden("A supervisor sees the statistics of their own community ("
                        + own + ") only; it is not in " + oblast + ".");
            }
            hromadas = List.of(own);
        }
        StatisticsQuery.GroupBy groupBy = f.groupBy() != null ? f.groupBy()
                : oblast == null && hromadas.isEmpty() ? StatisticsQuery.GroupBy.OBLAST
                : StatisticsQuery.GroupBy.HROMADA;
        return new StatisticsQuery(f.from(), f.to(), oblast, hromadas, f.category(), groupBy);
    }
}
