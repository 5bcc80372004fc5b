package ua.social.reporting.statistics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Small-cell suppression of published count tables, the one place the rule lives.
 *
 * <p><b>Primary suppression:</b> every count from 1 to k−1 (cells and totals alike) is withheld.
 * Zero is published: it is not a small cell.
 *
 * <p><b>Complementary suppression:</b> more counts are withheld until no withheld count can be worked
 * out exactly from the published ones through the table's sums:
 * <ol>
 *   <li>every sum relation (a row with its row total, a column with its column total, the totals
 *   with the grand total) holds either no withheld count or at least two;</li>
 *   <li>in a table whose rows and columns both add up ({@link Layout#ADDITIVE}), no withheld count is
 *   a <i>bridge</i> of the graph whose vertices are the table's rows and columns and whose edges are
 *   the withheld counts: a withheld count is determined by the sums exactly when no cycle of
 *   withheld counts passes through it, so each must lie on such a cycle;</li>
 *   <li>tables published together may show the same quantity (the same <i>key</i>, e.g. the cases
 *   opened in a region as the row total of two tables): a quantity withheld in one is withheld in
 *   all, and the tables are protected again until nothing changes.</li>
 *   <li>all tables of a response form one linear system (every sum relation of every table, a quantity
 *   shown in several tables being one unknown); a withheld quantity that this system determines gets a
 *   complement on one of its relations, and rules 1–3 are applied again, until no withheld quantity
 *   is determined (see {@code CombinedSystem}).</li>
 * </ol>
 * Complements are chosen to lose as little as possible: the smallest non-zero inner cell of the
 * relation first, a total only when no inner cell is left, a zero last. The choice depends only on
 * the counts, so the same data always gives the same published table (live and replayed read models
 * publish the same output).
 *
 * <p>What this protects against: exact disclosure through the published sums of one response.
 * Not against bounds from non-negativity. Differencing two responses is limited by the requests the
 * API accepts (calendar periods, whole regions: docs/adr/0011), not here.
 */
public final class Suppression {

    /** How the counts of a table relate to its totals. */
    public enum Layout {
        /** Rows add up to row totals, columns to column totals, both to the grand total. */
        ADDITIVE,
        /**
         * Each column is a table of its own: its cells add up to its column total. There are no row
         * totals (the columns are different measures, or categories one unit can belong to several of).
         */
        INDEPENDENT_COLUMNS
    }

    /**
     * A table to protect: m × n counts, their totals, and for each count the key naming the quantity
     * it shows. Coordinates: rows {@code 0..m-1} and columns {@code 0..n-1} are the inner cells, row
     * {@code m} holds the column totals, column {@code n} the row totals, {@code (m, n)} the grand total.
     */
    public static final class Grid {
        private final String name;
        private final Layout layout;
        private final int m;
        private final int n;
        private final long[][] values;
        private final String[][] keys;
        private final boolean[][] suppressed;
        /** Entries that are given: never withheld here, never a complement (a parent's figures, protected before). */
        private final boolean[][] fixed;
        /** Withheld entries that need no protection here: they inherit it from the parent, protected before. */
        private final boolean[][] exempt;

        private Grid(String name, Layout layout, long[][] cells, int columns) {
            this.name = name;
            this.layout = layout;
            this.m = cells.length;
            this.n = columns;
            this.values = new long[m + 1][n + 1];
            this.keys = new String[m + 1][n + 1];
            this.suppressed = new boolean[m + 1][n + 1];
            this.fixed = new boolean[m + 1][n + 1];
            this.exempt = new boolean[m + 1][n + 1];
            for (int r = 0; r < m; r++) {
                if (cells[r].length != n) {
                    throw new IllegalArgumentException(name + ": row " + r + " has " + cells[r].length
                            + " cells, expected " + n);
                }
                for (int c = 0; c < n; c++) {
                    if (cells[r][c] < 0) {
                        throw new IllegalArgumentException(name + ": negative count at " + r + "," + c);
                    }
                    values[r][c] = cells[r][c];
                    values[r][n] += cells[r][c];
                    values[m][c] += cells[r][c];
                    values[m][n] += cells[r][c];
                }
            }
            for (int r = 0; r <= m; r++) {
                for (int c = 0; c <= n; c++) {
                    keys[r][c] = name + "[" + r + "," + c + "]";
                }
            }
        }

        /** A table whose rows and columns add up (row totals, column totals, grand total). */
        public static Grid additive(String name, long[][] cells, int columns) {
            return new Grid(name, Layout.ADDITIVE, cells, columns);
        }

        /** A table of independent columns: column totals only. */
        public static Grid independentColumns(String name, long[][] cells, int columns) {
            return new Grid(name, Layout.INDEPENDENT_COLUMNS, cells, columns);
        }

        /** Names the quantity at (row, column) so that other tables showing it are protected with it. */
        public Grid link(int row, int column, String key) {
            requirePresent(row, column);
            keys[row][column] = key;
            return this;
        }

        /**
         * Makes the total row given: its numbers are the parent region's, already protected with the parent's
         * own table, so here they are neither withheld nor chosen as complements (they are known constants of
         * every sum, whether the parent published them or not).
         */
        public Grid fixTotalRow() {
            for (int c = 0; c <= n; c++) {
                fixed[m][c] = true;
            }
            return this;
        }

        /**
         * Withholds an entry because the same position of its parent region is withheld: it is protected by
         * the parent's table (any change to the parent can be put on this child), so it needs no complement here.
         */
        public Grid inherit(int row, int column) {
            requirePresent(row, column);
            if (fixed[row][column]) {
                throw new IllegalArgumentException(name + ": a given entry cannot be withheld at " + row + "," + column);
            }
            suppressed[row][column] = true;
            exempt[row][column] = true;
            return this;
        }

        /**
         * Makes one entry given: a number the caller can work out from other answers (a period's sum of its months'
         * published counts), so here it is neither withheld nor chosen as a complement.
         */
        Grid give(int row, int column) {
            requirePresent(row, column);
            if (suppressed[row][column]) {
                throw new IllegalArgumentException(name + ": a withheld entry cannot be given at " + row + "," + column);
            }
            fixed[row][column] = true;
            return this;
        }

        /** Whether an entry is given ({@link #fixTotalRow}, {@link #give}). */
        boolean given(int row, int column) {
            requirePresent(row, column);
            return fixed[row][column];
        }

        /** Withholds an entry as a pattern computed elsewhere says (no protection is run on this grid). */
        void withhold(int row, int column) {
            requirePresent(row, column);
            suppressed[row][column] = true;
        }

        public String name() {
            return name;
        }

        public Layout layout() {
            return layout;
        }

        public int rows() {
            return m;
        }

        public int columns() {
            return n;
        }

        /** Whether the table publishes a number at this position (an independent-columns table has no row totals). */
        public boolean present(int row, int column) {
            return row >= 0 && row <= m && column >= 0 && column <= n
                    && (layout == Layout.ADDITIVE || column < n);
        }

        public long value(int row, int column) {
            requirePresent(row, column);
            return values[row][column];
        }

        public boolean suppressed(int row, int column) {
            requirePresent(row, column);
            return suppressed[row][column];
        }

        public String key(int row, int column) {
            requirePresent(row, column);
            return keys[row][column];
        }

        boolean margin(int row, int column) {
            return row == m || column == n;
        }

        private void requirePresent(int row, int column) {
            if (!present(row, column)) {
                throw new IndexOutOfBoundsException(name + " has no entry at " + row + "," + column);
            }
        }

        /** The sum relations of the table, each as the list of its entries {row, column}. */
        List<List<int[]>> lines() {
            List<List<int[]>> lines = new ArrayList<>();
            int lastColumn = layout == Layout.ADDITIVE ? n : n - 1;
            if (layout == Layout.ADDITIVE) {
                for (int r = 0; r <= m; r++) {
                    List<int[]> line = new ArrayList<>();
                    for (int c = 0; c <= n; c++) {
                        line.add(new int[]{r, c});
                    }
                    lines.add(line);
                }
            }
            for (int c = 0; c <= lastColumn; c++) {
                List<int[]> line = new ArrayList<>();
                for (int r = 0; r <= m; r++) {
                    line.add(new int[]{r, c});
                }
                lines.add(line);
            }
            return lines;
        }
    }

    private final int minCount;

    /** @param minCount k: counts from 1 to k−1 are withheld; 1 turns suppression off */
    public Suppression(int minCount) {
        if (minCount < 1) {
            throw new IllegalArgumentException("the minimum count k must be 1 or more, was " + minCount);
        }
        this.minCount = minCount;
    }

    public int minCount() {
        return minCount;
    }

    /** True for a count that is withheld for itself (1 to k−1). */
    public boolean small(long count) {
        return count >= 1 && count < minCount;
    }

    public void protect(Grid grid) {
        protect(List.of(grid));
    }

    /** Marks the withheld counts of tables published together; linked quantities are withheld together. */
    public void protect(List<Grid> grids) {
        Map<String, Long> linked = new HashMap<>();
        Set<String> withheld = new LinkedHashSet<>();
        Set<String> exempt = new LinkedHashSet<>();
        for (Grid g : grids) {
            forEachPresent(g, (r, c) -> {
                Long before = linked.putIfAbsent(g.keys[r][c], g.values[r][c]);
                if (before != null && before != g.values[r][c]) {
                    throw new IllegalArgumentException("quantity " + g.keys[r][c] + " is " + before
                            + " in one table and " + g.values[r][c] + " in " + g.name);
                }
                if (small(g.values[r][c]) && !g.fixed[r][c]) {
                    withheld.add(g.keys[r][c]);
                }
                if (g.exempt[r][c]) {
                    withheld.add(g.keys[r][c]);
                    exempt.add(g.keys[r][c]);
                }
            });
        }
        while (true) {
            boolean changed;
            do {
                changed = false;
                for (Grid g : grids) {
                    forEachPresent(g, (r, c) -> {
                        if (withheld.contains(g.keys[r][c]) && !g.fixed[r][c]) {
                            g.suppressed[r][c] = true;
                            g.exempt[r][c] = exempt.contains(g.keys[r][c]);
                        }
                    });
                    protectGrid(g);
                    for (int r = 0; r <= g.m; r++) {
                        for (int c = 0; c <= g.n; c++) {
                            if (g.present(r, c) && g.suppressed[r][c] && withheld.add(g.keys[r][c])) {
                                changed = true;
                            }
                        }
                    }
                }
            } while (changed);
            String complement = new CombinedSystem(grids, exempt).complement();
            if (complement == null) {
                return;
            }
            withheld.add(complement);
        }
    }

    /** An entry of a grid: the table and the position. */
    private record Entry(Grid grid, int row, int column) {
        String key() {
            return grid.keys[row][column];
        }

        long value() {
            return grid.values[row][column];
        }

        boolean suppressed() {
            return grid.suppressed[row][column];
        }

        boolean fixed() {
            return grid.fixed[row][column];
        }
    }

    /**
     * Rule 4: every sum relation of every table of the response as one linear system, the unknowns being
     * the withheld quantities (one per key, however many tables show it). Rules 1–3 make each table safe
     * on its own; tables that share a withheld quantity may still, together, pin one down. Such a
     * quantity is found by reducing the system (a quantity is determined exactly when the unit vector on
     * it lies in the row space of the relations), and a complement is withheld on one of its relations.
     * Only groups of tables joined by a shared withheld quantity are solved: the others cannot interact.
     */
    private static final class CombinedSystem {
        private final List<Grid> grids;
        private final Map<String, Integer> unknowns = new LinkedHashMap<>();
        private final Map<String, List<List<Entry>>> linesOf = new HashMap<>();
        private final Map<String, Set<Grid>> shownIn = new HashMap<>();
        private final Map<String, Integer> copies = new HashMap<>();
        private final Set<String> exempt;

        CombinedSystem(List<Grid> grids, Set<String> exempt) {
            this.grids = grids;
            this.exempt = exempt;
            for (Grid g : grids) {
                forEachPresent(g, (r, c) -> {
                    if (g.suppressed[r][c]) {
                        unknowns.putIfAbsent(g.keys[r][c], unknowns.size());
                        shownIn.computeIfAbsent(g.keys[r][c], k -> new LinkedHashSet<>()).add(g);
                        copies.merge(g.keys[r][c], 1, Integer::sum);
                    }
                });
            }
        }

        /** The key of a quantity to withhold next, or null when no withheld quantity can be worked out. */
        String complement() {
            // groups of tables joined by shared withheld quantities (union-find over grid indices)
            int[] parent = new int[grids.size()];
            for (int i = 0; i < parent.length; i++) {
                parent[i] = i;
            }
            Map<Grid, Integer> index = new HashMap<>();
            for (int i = 0; i < grids.size(); i++) {
                index.put(grids.get(i), i);
            }
            Set<Integer> shared = new LinkedHashSet<>();
            for (Map.Entry<String, Set<Grid>> e : shownIn.entrySet()) {
                if (e.getValue().size() > 1 || copies.get(e.getKey()) > 1) {
                    int first = -1;
                    for (Grid g : e.getValue()) {
                        int i = find(parent, index.get(g));
                        if (first < 0) {
                            first = i;
                        } else {
                            parent[i] = first;
                        }
                    }
                    shared.add(find(parent, first));
                }
            }
            if (shared.isEmpty()) {
                return null;
            }
            Set<Integer> roots = new LinkedHashSet<>();
            shared.forEach(s -> roots.add(find(parent, s)));
            for (int root : roots) {
                List<Grid> group = new ArrayList<>();
                for (int i = 0; i < grids.size(); i++) {
                    if (find(parent, i) == root) {
                        group.add(grids.get(i));
                    }
                }
                String key = complementIn(group);
                if (key != null) {
                    return key;
                }
            }
            return null;
        }

        private static int find(int[] parent, int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        private String complementIn(List<Grid> group) {
            Map<String, Integer> local = new LinkedHashMap<>();
            List<List<Entry>> lines = new ArrayList<>();
            for (Grid g : group) {
                for (List<int[]> line : g.lines()) {
                    List<Entry> entries = line.stream().map(e -> new Entry(g, e[0], e[1])).toList();
                    if (entries.stream().anyMatch(Entry::suppressed)) {
                        lines.add(entries);
                        for (Entry e : entries) {
                            if (e.suppressed()) {
                                local.putIfAbsent(e.key(), local.size());
                                linesOf.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(entries);
                            }
                        }
                    }
                }
            }
            double[][] a = new double[lines.size()][local.size()];
            for (int i = 0; i < lines.size(); i++) {
                List<Entry> line = lines.get(i);
                for (int j = 0; j < line.size(); j++) {
                    Entry e = line.get(j);
                    if (e.suppressed()) {
                        // the last entry of a relation is the sum of the others
                        a[i][local.get(e.key())] += j == line.size() - 1 ? -1 : 1;
                    }
                }
            }
            List<String> names = new ArrayList<>(local.keySet());
            for (int determined : determined(a, local.size())) {
                String key = names.get(determined);
                if (exempt.contains(key)) {
                    continue;
                }
                List<Entry> candidates = new ArrayList<>();
                for (List<Entry> line : linesOf.getOrDefault(key, List.of())) {
                    line.stream().filter(e -> !e.suppressed() && !e.fixed()).forEach(candidates::add);
                }
                if (!candidates.isEmpty()) {
                    return candidates.stream().min(Comparator
                            .comparingInt((Entry e) -> e.value() == 0 ? 1 : 0)
                            .thenComparingInt(e -> e.grid().margin(e.row(), e.column()) ? 1 : 0)
                            .thenComparingLong(Entry::value)
                            .thenComparing(Entry::key)).orElseThrow().key();
                }
            }
            return null;
        }

        /**
         * The unknowns fixed by the relations: reduced to row echelon form, unknown j is determined
         * exactly when some reduced row has its only non-zero coefficient at j.
         */
        private static List<Integer> determined(double[][] a, int columns) {
            int rank = 0;
            int[] pivotOf = new int[a.length];
            for (int c = 0; c < columns && rank < a.length; c++) {
                int pivot = -1;
                for (int r = rank; r < a.length; r++) {
                    if (Math.abs(a[r][c]) > EPSILON && (pivot < 0 || Math.abs(a[r][c]) > Math.abs(a[pivot][c]))) {
                        pivot = r;
                    }
                }
                if (pivot < 0) {
                    continue;
                }
                double[] tmp = a[pivot];
                a[pivot] = a[rank];
                a[rank] = tmp;
                double p = a[rank][c];
                for (int k = c; k < columns; k++) {
                    a[rank][k] /= p;
                }
                for (int r = 0; r < a.length; r++) {
                    if (r != rank && Math.abs(a[r][c]) > EPSILON) {
                        double f = a[r][c];
                        for (int k = c; k < columns; k++) {
                            a[r][k] -= f * a[rank][k];
                        }
                    }
                }
                pivotOf[rank] = c;
                rank++;
            }
            List<Integer> fixed = new ArrayList<>();
            for (int r = 0; r < rank; r++) {
                int nonZero = 0;
                for (int k = 0; k < columns; k++) {
                    if (Math.abs(a[r][k]) > EPSILON) {
                        nonZero++;
                    }
                }
                if (nonZero == 1) {
                    fixed.add(pivotOf[r]);
                }
            }
            return fixed;
        }
    }

    private static final double EPSILON = 1e-9;

    private interface EntryVisitor {
        void visit(int row, int column);
    }

    private static void forEachPresent(Grid g, EntryVisitor visitor) {
        for (int r = 0; r <= g.m; r++) {
            for (int c = 0; c <= g.n; c++) {
                if (g.present(r, c)) {
                    visitor.visit(r, c);
                }
            }
        }
    }

    /** Adds complements to one table until rules 1 and 2 hold. */
    private void protectGrid(Grid g) {
        List<List<int[]>> lines = g.lines();
        while (true) {
            int[] add = lineWithOneWithheld(g, lines);
            if (add == null && g.layout == Layout.ADDITIVE) {
                add = bridgeComplement(g);
            }
            if (add == null) {
                return;
            }
            g.suppressed[add[0]][add[1]] = true;
        }
    }

    private int[] lineWithOneWithheld(Grid g, List<List<int[]>> lines) {
        for (List<int[]> line : lines) {
            int count = 0;
            boolean needsProtection = false;
            for (int[] e : line) {
                if (g.suppressed[e[0]][e[1]]) {
                    count++;
                    needsProtection = !g.exempt[e[0]][e[1]];
                }
            }
            if (count == 1 && needsProtection) {
                List<int[]> candidates = line.stream()
                        .filter(e -> !g.suppressed[e[0]][e[1]] && !g.fixed[e[0]][e[1]]).toList();
                if (!candidates.isEmpty()) {
                    return best(g, candidates);
                }
            }
        }
        return null;
    }

    /** A complement that puts a withheld bridge on a cycle, or null when there is no bridge. */
    private int[] bridgeComplement(Grid g) {
        for (int r = 0; r <= g.m; r++) {
            for (int c = 0; c <= g.n; c++) {
                if (!g.suppressed[r][c] || g.exempt[r][c]) {
                    continue;
                }
                boolean[] fromRow = reachable(g, rowNode(r), r, c);
                int colNode = colNode(g, c);
                if (fromRow[colNode]) {
                    continue;
                }
                boolean[] fromColumn = reachable(g, colNode, r, c);
                List<int[]> candidates = new ArrayList<>();
                for (int x = 0; x <= g.m; x++) {
                    for (int y = 0; y <= g.n; y++) {
                        if (g.suppressed[x][y] || g.fixed[x][y]) {
                            continue;
                        }
                        boolean joins = (fromRow[rowNode(x)] && fromColumn[colNode(g, y)])
                                || (fromColumn[rowNode(x)] && fromRow[colNode(g, y)]);
                        if (joins) {
                            candidates.add(new int[]{x, y});
                        }
                    }
                }
                if (candidates.isEmpty()) {
                    // cannot happen once every relation holds two withheld counts; withhold everything that may be
                    // withheld rather than leak
                    for (int x = 0; x <= g.m; x++) {
                        for (int y = 0; y <= g.n; y++) {
                            if (!g.fixed[x][y]) {
                                g.suppressed[x][y] = true;
                            }
                        }
                    }
                    return null;
                }
                return best(g, candidates);
            }
        }
        return null;
    }

    private static int rowNode(int r) {
        return r;
    }

    private static int colNode(Grid g, int c) {
        return g.m + 1 + c;
    }

    /** Vertices reachable from start over withheld entries, not using the entry (skipRow, skipCol). */
    private static boolean[] reachable(Grid g, int start, int skipRow, int skipCol) {
        boolean[] seen = new boolean[g.m + g.n + 2];
        Deque<Integer> frontier = new ArrayDeque<>();
        seen[start] = true;
        frontier.add(start);
        while (!frontier.isEmpty()) {
            int v = frontier.poll();
            if (v <= g.m) {
                for (int c = 0; c <= g.n; c++) {
                    if (g.suppressed[v][c] && !(v == skipRow && c == skipCol) && !seen[colNode(g, c)]) {
                        seen[colNode(g, c)] = true;
                        frontier.add(colNode(g, c));
                    }
                }
            } else {
                int c = v - g.m - 1;
                for (int r = 0; r <= g.m; r++) {
                    if (g.suppressed[r][c] && !(r == skipRow && c == skipCol) && !seen[rowNode(r)]) {
                        seen[rowNode(r)] = true;
                        frontier.add(rowNode(r));
                    }
                }
            }
        }
        return seen;
    }

    /** The complement that loses least: non-zero before zero, inner cell before total, smallest count first. */
    private static int[] best(Grid g, List<int[]> candidates) {
        return candidates.stream().min(Comparator
                .comparingInt((int[] e) -> g.values[e[0]][e[1]] == 0 ? 1 : 0)
                .thenComparingInt(e -> g.margin(e[0], e[1]) ? 1 : 0)
                .thenComparingLong(e -> g.values[e[0]][e[1]])
                .thenComparingInt(e -> e[0])
                .thenComparingInt(e -> e[1])).orElseThrow();
    }
}
