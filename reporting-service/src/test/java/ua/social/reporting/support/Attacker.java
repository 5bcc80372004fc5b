package ua.social.reporting.support;

import com.fasterxml.jackson.databind.JsonNode;

import ua.social.contracts.code.CaseManagementModel;
import ua.social.contracts.code.ClosureReason;
import ua.social.contracts.code.ServiceCategory;
import ua.social.contracts.code.VulnerableGroup;
import ua.social.reporting.statistics.ReportBuilder;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * An attacker who reads the published tables of one response (as a client gets them) and solves every
 * relation they know exactly: the sums of each table by its layout, and the quantities they know to be
 * the same in two tables (the same figure under two names). The unknowns are the withheld numbers; an
 * unknown is recovered when the relations fix it (reduced row echelon form: a row with a single non-zero).
 * It knows nothing of the service's own bookkeeping (keys, links), only what the definitions page says.
 *
 * <p>It can also collect several responses into one system ({@link #add}): each published or withheld
 * number is then named by the quantity it shows (a {@code namer} of the caller's, e.g. period, region,
 * table and column), so a quantity shown by two responses is one unknown, and a quantity one response
 * withholds and another publishes counts as recovered.
 */
public final class Attacker {

    private final Map<String, Integer> unknowns = new LinkedHashMap<>();
    private final List<Map<Integer, Double>> equations = new ArrayList<>();
    private final Set<String> published = new LinkedHashSet<>();
    private Function<Ref, String> namer = Ref::toString;

    /** A position of a published number: table, row key (TOTAL for the total row), column key (TOTAL: the row total). */
    public record Ref(String table, String row, String column) {
        @Override
        public String toString() {
            return table + "[" + row + "," + column + "]";
        }
    }

    private final Map<Ref, JsonNode> cells = new LinkedHashMap<>();

    /** Reads every count table of a response (INDICATOR tables are derived and carry no new counts). */
    public static Attacker of(JsonNode tables) {
        Attacker a = new Attacker();
        a.read(tables);
        return a;
    }

    private void read(JsonNode tables) {
        cells.clear();
        for (JsonNode t : tables) {
            addTable(t);
        }
    }

    /**
     * Adds one more response to the system: its tables' sums and the quantities its tables share (as
     * {@link #ofResponse}), every number named by {@code namer}.
     */
    public Attacker add(JsonNode tables, String category, List<String> months, Function<Ref, String> namer) {
        this.namer = namer;
        read(tables);
        relateTables(this, tables, category, months);
        return this;
    }

    /** The name the current response gives a position (the quantity it shows). */
    public String name(Ref ref) {
        return namer.apply(ref);
    }

    private void addTable(JsonNode t) {
        String layout = t.get("layout").asText();
        if ("INDICATOR".equals(layout)) {
            return;
        }
        String name = t.get("name").asText();
        List<String> columns = new ArrayList<>();
        t.get("columns").forEach(c -> columns.add(c.get("key").asText()));
        List<JsonNode> rows = Reports.rows(t);
        for (JsonNode row : rows) {
            String key = row.get("key").asText();
            for (int c = 0; c < columns.size(); c++) {
                cells.put(new Ref(name, key, columns.get(c)), row.get("cells").get(c));
            }
            if (row.hasNonNull("total")) {
                cells.put(new Ref(name, key, "TOTAL"), row.get("total"));
            }
        }
        boolean additive = "ADDITIVE".equals(layout);
        List<String> all = new ArrayList<>(columns);
        if (additive) {
            all.add("TOTAL");
            for (JsonNode row : rows) {
                List<Ref> parts = new ArrayList<>();
                for (String c : columns) {
                    parts.add(new Ref(name, row.get("key").asText(), c));
                }
                sum(parts, new Ref(name, row.get("key").asText(), "TOTAL"));
            }
        }
        for (String c : all) {
            List<Ref> parts = new ArrayList<>();
            for (int r = 0; r < rows.size() - 1; r++) {
                parts.add(new Ref(name, rows.get(r).get("key").asText(), c));
            }
            sum(parts, new Ref(name, "TOTAL", c));
        }
    }

    /** The relation: the parts add up to the whole. */
    public void sum(List<Ref> parts, Ref whole) {
        Map<Integer, Double> eq = new LinkedHashMap<>();
        for (Ref p : parts) {
            term(eq, p, 1);
        }
        term(eq, whole, -1);
        if (!eq.isEmpty()) {
            equations.add(eq);
        }
    }

    /** The relation: two positions show the same quantity. Positions the response does not have are ignored. */
    public void same(Ref a, Ref b) {
        if (!cells.containsKey(a) || !cells.containsKey(b)) {
            return;
        }
        sum(List.of(a), b);
    }

    public boolean has(Ref ref) {
        return cells.containsKey(ref);
    }

    private void term(Map<Integer, Double> eq, Ref ref, double coefficient) {
        JsonNode cell = cells.get(ref);
        if (cell == null) {
            throw new AssertionError("the response has no number at " + ref);
        }
        String name = namer.apply(ref);
        if (cell.get("suppressed").asBoolean()) {
            int u = unknowns.computeIfAbsent(name, k -> unknowns.size());
            eq.merge(u, coefficient, Double::sum);
        } else {
            published.add(name);
        }
    }

    /**
     * The relation between quantities named directly (e.g. a sum across responses): the parts add up to the
     * whole. Call it after adding the responses: a name no response withheld is a known number.
     */
    public void sumOfNamed(List<String> parts, String whole) {
        Map<Integer, Double> eq = new LinkedHashMap<>();
        for (String p : parts) {
            named(eq, p, 1);
        }
        named(eq, whole, -1);
        if (!eq.isEmpty()) {
            equations.add(eq);
        }
    }

    private void named(Map<Integer, Double> eq, String name, double coefficient) {
        Integer u = unknowns.get(name);
        if (u != null) {
            eq.merge(u, coefficient, Double::sum);
        }
    }

    /**
     * The tables whose counts add up over time, or whose columns are months ({@link #sumsOverTime}): what a quarter
     * minus its months can reveal when each period is protected on its own.
     */
    public static final Set<String> TABLES_ADDING_UP_OVER_TIME = Set.of(ReportBuilder.APPLICANTS,
            ReportBuilder.APPEALS_BY_MONTH, ReportBuilder.OPENED_BY_MONTH, ReportBuilder.APPLICANTS_BY_MONTH,
            ReportBuilder.OPENED_BY_MODEL, ReportBuilder.OPENED_BY_GROUP, ReportBuilder.CLOSED_BY_REASON,
            ReportBuilder.SERVICES_BY_CATEGORY, ReportBuilder.REFERRALS_BY_REGION, ReportBuilder.REFERRALS_BY_SECTOR);

    /**
     * The relations over time an attacker knows from the definitions (docs/reporting-definitions.md), for every
     * region: a count that adds up over time (appeals, cases opened by model and by group, closures, services,
     * referrals sent, by region and by sector) is, in {@code whole}, the sum of the same count in {@code parts};
     * a monthly table's column of a month is that month's own count (persons only without a group); the
     * snapshots are those of the last part. A number is named {@code name.apply(period, "region|table|column")}
     * (a sector table's: {@code "region|referralsBySectorAndStatus|sector|column"}); {@code monthPeriod} names
     * the period of one month alone.
     */
    public void sumsOverTime(List<String> parts, String whole, List<YearMonth> months, Collection<String> regions,
                             String category, BinaryOperator<String> name, Function<YearMonth, String> monthPeriod) {
        Map<String, List<String>> additive = new LinkedHashMap<>();
        additive.put(ReportBuilder.APPLICANTS, List.of(ReportBuilder.APPEALS));
        additive.put(ReportBuilder.APPEALS_BY_MONTH, List.of("TOTAL"));
        additive.put(ReportBuilder.OPENED_BY_MONTH, List.of("TOTAL"));
        additive.put(ReportBuilder.OPENED_BY_MODEL, withTotal(CaseManagementModel.values()));
        List<String> groups = new ArrayList<>();
        for (VulnerableGroup g : VulnerableGroup.values()) {
            groups.add(g.name());
        }
        groups.add(ReportBuilder.NO_GROUP);
        additive.put(ReportBuilder.OPENED_BY_GROUP, groups);
        additive.put(ReportBuilder.CLOSED_BY_REASON, withTotal(ClosureReason.values()));
        additive.put(ReportBuilder.SERVICES_BY_CATEGORY, withTotal(ServiceCategory.values()));
        additive.put(ReportBuilder.REFERRALS_BY_REGION, List.of("TOTAL"));
        List<String> sectors = new ArrayList<>();
        for (ua.social.contracts.code.PartnerSector s : ua.social.contracts.code.PartnerSector.values()) {
            sectors.add(s.name());
        }
        sectors.add("TOTAL");
        Map<String, List<String>> snapshots = new LinkedHashMap<>();
        snapshots.put(ReportBuilder.ACTIVE_BY_MODEL, withTotal(CaseManagementModel.values()));
        List<String> bands = new ArrayList<>();
        for (ReportBuilder.CaseloadBand b : ReportBuilder.CaseloadBand.values()) {
            bands.add(b.key());
        }
        bands.add("TOTAL");
        snapshots.put(ReportBuilder.MANAGERS_BY_CASELOAD, bands);
        String last = parts.get(parts.size() - 1);
        for (String region : regions) {
            additive.forEach((table, columns) -> columns.forEach(c -> {
                String quantity = region + "|" + table + "|" + c;
                sumOfNamed(parts.stream().map(p -> name.apply(p, quantity)).toList(), name.apply(whole, quantity));
            }));
            for (String sector : sectors) {
                String quantity = region + "|" + ReportBuilder.REFERRALS_BY_SECTOR + "|" + sector + "|TOTAL";
                sumOfNamed(parts.stream().map(p -> name.apply(p, quantity)).toList(), name.apply(whole, quantity));
            }
            for (YearMonth m : months) {
                List<String> monthly = new ArrayList<>(List.of(ReportBuilder.APPEALS_BY_MONTH, ReportBuilder.OPENED_BY_MONTH));
                if (category == null) {
                    monthly.add(ReportBuilder.APPLICANTS_BY_MONTH);
                }
                for (String table : monthly) {
                    String quantity = region + "|" + table + "|" + m;
                    sumOfNamed(List.of(name.apply(monthPeriod.apply(m), quantity)), name.apply(whole, quantity));
                }
            }
            snapshots.forEach((table, columns) -> columns.forEach(c -> {
                String quantity = region + "|" + table + "|" + c;
                sumOfNamed(List.of(name.apply(last, quantity)), name.apply(whole, quantity));
            }));
        }
    }

    private static List<String> withTotal(Enum<?>[] values) {
        List<String> columns = new ArrayList<>();
        for (Enum<?> v : values) {
            columns.add(v.name());
        }
        columns.add("TOTAL");
        return columns;
    }

    public int withheld() {
        return unknowns.size();
    }

    /**
     * The withheld numbers the relations fix exactly (empty: nothing recovered). The relations are brought to
     * reduced row echelon form one by one, kept sparse (each sum has few terms, and one system may hold the
     * answers of several periods for every region); an unknown is fixed when the reduced row of its pivot
     * holds it alone.
     */
    public List<String> recovered() {
        List<Map<Integer, Double>> all = new ArrayList<>(equations);
        // a quantity one response withholds and another publishes is known
        unknowns.forEach((name, u) -> {
            if (published.contains(name)) {
                all.add(Map.of(u, 1.0));
            }
        });
        Map<Integer, Map<Integer, Double>> pivots = new java.util.HashMap<>();
        Map<Integer, Set<Integer>> rowsWith = new java.util.HashMap<>();
        for (Map<Integer, Double> equation : all) {
            Map<Integer, Double> row = new java.util.HashMap<>(equation);
            // a position named twice in one relation (a region's row and its total row) cancels out
            row.values().removeIf(v -> Math.abs(v) <= 1e-9);
            boolean reduced;
            do {
                reduced = false;
                for (Integer c : new ArrayList<>(row.keySet())) {
                    Map<Integer, Double> pivot = pivots.get(c);
                    Double f = row.get(c);
                    if (pivot != null && f != null) {
                        axpy(row, -f, pivot);
                        reduced = true;
                    }
                }
            } while (reduced);
            if (row.isEmpty()) {
                continue;
            }
            int p = row.keySet().stream().min(Integer::compare).orElseThrow();
            double scale = row.get(p);
            row.replaceAll((k, v) -> v / scale);
            for (Integer other : new ArrayList<>(rowsWith.getOrDefault(p, Set.of()))) {
                Map<Integer, Double> target = pivots.get(other);
                Double f = target.get(p);
                if (f != null) {
                    Set<Integer> before = new java.util.HashSet<>(target.keySet());
                    axpy(target, -f, row);
                    index(rowsWith, other, before, target.keySet());
                }
            }
            pivots.put(p, row);
            index(rowsWith, p, Set.of(), row.keySet());
        }
        List<String> names = new ArrayList<>(unknowns.keySet());
        List<String> found = new ArrayList<>();
        pivots.forEach((p, row) -> {
            if (row.size() == 1) {
                found.add(names.get(p));
            }
        });
        found.sort(null);
        return found;
    }

    /** row += f × other, dropping what cancels. */
    private static void axpy(Map<Integer, Double> row, double f, Map<Integer, Double> other) {
        for (Map.Entry<Integer, Double> e : other.entrySet()) {
            double v = row.getOrDefault(e.getKey(), 0.0) + f * e.getValue();
            if (Math.abs(v) > 1e-9) {
                row.put(e.getKey(), v);
            } else {
                row.remove(e.getKey());
            }
        }
    }

    /** Keeps, per unknown, the pivots whose rows hold it. */
    private static void index(Map<Integer, Set<Integer>> rowsWith, int pivot, Set<Integer> before, Set<Integer> after) {
        for (Integer c : before) {
            if (!after.contains(c)) {
                rowsWith.getOrDefault(c, new java.util.HashSet<>()).remove(pivot);
            }
        }
        for (Integer c : after) {
            rowsWith.computeIfAbsent(c, k -> new java.util.HashSet<>()).add(pivot);
        }
    }

    /**
     * The attacker's knowledge of the definitions: the quantities that two tables of one response show
     * (docs/reporting-definitions.md), for the category filter and the months of the request.
     */
    public static Attacker ofResponse(JsonNode tables, String category, List<String> months) {
        Attacker a = of(tables);
        relateTables(a, tables, category, months);
        return a;
    }

    private static void relateTables(Attacker a, JsonNode tables, String category, List<String> months) {
        List<String> rows = new ArrayList<>();
        Reports.rows(Reports.table(tables, "applicants")).forEach(r -> rows.add(r.get("key").asText()));
        for (String r : rows) {
            Ref persons = new Ref("applicants", r, "persons");
            a.same(persons, new Ref("applicantsByVulnerableGroup", r, category == null ? "-" : category));
            if (months.size() == 1) {
                a.same(persons, new Ref("applicantsByMonth", r, months.get(0)));
                a.same(new Ref("appealsByMonth", r, "TOTAL"), new Ref("appealsByMonth", r, months.get(0)));
            }
            a.same(new Ref("applicants", r, "appeals"), new Ref("appealsByMonth", r, "TOTAL"));
            Ref opened = new Ref("casesOpenedByModel", r, "TOTAL");
            a.same(opened, new Ref("casesOpenedByMonth", r, "TOTAL"));
            a.same(opened, new Ref("casesOpenedByVulnerableGroup", r, category == null ? "-" : category));
        }
        JsonNode referrals = Reports.table(tables, "referralsByRegionAndStatus");
        for (JsonNode c : referrals.get("columns")) {
            a.same(new Ref("referralsByRegionAndStatus", "TOTAL", c.get("key").asText()),
                    new Ref("referralsBySectorAndStatus", "TOTAL", c.get("key").asText()));
        }
        a.same(new Ref("referralsByRegionAndStatus", "TOTAL", "TOTAL"),
                new Ref("referralsBySectorAndStatus", "TOTAL", "TOTAL"));
    }
}
