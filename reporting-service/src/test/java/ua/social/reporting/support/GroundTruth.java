package ua.social.reporting.support;

import ua.social.reporting.statistics.RawReport;
import ua.social.reporting.statistics.ReportBuilder.CaseloadBand;
import ua.social.reporting.statistics.StatisticsQuery.GroupBy;
import ua.social.reporting.support.World.CaseFile;
import ua.social.reporting.support.World.Change;
import ua.social.reporting.support.World.Community;
import ua.social.reporting.support.World.Contact;
import ua.social.reporting.support.World.Referral;
import ua.social.reporting.support.World.ReferralChange;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static ua.social.reporting.statistics.ReportBuilder.ACTIVE_BY_MODEL;
import static ua.social.reporting.statistics.ReportBuilder.APPEALS;
import static ua.social.reporting.statistics.ReportBuilder.APPEALS_BY_MONTH;
import static ua.social.reporting.statistics.ReportBuilder.APPLICANTS;
import static ua.social.reporting.statistics.ReportBuilder.APPLICANTS_BY_GROUP;
import static ua.social.reporting.statistics.ReportBuilder.APPLICANTS_BY_MONTH;
import static ua.social.reporting.statistics.ReportBuilder.CLOSED_BY_REASON;
import static ua.social.reporting.statistics.ReportBuilder.MANAGERS_BY_CASELOAD;
import static ua.social.reporting.statistics.ReportBuilder.NO_GROUP;
import static ua.social.reporting.statistics.ReportBuilder.OPENED_BY_GROUP;
import static ua.social.reporting.statistics.ReportBuilder.OPENED_BY_MODEL;
import static ua.social.reporting.statistics.ReportBuilder.OPENED_BY_MONTH;
import static ua.social.reporting.statistics.ReportBuilder.PERSONS;
import static ua.social.reporting.statistics.ReportBuilder.REFERRALS_BY_REGION;
import static ua.social.reporting.statistics.ReportBuilder.REFERRALS_BY_SECTOR;
import static ua.social.reporting.statistics.ReportBuilder.SERVICES_BY_CATEGORY;
import static ua.social.reporting.statistics.ReportBuilder.WORKLOAD;
import static ua.social.reporting.statistics.ReportBuilder.WORKLOAD_CASES;
import static ua.social.reporting.statistics.ReportBuilder.WORKLOAD_MANAGERS;

/**
 * The statistics of a {@link World}, worked out from the simulated facts themselves (not from events
 * or read models), following docs/reporting-definitions.md literally.
 */
public final class GroundTruth {

    private final World world;
    private final LocalDate from;
    private final LocalDate to;
    private final Set<String> hromadas;
    private final GroupBy groupBy;
    private final String category;
    private final OffsetDateTime start;
    private final OffsetDateTime end;

    /** @param hromadas the communities asked for (all of them from this world) */
    public GroundTruth(World world, LocalDate from, LocalDate to, List<String> hromadas, GroupBy groupBy,
                       String category) {
        this.world = world;
        this.from = from;
        this.to = to;
        this.hromadas = new LinkedHashSet<>(hromadas);
        this.groupBy = groupBy;
        this.category = category;
        this.start = from.atStartOfDay(World.KYIV).toOffsetDateTime();
        this.end = to.plusDays(1).atStartOfDay(World.KYIV).toOffsetDateTime();
    }

    private static LocalDate day(OffsetDateTime at) {
        return at.atZoneSameInstant(World.KYIV).toLocalDate();
    }

    private boolean inPeriod(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    private boolean inScope(Community c) {
        return hromadas.contains(c.hromada());
    }

    private String row(Community c) {
        return groupBy == GroupBy.OBLAST ? c.oblast() : c.hromada();
    }

    private static String month(LocalDate day) {
        return YearMonth.from(day).toString();
    }

    public RawReport raw() {
        Map<String, Map<String, Map<String, Long>>> counts = new HashMap<>();
        Set<String> regions = new TreeSet<>();
        for (String h : hromadas) {
            regions.add(groupBy == GroupBy.OBLAST ? "UA-" + h.substring(2, 4) : h);
        }
        List<String[]> adds = new ArrayList<>();
        persons(adds);
        appeals(adds);
        cases(adds);
        managers(adds);
        workload(adds);
        services(adds);
        List<Object[]> responses = referrals(adds);
        RawReport raw = new RawReport(groupBy, new ArrayList<>(regions), months());
        for (String[] a : adds) {
            raw.add(a[0], a[1], a[2], 1);
        }
        for (Object[] r : responses) {
            raw.responded((String) r[0], (Long) r[1]);
        }
        return raw;
    }

    private List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    // --- persons and appeals ---------------------------------------------------------------------------

    private void persons(List<String[]> adds) {
        List<Contact> inPeriod = world.contacts.stream().filter(c -> inPeriod(day(c.at()))).toList();
        Map<Object, List<Contact>> byClient = inPeriod.stream()
                .collect(Collectors.groupingBy(Contact::clientId));
        for (List<Contact> mine : byClient.values()) {
            Set<String> groups = new TreeSet<>();
            mine.forEach(c -> groups.addAll(c.groups()));
            if (category != null && !groups.contains(category)) {
                continue;
            }
            Contact first = mine.stream().min(Comparator.comparing(Contact::at)).orElseThrow();
            if (inScope(first.where())) {
                adds.add(new String[]{APPLICANTS, row(first.where()), PERSONS});
                if (groups.isEmpty()) {
                    adds.add(new String[]{APPLICANTS_BY_GROUP, row(first.where()), NO_GROUP});
                }
                groups.forEach(g -> adds.add(new String[]{APPLICANTS_BY_GROUP, row(first.where()), g}));
            }
            Map<String, List<Contact>> byMonth = mine.stream()
                    .collect(Collectors.groupingBy(c -> month(day(c.at()))));
            byMonth.forEach((month, contacts) -> {
                Contact firstInMonth = contacts.stream().min(Comparator.comparing(Contact::at)).orElseThrow();
                if (inScope(firstInMonth.where())) {
                    adds.add(new String[]{APPLICANTS_BY_MONTH, row(firstInMonth.where()), month});
                }
            });
        }
    }

    private void appeals(List<String[]> adds) {
        for (Contact c : world.contacts) {
            if (c.appeal() && inPeriod(day(c.at())) && inScope(c.where())
                    && (category == null || c.groups().contains(category))) {
                adds.add(new String[]{APPLICANTS, row(c.where()), APPEALS});
                adds.add(new String[]{APPEALS_BY_MONTH, row(c.where()), month(day(c.at()))});
            }
        }
    }

    // --- cases -------------------------------------------------------------------------------------------

    private boolean caseInCategory(CaseFile c) {
        return category == null || c.groups.contains(category);
    }

    /** The latest value of an attribute before the end of the period. */
    private static Optional<Change> latest(CaseFile c, OffsetDateTime before, Predicate<Change> says) {
        return c.changes.stream().filter(ch -> ch.at().isBefore(before)).filter(says)
                .max(Comparator.comparing(Change::at));
    }

    private void cases(List<String[]> adds) {
        for (CaseFile c : world.cases) {
            if (!caseInCategory(c)) {
                continue;
            }
            if (inPeriod(day(c.openedAt)) && inScope(c.openedIn)) {
                adds.add(new String[]{OPENED_BY_MODEL, row(c.openedIn), c.model});
                adds.add(new String[]{OPENED_BY_MONTH, row(c.openedIn), month(day(c.openedAt))});
                if (c.groups.isEmpty()) {
                    adds.add(new String[]{OPENED_BY_GROUP, row(c.openedIn), NO_GROUP});
                }
                c.groups.forEach(g -> adds.add(new String[]{OPENED_BY_GROUP, row(c.openedIn), g}));
            }
            Optional<Change> status = latest(c, end, ch -> ch.status() != null);
            if (status.isPresent() && "ACTIVE".equals(status.get().status())) {
                Community where = latest(c, end, ch -> true).orElseThrow().where();
                String model = latest(c, end, ch -> ch.model() != null).orElseThrow().model();
                if (inScope(where)) {
                    adds.add(new String[]{ACTIVE_BY_MODEL, row(where), model});
                }
            }
            c.changes.stream().filter(ch -> "CLOSED".equals(ch.kind()) && inPeriod(day(ch.at())))
                    .max(Comparator.comparing(Change::at))
                    .filter(ch -> inScope(ch.where()))
                    .ifPresent(ch -> adds.add(new String[]{CLOSED_BY_REASON, row(ch.where()), ch.reason()}));
        }
    }

    /** Case managers with active cases at the end, each in the community where they hold most of them. */
    private void managers(List<String[]> adds) {
        Map<String, Map<Community, Long>> held = new HashMap<>();
        for (CaseFile c : world.cases) {
            Optional<Change> status = latest(c, end, ch -> ch.status() != null);
            Optional<Change> manager = latest(c, end, Change::setsManager);
            if (status.isEmpty() || !"ACTIVE".equals(status.get().status()) || manager.isEmpty()
                    || manager.get().manager() == null) {
                continue;
            }
            Community where = latest(c, end, ch -> true).orElseThrow().where();
            held.computeIfAbsent(manager.get().manager(), m -> new HashMap<>()).merge(where, 1L, Long::sum);
        }
        held.values().forEach(byCommunity -> {
            Community primary = byCommunity.entrySet().stream()
                    .min(Comparator.comparing((Map.Entry<Community, Long> e) -> -e.getValue())
                            .thenComparing(e -> e.getKey().hromada())).orElseThrow().getKey();
            long caseload = byCommunity.values().stream().mapToLong(Long::longValue).sum();
            if (inScope(primary)) {
                adds.add(new String[]{MANAGERS_BY_CASELOAD, row(primary), CaseloadBand.of(caseload).key()});
            }
        });
    }

    /** A stretch of a case's life between two of its changes, with what was true during it. */
    private record Stretch(OffsetDateTime from, OffsetDateTime to, String status, Community where, String manager) {
    }

    /** The stretches of a case in which it was active at some moment of the period, in order. */
    private List<Stretch> activeInPeriod(CaseFile c) {
        List<Change> changes = c.changes.stream().sorted(Comparator.comparing(Change::at)).toList();
        List<Stretch> held = new ArrayList<>();
        String status = null;
        String manager = null;
        for (int i = 0; i < changes.size(); i++) {
            Change ch = changes.get(i);
            status = ch.status() != null ? ch.status() : status;
            manager = ch.setsManager() ? ch.manager() : manager;
            OffsetDateTime until = i + 1 < changes.size() ? changes.get(i + 1).at() : null;
            boolean overlaps = ch.at().isBefore(end) && (until == null || (until.isAfter(start) && until.isAfter(ch.at())));
            if ("ACTIVE".equals(status) && overlaps) {
                held.add(new Stretch(ch.at(), until, status, ch.where(), manager));
            }
        }
        return held;
    }

    /**
     * Cases carried in the period (active at any moment of it, counted where they were at the last such
     * moment) and case managers who worked in it (held an active case in it; counted once, where they
     * carried most cases, on a tie where they last held one, then the smallest code).
     */
    private void workload(List<String[]> adds) {
        record Carried(Set<Object> cases, OffsetDateTime[] last) {
        }
        Map<String, Map<Community, Carried>> byManager = new HashMap<>();
        for (CaseFile c : world.cases) {
            List<Stretch> held = activeInPeriod(c);
            if (held.isEmpty()) {
                continue;
            }
            Community last = held.get(held.size() - 1).where();
            if (caseInCategory(c) && inScope(last)) {
                adds.add(new String[]{WORKLOAD, row(last), WORKLOAD_CASES});
            }
            for (Stretch s : held) {
                if (s.manager() == null) {
                    continue;
                }
                Carried carried = byManager.computeIfAbsent(s.manager(), m -> new HashMap<>())
                        .computeIfAbsent(s.where(), w -> new Carried(new java.util.HashSet<>(), new OffsetDateTime[1]));
                carried.cases().add(c.id);
                OffsetDateTime until = s.to() == null || s.to().isAfter(end) ? end : s.to();
                if (carried.last()[0] == null || until.isAfter(carried.last()[0])) {
                    carried.last()[0] = until;
                }
            }
        }
        byManager.values().forEach(byCommunity -> {
            Community primary = byCommunity.entrySet().stream()
                    .min(Comparator.comparing((Map.Entry<Community, Carried> e) -> -e.getValue().cases().size())
                            .thenComparing(e -> e.getValue().last()[0], Comparator.reverseOrder())
                            .thenComparing(e -> e.getKey().hromada())).orElseThrow().getKey();
            if (inScope(primary)) {
                adds.add(new String[]{WORKLOAD, row(primary), WORKLOAD_MANAGERS});
            }
        });
    }

    // --- services ---------------------------------------------------------------------------------------

    private void services(List<String[]> adds) {
        for (World.Service s : world.services) {
            if (!inPeriod(s.on()) || !inScope(s.where())) {
                continue;
            }
            if (category != null) {
                Set<String> groups = s.caseId() != null
                        ? world.cases.stream().filter(c -> c.id.equals(s.caseId())).findFirst().orElseThrow().groups
                        : world.contacts.stream().filter(c -> c.key().equals("A:" + s.appealId())).findFirst()
                        .orElseThrow().groups();
                if (!groups.contains(category)) {
                    continue;
                }
            }
            adds.add(new String[]{SERVICES_BY_CATEGORY, row(s.where()), s.category()});
        }
    }

    // --- referrals --------------------------------------------------------------------------------------

    /** @return {sector, seconds to the first response} of every referral that had one before the end */
    private List<Object[]> referrals(List<String[]> adds) {
        List<Object[]> responses = new ArrayList<>();
        for (Referral r : world.referrals) {
            if (r.requestedAt.isBefore(start) || !r.requestedAt.isBefore(end) || !inScope(r.where)) {
                continue;
            }
            CaseFile c = world.cases.stream().filter(x -> x.id.equals(r.caseId)).findFirst().orElseThrow();
            if (!caseInCategory(c)) {
                continue;
            }
            if (r.changes.stream().anyMatch(ch -> "ENTERED_IN_ERROR".equals(ch.status()))) {
                continue; // recorded in error: never counted, in any period
            }
            String status = r.changes.stream().filter(ch -> ch.at().isBefore(end))
                    .max(Comparator.comparing(ReferralChange::at)).map(ReferralChange::status).orElse("REQUESTED");
            if ("DRAFT".equals(status)) {
                status = "REQUESTED";
            }
            adds.add(new String[]{REFERRALS_BY_REGION, row(r.where), status});
            adds.add(new String[]{REFERRALS_BY_SECTOR, r.sector, status});
            r.changes.stream()
                    .filter(ch -> ("ACCEPTED".equals(ch.status()) || "REJECTED".equals(ch.status()))
                            && ch.at().isBefore(end) && !ch.at().isBefore(r.requestedAt))
                    .min(Comparator.comparing(ReferralChange::at))
                    .ifPresent(ch -> responses.add(new Object[]{r.sector,
                            Duration.between(r.requestedAt, ch.at()).toSeconds()}));
        }
        return responses;
    }
}
