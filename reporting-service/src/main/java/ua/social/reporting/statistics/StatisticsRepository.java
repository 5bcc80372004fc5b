package ua.social.reporting.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import ua.social.reporting.config.ReportingConfig;
import ua.social.reporting.projection.Sql;
import ua.social.reporting.statistics.ReportBuilder.CaseloadBand;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static ua.social.reporting.statistics.ReportBuilder.ACTIVE_BY_MODEL;
import static ua.social.reporting.statistics.ReportBuilder.APPEALS;
import static ua.social.reporting.statistics.ReportBuilder.APPEALS_BY_MONTH;
import static ua.social.reporting.statistics.ReportBuilder.APPLICANTS;
import static ua.social.reporting.statistics.ReportBuilder.APPLICANTS_BY_GROUP;
import static ua.social.reporting.statistics.ReportBuilder.APPLICANTS_BY_MONTH;
import static ua.social.reporting.statistics.ReportBuilder.CLOSED_BY_REASON;
import static ua.social.reporting.statistics.ReportBuilder.MANAGERS_BY_CASELOAD;
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
 * The raw counts of a report, computed from the read models at query time. Definitions (also in
 * docs/reporting-definitions.md): instants fall on days in the configured zone; when several events
 * share an instant, the event id breaks the tie, so the result never depends on reading order.
 */
@ApplicationScoped
public class StatisticsRepository {

    @Inject
    EntityManager em;
    @Inject
    ReportingConfig config;
    @Inject
    Communities communities;

    /** A SQL condition with its parameters. */
    private record Where(String sql, List<Object> params) {
    }

    /**
     * Memory for the sorts and hashes of one report's queries (they aggregate every read-model row of the
     * period): with PostgreSQL's default of 4 MB they spill to disk already at a few hundred thousand
     * contacts. SET LOCAL: this transaction only.
     */
    static final String WORK_MEM = "64MB";

    @Transactional
    public RawReport raw(StatisticsQuery q) {
        ZoneId zone = config.zone();
        Sql.update(em, "SET LOCAL work_mem = '" + WORK_MEM + "'");
        Map<String, List<Object[]>> results = new HashMap<>();
        results.put(PERSONS, persons(q));
        results.put(APPLICANTS_BY_GROUP, personsByGroup(q));
        results.put(APPLICANTS_BY_MONTH, personsByMonth(q));
        results.put(APPEALS, appeals(q));
        results.put(OPENED_BY_MODEL, opened(q));
        results.put(OPENED_BY_GROUP, openedByGroup(q));
        results.put(ACTIVE_BY_MODEL, active(q, zone));
        results.put(CLOSED_BY_REASON, closed(q));
        results.put(SERVICES_BY_CATEGORY, services(q));
        List<Object[]> referrals = referrals(q, zone);
        List<Object[]> managers = managers(q, zone);
        List<Object[]> carried = casesCarried(q, zone);
        List<Object[]> worked = managersWorked(q, zone);

        TreeSet<String> regions = new TreeSet<>(explicitRegions(q));
        results.values().forEach(rows -> rows.forEach(row -> regions.add((String) row[0])));
        referrals.forEach(row -> regions.add((String) row[0]));
        managers.forEach(row -> regions.add((String) row[0]));
        carried.forEach(row -> regions.add((String) row[0]));
        worked.forEach(row -> regions.add((String) row[0]));

        RawReport raw = new RawReport(q.groupBy(), new ArrayList<>(regions), q.months());
        results.get(PERSONS).forEach(r -> raw.add(APPLICANTS, (String) r[0], PERSONS, n(r[1])));
        results.get(APPLICANTS_BY_GROUP).forEach(r -> raw.add(APPLICANTS_BY_GROUP, (String) r[0], (String) r[1], n(r[2])));
        results.get(APPLICANTS_BY_MONTH).forEach(r -> raw.add(APPLICANTS_BY_MONTH, (String) r[0], (String) r[1], n(r[2])));
        results.get(APPEALS).forEach(r -> {
            raw.add(APPLICANTS, (String) r[0], APPEALS, n(r[2]));
            raw.add(APPEALS_BY_MONTH, (String) r[0], (String) r[1], n(r[2]));
        });
        results.get(OPENED_BY_MODEL).forEach(r -> {
            raw.add(OPENED_BY_MODEL, (String) r[0], (String) r[1], n(r[3]));
            raw.add(OPENED_BY_MONTH, (String) r[0], (String) r[2], n(r[3]));
        });
        results.get(OPENED_BY_GROUP).forEach(r -> raw.add(OPENED_BY_GROUP, (String) r[0], (String) r[1], n(r[2])));
        results.get(ACTIVE_BY_MODEL).forEach(r -> raw.add(ACTIVE_BY_MODEL, (String) r[0], (String) r[1], n(r[2])));
        results.get(CLOSED_BY_REASON).forEach(r -> raw.add(CLOSED_BY_REASON, (String) r[0], (String) r[1], n(r[2])));
        results.get(SERVICES_BY_CATEGORY).forEach(r -> raw.add(SERVICES_BY_CATEGORY, (String) r[0], (String) r[1], n(r[2])));
        managers.forEach(r -> raw.add(MANAGERS_BY_CASELOAD, (String) r[0], (String) r[1], 1));
        carried.forEach(r -> raw.add(WORKLOAD, (String) r[0], WORKLOAD_CASES, n(r[1])));
        worked.forEach(r -> raw.add(WORKLOAD, (String) r[0], WORKLOAD_MANAGERS, 1));
        for (Object[] r : referrals) {
            String status = "DRAFT".equals(r[2]) ? "REQUESTED" : (String) r[2];
            raw.add(REFERRALS_BY_REGION, (String) r[0], status, 1);
            raw.add(REFERRALS_BY_SECTOR, (String) r[1], status, 1);
            raw.add(RawReport.sectorTableOf((String) r[0]), (String) r[1], status, 1);
            if (r[3] != null) {
                raw.responded((String) r[1], n(r[3]));
            }
        }
        return raw;
    }

    private static long n(Object value) {
        return ((Number) value).longValue();
    }

    /**
     * The rows a report has even when they hold nothing: the communities asked for, or their oblasts, looked
     * up the same way the request was checked (a community the events reported is known too).
     */
    private List<String> explicitRegions(StatisticsQuery q) {
        List<String> regions = new ArrayList<>();
        if (q.groupBy() == StatisticsQuery.GroupBy.HROMADA) {
            regions.addAll(q.hromadas());
        } else {
            q.hromadas().forEach(h -> communities.oblastOf(h).filter(o -> !regions.contains(o)).ifPresent(regions::add));
            if (q.oblast() != null) {
                regions.add(q.oblast());
            }
        }
        return regions;
    }

    private static Where region(StatisticsQuery q, String alias) {
        StringBuilder sql = new StringBuilder("TRUE");
        List<Object> params = new ArrayList<>();
        if (q.oblast() != null) {
            sql.append(" AND ").append(alias).append(".oblast = ?");
            params.add(q.oblast());
        }
        if (!q.hromadas().isEmpty()) {
            sql.append(" AND ").append(alias).append(".hromada IN (")
                    .append(String.join(", ", q.hromadas().stream().map(h -> "?").toList())).append(")");
            params.addAll(q.hromadas());
        }
        return new Where(sql.toString(), params);
    }

    private static String rowKey(StatisticsQuery q, String alias) {
        return alias + "." + q.groupBy().column();
    }

    private List<Object[]> run(String sql, Object... params) {
        List<Object> flat = new ArrayList<>();
        for (Object p : params) {
            if (p instanceof List<?> list) {
                flat.addAll(list);
            } else {
                flat.add(p);
            }
        }
        return Sql.query(em, sql, flat);
    }

    // --- persons who applied: first contact (appeal, or case opened without one) in the period ------

    private static final String FIRSTS = "firsts AS (SELECT DISTINCT ON (client_key) client_key, oblast, hromada "
            + "FROM rm_contact WHERE day BETWEEN ? AND ? ORDER BY client_key, at, contact_key)";

    /** A person belongs to the groups listed on any of their contacts in the period. */
    private Where personInCategory(StatisticsQuery q, String alias) {
        if (q.category() == null) {
            return new Where("TRUE", List.of());
        }
        return new Where("EXISTS (SELECT 1 FROM rm_contact c JOIN rm_contact_group g ON g.contact_key = c.contact_key "
                + "WHERE c.client_key = " + alias + ".client_key AND c.day BETWEEN ? AND ? AND g.grp = ?)",
                List.of(q.from(), q.to(), q.category()));
    }

    private List<Object[]> persons(StatisticsQuery q) {
        Where region = region(q, "f");
        Where category = personInCategory(q, "f");
        return run("WITH " + FIRSTS + " SELECT " + rowKey(q, "f") + ", count(*) FROM firsts f WHERE " + region.sql()
                        + " AND " + category.sql() + " GROUP BY 1",
                q.from(), q.to(), region.params(), category.params());
    }

    private List<Object[]> personsByGroup(StatisticsQuery q) {
        Where region = region(q, "f");
        Where category = personInCategory(q, "f");
        return run("WITH " + FIRSTS + ", groups AS (SELECT DISTINCT c.client_key, g.grp FROM rm_contact c "
                        + "JOIN rm_contact_group g ON g.contact_key = c.contact_key WHERE c.day BETWEEN ? AND ?) "
                        + "SELECT " + rowKey(q, "f") + ", coalesce(gr.grp, 'NONE'), count(*) FROM firsts f "
                        + "LEFT JOIN groups gr ON gr.client_key = f.client_key WHERE " + region.sql() + " AND "
                        + category.sql() + " GROUP BY 1, 2",
                q.from(), q.to(), q.from(), q.to(), region.params(), category.params());
    }

    private List<Object[]> personsByMonth(StatisticsQuery q) {
        Where region = region(q, "f");
        Where category = personInCategory(q, "f");
        return run("WITH firsts AS (SELECT DISTINCT ON (client_key, to_char(day, 'YYYY-MM')) client_key, "
                        + "to_char(day, 'YYYY-MM') AS month, oblast, hromada FROM rm_contact WHERE day BETWEEN ? AND ? "
                        + "ORDER BY client_key, to_char(day, 'YYYY-MM'), at, contact_key) "
                        + "SELECT " + rowKey(q, "f") + ", f.month, count(*) FROM firsts f WHERE " + region.sql()
                        + " AND " + category.sql() + " GROUP BY 1, 2",
                q.from(), q.to(), region.params(), category.params());
    }

    private List<Object[]> appeals(StatisticsQuery q) {
        Where region = region(q, "x");
        String category = q.category() == null ? "TRUE" : "EXISTS (SELECT 1 FROM rm_contact_group g "
                + "WHERE g.contact_key = x.contact_key AND g.grp = ?)";
        return run("SELECT " + rowKey(q, "x") + ", to_char(x.day, 'YYYY-MM'), count(*) FROM rm_contact x "
                        + "WHERE x.kind = 'APPEAL' AND x.day BETWEEN ? AND ? AND " + region.sql() + " AND " + category
                        + " GROUP BY 1, 2",
                q.from(), q.to(), region.params(), q.category() == null ? List.of() : List.of(q.category()));
    }

    // --- cases ------------------------------------------------------------------------------------

    private static String caseInCategory(StatisticsQuery q, String caseKeyColumn) {
        return q.category() == null ? "TRUE" : "EXISTS (SELECT 1 FROM rm_case_group g WHERE g.case_key = "
                + caseKeyColumn + " AND g.grp = ?)";
    }

    private static List<Object> categoryParam(StatisticsQuery q) {
        return q.category() == null ? List.of() : List.of(q.category());
    }

    private List<Object[]> opened(StatisticsQuery q) {
        Where region = region(q, "x");
        return run("SELECT " + rowKey(q, "x") + ", x.model, to_char(x.day, 'YYYY-MM'), count(*) FROM rm_case x "
                        + "WHERE x.day BETWEEN ? AND ? AND " + region.sql() + " AND " + caseInCategory(q, "x.case_key")
                        + " GROUP BY 1, 2, 3",
                q.from(), q.to(), region.params(), categoryParam(q));
    }

    private List<Object[]> openedByGroup(StatisticsQuery q) {
        Where region = region(q, "x");
        return run("SELECT " + rowKey(q, "x") + ", coalesce(g.grp, 'NONE'), count(*) FROM rm_case x "
                        + "LEFT JOIN rm_case_group g ON g.case_key = x.case_key WHERE x.day BETWEEN ? AND ? AND "
                        + region.sql() + " AND " + caseInCategory(q, "x.case_key") + " GROUP BY 1, 2",
                q.from(), q.to(), region.params(), categoryParam(q));
    }

    /**
     * Each case as it stood just before the end of the period: its interval (rm_case_interval) that starts
     * before the end and lasts until the end or later. An interval's attributes are the latest values up to
     * its starting change, attribute by attribute, and one interval of a case starts at each change
     * (ordered by instant, then event id; two changes at one instant leave an empty interval): so this is
     * the latest value of each attribute before the end, one row per case that has a change before it.
     * Reading it costs one pass over the intervals, where taking the latest change per case and
     * attribute from rm_case_change cost four sorts of every change ever recorded (docs/performance.md).
     */
    private static final String CASE_AT_END = "at_end AS (SELECT case_key, status, oblast, hromada, model, "
            + "case_manager_key FROM rm_case_interval WHERE valid_from < ? AND (valid_to IS NULL OR valid_to >= ?))";

    private List<Object[]> active(StatisticsQuery q, ZoneId zone) {
        OffsetDateTime end = q.end(zone);
        Where region = region(q, "x");
        return run("WITH " + CASE_AT_END + " SELECT " + rowKey(q, "x") + ", x.model, count(*) FROM at_end x "
                        + "WHERE x.status = 'ACTIVE' AND x.model IS NOT NULL AND " + region.sql() + " AND "
                        + caseInCategory(q, "x.case_key") + " GROUP BY 1, 2",
                end, end, region.params(), categoryParam(q));
    }

    /**
     * Case managers holding active cases at the end of the period: one row {region, band} per manager,
     * the manager counted once, in the community where they hold most of their active cases. The
     * category filter does not apply: a caseload is all of a manager's cases.
     */
    private List<Object[]> managers(StatisticsQuery q, ZoneId zone) {
        OffsetDateTime end = q.end(zone);
        List<Object[]> held = run("WITH " + CASE_AT_END + " SELECT x.case_manager_key, x.oblast, x.hromada, count(*) "
                        + "FROM at_end x WHERE x.status = 'ACTIVE' AND x.case_manager_key IS NOT NULL GROUP BY 1, 2, 3",
                end, end);
        record Held(String oblast, String hromada, long cases) {
        }
        Map<String, List<Held>> byManager = new TreeMap<>();
        for (Object[] r : held) {
            byManager.computeIfAbsent((String) r[0], k -> new ArrayList<>())
                    .add(new Held((String) r[1], (String) r[2], n(r[3])));
        }
        List<Object[]> rows = new ArrayList<>();
        for (List<Held> cases : byManager.values()) {
            Held primary = cases.stream().min(Comparator.comparingLong((Held h) -> -h.cases())
                    .thenComparing(Held::hromada)).orElseThrow();
            long caseload = cases.stream().mapToLong(Held::cases).sum();
            boolean inScope = (q.oblast() == null || q.oblast().equals(primary.oblast()))
                    && (q.hromadas().isEmpty() || q.hromadas().contains(primary.hromada()));
            if (inScope) {
                String row = q.groupBy() == StatisticsQuery.GroupBy.OBLAST ? primary.oblast() : primary.hromada();
                rows.add(new Object[]{row, CaseloadBand.of(caseload).key()});
            }
        }
        return rows;
    }

    // --- workload over the period (rm_case_interval) ---------------------------------------------------

    /**
     * Intervals in which a case was active during the period: they overlap [start, end) and are not
     * empty (two changes at one instant leave nothing between them).
     */
    private static final String HELD = "held AS (SELECT * FROM rm_case_interval WHERE status = 'ACTIVE' "
            + "AND valid_from < ? AND (valid_to IS NULL OR (valid_to > ? AND valid_to > valid_from)))";

    /**
     * Cases carried in the period: active at any moment of it (opened before or during), each counted
     * once, where it was at the last moment of the period it was active.
     */
    private List<Object[]> casesCarried(StatisticsQuery q, ZoneId zone) {
        OffsetDateTime start = q.start(zone);
        OffsetDateTime end = q.end(zone);
        Where region = region(q, "x");
        return run("WITH " + HELD + ", last AS (SELECT DISTINCT ON (case_key) case_key, oblast, hromada FROM held "
                        + "ORDER BY case_key, valid_from DESC, event_id DESC) "
                        + "SELECT " + rowKey(q, "x") + ", count(*) FROM last x WHERE " + region.sql() + " AND "
                        + caseInCategory(q, "x.case_key") + " GROUP BY 1",
                end, start, region.params(), categoryParam(q));
    }

    /**
     * Case managers who worked in the period: one row {region} per manager who held at least one case
     * while it was active in the period, counted once, in the community where they carried most of those
     * cases; on a tie, the community where they last held an active case in the period, then the
     * smallest code. The category filter does not apply: a manager's work is all of their cases.
     */
    private List<Object[]> managersWorked(StatisticsQuery q, ZoneId zone) {
        OffsetDateTime start = q.start(zone);
        OffsetDateTime end = q.end(zone);
        List<Object[]> held = run("WITH " + HELD + " SELECT case_manager_key, oblast, hromada, "
                        + "count(DISTINCT case_key), max(least(coalesce(valid_to, ?), ?)) FROM held "
                        + "WHERE case_manager_key IS NOT NULL GROUP BY 1, 2, 3",
                end, start, end, end);
        record Carried(String oblast, String hromada, long cases, OffsetDateTime last) {
        }
        Map<String, List<Carried>> byManager = new TreeMap<>();
        for (Object[] r : held) {
            byManager.computeIfAbsent((String) r[0], k -> new ArrayList<>())
                    .add(new Carried((String) r[1], (String) r[2], n(r[3]), instant(r[4])));
        }
        List<Object[]> rows = new ArrayList<>();
        for (List<Carried> carried : byManager.values()) {
            Carried primary = carried.stream().min(Comparator.comparingLong((Carried c) -> -c.cases())
                    .thenComparing(Carried::last, Comparator.reverseOrder())
                    .thenComparing(Carried::hromada)).orElseThrow();
            boolean inScope = (q.oblast() == null || q.oblast().equals(primary.oblast()))
                    && (q.hromadas().isEmpty() || q.hromadas().contains(primary.hromada()));
            if (inScope) {
                rows.add(new Object[]{q.groupBy() == StatisticsQuery.GroupBy.OBLAST ? primary.oblast()
                        : primary.hromada()});
            }
        }
        return rows;
    }

    private static OffsetDateTime instant(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("not an instant: " + value);
    }

    /** The latest closure of each case closed in the period. */
    private List<Object[]> closed(StatisticsQuery q) {
        Where region = region(q, "x");
        return run("WITH cl AS (SELECT DISTINCT ON (case_key) case_key, oblast, hromada, closure_reason "
                        + "FROM rm_case_change WHERE kind = 'CLOSED' AND day BETWEEN ? AND ? "
                        + "ORDER BY case_key, at DESC, event_id DESC) "
                        + "SELECT " + rowKey(q, "x") + ", x.closure_reason, count(*) FROM cl x WHERE " + region.sql()
                        + " AND " + caseInCategory(q, "x.case_key") + " GROUP BY 1, 2",
                q.from(), q.to(), region.params(), categoryParam(q));
    }

    // --- services ---------------------------------------------------------------------------------

    private List<Object[]> services(StatisticsQuery q) {
        Where region = region(q, "x");
        String category = q.category() == null ? "TRUE"
                : "(EXISTS (SELECT 1 FROM rm_case_group g WHERE g.case_key = x.case_key AND g.grp = ?) "
                + "OR (x.case_key IS NULL AND EXISTS (SELECT 1 FROM rm_contact_group g "
                + "WHERE g.contact_key = 'A:' || x.appeal_id AND g.grp = ?)))";
        return run("SELECT " + rowKey(q, "x") + ", x.category, count(*) FROM rm_service x WHERE x.day BETWEEN ? AND ? "
                        + "AND " + region.sql() + " AND " + category + " GROUP BY 1, 2",
                q.from(), q.to(), region.params(),
                q.category() == null ? List.of() : List.of(q.category(), q.category()));
    }

    // --- referrals --------------------------------------------------------------------------------

    /**
     * One row per referral first sent to a partner in the period: region, partner sector, status at
     * the end of the period, and seconds from the request to the partner's first acceptance or
     * rejection (null when there was none before the end). A referral the referring side ever marked
     * entered in error should never have existed: it counts nowhere, in any period.
     */
    private List<Object[]> referrals(StatisticsQuery q, ZoneId zone) {
        OffsetDateTime start = q.start(zone);
        OffsetDateTime end = q.end(zone);
        Where region = region(q, "x");
        return run("WITH req AS (SELECT DISTINCT ON (referral_id) referral_id, case_key, partner_sector, oblast, hromada, "
                        + "requested_at FROM rm_referral_change WHERE requested_at IS NOT NULL "
                        + "ORDER BY referral_id, requested_at, changed_at, event_id), "
                        + "st AS (SELECT DISTINCT ON (referral_id) referral_id, status FROM rm_referral_change "
                        + "WHERE changed_at < ? ORDER BY referral_id, changed_at DESC, event_id DESC), "
                        + "resp AS (SELECT r.referral_id, min(r.changed_at) AS responded_at FROM rm_referral_change r "
                        + "JOIN req ON req.referral_id = r.referral_id WHERE r.status IN ('ACCEPTED', 'REJECTED') "
                        + "AND r.changed_at >= req.requested_at AND r.changed_at < ? GROUP BY r.referral_id) "
                        + "SELECT " + rowKey(q, "x") + ", x.partner_sector, coalesce(st.status, 'REQUESTED'), "
                        + "CAST(EXTRACT(EPOCH FROM (resp.responded_at - x.requested_at)) AS BIGINT) "
                        + "FROM req x LEFT JOIN st ON st.referral_id = x.referral_id "
                        + "LEFT JOIN resp ON resp.referral_id = x.referral_id "
                        + "WHERE x.requested_at >= ? AND x.requested_at < ? AND " + region.sql() + " AND "
                        + "NOT EXISTS (SELECT 1 FROM rm_referral_change e WHERE e.referral_id = x.referral_id "
                        + "AND e.status = 'ENTERED_IN_ERROR') AND "
                        + caseInCategory(q, "x.case_key"),
                end, end, start, end, region.params(), categoryParam(q));
    }
}
