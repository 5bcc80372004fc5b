package ua.social.reporting.statistics;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import ua.social.reporting.statistics.Suppression.Grid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The suppression rule in isolation, with an attacker that solves the published sums exactly. */
@Tag("fast")
class SuppressionTest {

    private final Suppression k5 = new Suppression(5);

    @Test
    void tableWithoutSmallCountsIsPublishedWhole() {
        Grid g = Grid.additive("t", new long[][]{{10, 20}, {0, 7}}, 2);
        k5.protect(g);
        assertEquals(0, withheld(g));
    }

    @Test
    void zeroIsNotASmallCell() {
        Grid g = Grid.additive("t", new long[][]{{0, 12}, {9, 30}}, 2);
        k5.protect(g);
        assertFalse(g.suppressed(0, 0));
        assertEquals(0, withheld(g));
    }

    @Test
    void oneSmallCellTakesARectangleOfComplements() {
        Grid g = Grid.additive("t", new long[][]{
                {3, 10, 12},
                {20, 6, 30},
                {8, 9, 40}}, 3);
        k5.protect(g);
        assertTrue(g.suppressed(0, 0), "the small cell");
        // smallest non-zero complements: 8 in its column, 10 in its row, then 9 closes the rectangle
        assertTrue(g.suppressed(2, 0));
        assertTrue(g.suppressed(0, 1));
        assertTrue(g.suppressed(2, 1));
        assertEquals(4, withheld(g));
        assertFalse(g.suppressed(3, 3), "the grand total stays");
        assertNoWithheldCountCanBeSolved(List.of(g));
    }

    @Test
    void everyCountFromOneToKMinusOneIsWithheldAndLargerOnesMayStay() {
        for (long v = 1; v < 5; v++) {
            Grid g = Grid.additive("t", new long[][]{{v, 50}, {40, 60}}, 2);
            k5.protect(g);
            assertTrue(g.suppressed(0, 0), v + " is small");
        }
        Grid g = Grid.additive("t", new long[][]{{5, 50}, {40, 60}}, 2);
        k5.protect(g);
        assertFalse(g.suppressed(0, 0), "5 is not small when k = 5");
    }

    @Test
    void aSmallTotalIsWithheldWithTheCellsThatMakeItUp() {
        Grid g = Grid.additive("t", new long[][]{{2, 1, 0}, {10, 20, 30}, {11, 12, 13}}, 3);
        k5.protect(g);
        assertTrue(g.suppressed(0, 3), "row total 3");
        assertTrue(g.suppressed(0, 0));
        assertTrue(g.suppressed(0, 1));
        assertNoWithheldCountCanBeSolved(List.of(g));
    }

    @Test
    void aSingleRowTableWithholdsTheColumnTotalsThatRepeatTheCells() {
        Grid g = Grid.additive("t", new long[][]{{2, 9, 14}}, 3);
        k5.protect(g);
        assertTrue(g.suppressed(0, 0));
        assertTrue(g.suppressed(1, 0), "the column total equals the cell");
        assertNoWithheldCountCanBeSolved(List.of(g));
    }

    @Test
    void independentColumnsProtectEachColumnAgainstItsTotal() {
        Grid g = Grid.independentColumns("t", new long[][]{{2, 30}, {15, 40}, {9, 50}}, 2);
        k5.protect(g);
        assertTrue(g.suppressed(0, 0));
        assertTrue(g.suppressed(2, 0), "9 is the smallest other count of the column");
        assertFalse(g.suppressed(3, 0), "the column total is published");
        assertFalse(g.suppressed(0, 1), "the other column is untouched");
        assertFalse(g.present(0, 2), "no row totals");
        assertNoWithheldCountCanBeSolved(List.of(g));
    }

    @Test
    void kIsConfigurable() {
        Grid g = Grid.additive("t", new long[][]{{3, 40}, {50, 60}}, 2);
        new Suppression(3).protect(g);
        assertEquals(0, withheld(g), "3 is not small when k = 3");
        Grid off = Grid.additive("t", new long[][]{{1, 40}, {50, 60}}, 2);
        new Suppression(1).protect(off);
        assertEquals(0, withheld(off), "k = 1 withholds nothing");
        assertThrows(IllegalArgumentException.class, () -> new Suppression(0));
    }

    @Test
    void aQuantityShownInTwoTablesIsWithheldInBoth() {
        // opened cases per region: by model (row totals) and by month (row totals) show the same numbers
        Grid byModel = Grid.additive("byModel", new long[][]{{6, 7}, {20, 30}, {12, 14}}, 2);
        Grid byMonth = Grid.additive("byMonth", new long[][]{{10, 3}, {25, 25}, {13, 13}}, 2);
        for (int r = 0; r < 3; r++) {
            byModel.link(r, 2, "opened@" + r);
            byMonth.link(r, 2, "opened@" + r);
        }
        byModel.link(3, 2, "opened@*");
        byMonth.link(3, 2, "opened@*");
        k5.protect(List.of(byModel, byMonth));
        for (int r = 0; r <= 3; r++) {
            assertEquals(byModel.suppressed(r, 2), byMonth.suppressed(r, 2), "row total " + r);
        }
        assertTrue(byMonth.suppressed(0, 1), "3 is small");
        assertNoWithheldCountCanBeSolved(List.of(byModel, byMonth));
    }

    @Test
    void linkedQuantitiesMustAgree() {
        Grid a = Grid.additive("a", new long[][]{{6, 7}}, 2).link(0, 2, "x");
        Grid b = Grid.additive("b", new long[][]{{6, 8}}, 2).link(0, 2, "x");
        assertThrows(IllegalArgumentException.class, () -> k5.protect(List.of(a, b)));
    }

    @Test
    void theSameCountsAlwaysGiveTheSamePattern() {
        long[][] cells = {{1, 7, 9}, {4, 0, 12}, {30, 2, 8}};
        Grid first = Grid.additive("t", cells, 3);
        Grid second = Grid.additive("t", cells, 3);
        k5.protect(first);
        k5.protect(second);
        for (int r = 0; r <= 3; r++) {
            for (int c = 0; c <= 3; c++) {
                assertEquals(first.suppressed(r, c), second.suppressed(r, c));
            }
        }
    }

    @Test
    void randomTablesNeverLeakAWithheldCount() {
        Random random = new Random(20_190_101);
        for (int round = 0; round < 300; round++) {
            int m = 1 + random.nextInt(6);
            int n = 1 + random.nextInt(6);
            long[][] cells = new long[m][n];
            for (long[] row : cells) {
                for (int c = 0; c < n; c++) {
                    int roll = random.nextInt(10);
                    row[c] = roll < 2 ? 0 : roll < 6 ? 1 + random.nextInt(4) : 5 + random.nextInt(40);
                }
            }
            Grid g = random.nextBoolean() ? Grid.additive("t", cells, n) : Grid.independentColumns("t", cells, n);
            k5.protect(g);
            for (int r = 0; r <= m; r++) {
                for (int c = 0; c <= n; c++) {
                    if (g.present(r, c) && k5.small(g.value(r, c))) {
                        assertTrue(g.suppressed(r, c), "small count at " + r + "," + c + " in round " + round);
                    }
                }
            }
            assertNoWithheldCountCanBeSolved(List.of(g));
        }
    }

    @Test
    void randomLinkedTablesNeverLeakAWithheldCount() {
        Random random = new Random(7);
        for (int round = 0; round < 100; round++) {
            int m = 1 + random.nextInt(5);
            long[][] a = new long[m][3];
            long[][] b = new long[m][2];
            for (int r = 0; r < m; r++) {
                long total = 0;
                for (int c = 0; c < 3; c++) {
                    a[r][c] = random.nextInt(3) == 0 ? 1 + random.nextInt(4) : random.nextInt(30);
                    total += a[r][c];
                }
                b[r][0] = total == 0 ? 0 : random.nextInt((int) total + 1);
                b[r][1] = total - b[r][0];
            }
            Grid ga = Grid.additive("a", a, 3);
            Grid gb = Grid.additive("b", b, 2);
            for (int r = 0; r < m; r++) {
                ga.link(r, 3, "row" + r);
                gb.link(r, 2, "row" + r);
            }
            ga.link(m, 3, "all");
            gb.link(m, 2, "all");
            k5.protect(List.of(ga, gb));
            assertNoWithheldCountCanBeSolved(List.of(ga, gb));
        }
    }

    @Test
    void aQuantityRepeatedAsAColumnOfAnotherTableIsSolvedWithAllTablesTogether() {
        // under a category filter: opened per region is the row total of byModel and byMonth and the group's
        // column of byGroup; each table is safe alone, the attacker solves all of them as one system
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            int m = 1 + random.nextInt(5);
            long[][] model = new long[m][3];
            long[][] month = new long[m][2];
            long[][] group = new long[m][3];
            for (int r = 0; r < m; r++) {
                long total = 0;
                for (int c = 0; c < 3; c++) {
                    model[r][c] = random.nextInt(3) == 0 ? 1 + random.nextInt(4) : random.nextInt(25);
                    total += model[r][c];
                }
                month[r][0] = random.nextInt((int) total + 1);
                month[r][1] = total - month[r][0];
                group[r][0] = total;
                group[r][1] = random.nextInt((int) total + 1);
                group[r][2] = random.nextInt(3) == 0 ? 1 + random.nextInt(4) : random.nextInt(25);
            }
            Grid byModel = Grid.additive("byModel", model, 3);
            Grid byMonth = Grid.additive("byMonth", month, 2);
            Grid byGroup = Grid.independentColumns("byGroup", group, 3);
            for (int r = 0; r < m; r++) {
                byModel.link(r, 3, "opened@" + r);
                byMonth.link(r, 2, "opened@" + r);
                byGroup.link(r, 0, "opened@" + r);
            }
            byModel.link(m, 3, "opened@*");
            byMonth.link(m, 2, "opened@*");
            byGroup.link(m, 0, "opened@*");
            k5.protect(List.of(byModel, byMonth, byGroup));
            for (int r = 0; r <= m; r++) {
                assertEquals(byModel.suppressed(r, 3), byGroup.suppressed(r, 0), "round " + round + " row " + r);
                assertEquals(byModel.suppressed(r, 3), byMonth.suppressed(r, 2), "round " + round + " row " + r);
            }
            assertNoWithheldCountCanBeSolved(List.of(byModel, byMonth, byGroup));
        }
    }

    @Test
    void tablesThatAreSafeAloneButLeakTogetherGetAnotherComplement() {
        // a: x (2) and y (9) withheld in a row whose total 11 is published, the column totals repeat them;
        // b shows x's column total as a cell next to the same y: alone each table holds, together they give x
        Grid a = Grid.additive("a", new long[][]{{2, 9}, {20, 30}, {7, 6}}, 2);
        Grid b = Grid.independentColumns("b", new long[][]{{2}, {9}, {40}}, 1);
        a.link(0, 0, "x").link(0, 1, "y");
        b.link(0, 0, "x").link(1, 0, "y");
        k5.protect(List.of(a, b));
        assertTrue(a.suppressed(0, 0) && b.suppressed(0, 0), "x is small in both");
        assertNoWithheldCountCanBeSolved(List.of(a, b));
    }

    private static int withheld(Grid g) {
        int count = 0;
        for (int r = 0; r <= g.rows(); r++) {
            for (int c = 0; c <= g.columns(); c++) {
                if (g.present(r, c) && g.suppressed(r, c)) {
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * The attacker: unknowns are the withheld quantities (one per key), equations are every sum relation
     * of every table with the published numbers moved to the right-hand side. A withheld count is
     * disclosed when its unit vector lies in the row space of the equations (rank test).
     */
    static void assertNoWithheldCountCanBeSolved(List<Grid> grids) {
        Map<String, Integer> unknowns = new LinkedHashMap<>();
        for (Grid g : grids) {
            for (int r = 0; r <= g.rows(); r++) {
                for (int c = 0; c <= g.columns(); c++) {
                    if (g.present(r, c) && g.suppressed(r, c)) {
                        unknowns.putIfAbsent(g.key(r, c), unknowns.size());
                    }
                }
            }
        }
        if (unknowns.isEmpty()) {
            return;
        }
        List<double[]> equations = new ArrayList<>();
        for (Grid g : grids) {
            for (List<int[]> line : g.lines()) {
                double[] eq = new double[unknowns.size()];
                boolean any = false;
                for (int i = 0; i < line.size(); i++) {
                    int[] e = line.get(i);
                    if (g.suppressed(e[0], e[1])) {
                        // the last entry of a relation is the sum of the others
                        eq[unknowns.get(g.key(e[0], e[1]))] += i == line.size() - 1 ? -1 : 1;
                        any = true;
                    }
                }
                if (any) {
                    equations.add(eq);
                }
            }
        }
        int rank = rank(equations, unknowns.size());
        for (Map.Entry<String, Integer> u : unknowns.entrySet()) {
            List<double[]> extended = new ArrayList<>(equations);
            double[] unit = new double[unknowns.size()];
            unit[u.getValue()] = 1;
            extended.add(unit);
            assertEquals(rank + 1, rank(extended, unknowns.size()),
                    "withheld count " + u.getKey() + " can be worked out from the published sums");
        }
    }

    private static int rank(List<double[]> rows, int columns) {
        double[][] a = rows.stream().map(double[]::clone).toArray(double[][]::new);
        int rank = 0;
        for (int c = 0; c < columns && rank < a.length; c++) {
            int pivot = -1;
            for (int r = rank; r < a.length; r++) {
                if (Math.abs(a[r][c]) > 1e-9 && (pivot < 0 || Math.abs(a[r][c]) > Math.abs(a[pivot][c]))) {
                    pivot = r;
                }
            }
            if (pivot < 0) {
                continue;
            }
            double[] tmp = a[pivot];
            a[pivot] = a[rank];
            a[rank] = tmp;
            for (int r = 0; r < a.length; r++) {
                if (r != rank && Math.abs(a[r][c]) > 1e-9) {
                    double f = a[r][c] / a[rank][c];
                    for (int k = c; k < columns; k++) {
                        a[r][k] -= f * a[rank][k];
                    }
                }
            }
            rank++;
        }
        return rank;
    }
}
