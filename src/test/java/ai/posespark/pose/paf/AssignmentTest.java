package ai.posespark.pose.paf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The per-limb matchings, checked against brute force. */
class AssignmentTest {

  /** Greedy takes the strong 0.9 and is left with 0.1; the optimum is 0.8 + 0.7. */
  static final double[][] GREEDY_TRAP = {{0.9, 0.8}, {0.7, 0.1}};

  @Test
  void onAConstructedLimbHungarianFindsTheBetterTotal() {
    List<Connection> greedy = Assignment.GREEDY.select(GREEDY_TRAP);
    List<Connection> hungarian = Assignment.HUNGARIAN.select(GREEDY_TRAP);
    assertEquals(1.0, total(greedy), 1e-12);
    assertEquals(1.5, total(hungarian), 1e-12);
    assertEquals(bruteForce(GREEDY_TRAP), total(hungarian), 1e-12);
    assertEquals(List.of(new Connection(0, 1, 0.8), new Connection(1, 0, 0.7)), hungarian, "best first");
  }

  @Test
  void hungarianIsOptimalAndGreedyNeverBetterOnRandomSmallLimbs() {
    Random random = new Random(11);
    int greedyWorse = 0;
    for (int trial = 0; trial < 2000; trial++) {
      int n = 1 + random.nextInt(5);
      int m = 1 + random.nextInt(5);
      double[][] w = new double[n][m];
      for (double[] row : w) {
        for (int j = 0; j < m; j++) {
          // a third of the pairs not connectable, as limbs failing the PAF criteria
          row[j] = random.nextDouble() < 0.33 ? 0 : random.nextDouble();
        }
      }
      double best = bruteForce(w);
      List<Connection> h = Assignment.HUNGARIAN.select(w);
      assertEquals(best, total(h), 1e-9, "trial " + trial);
      assertMatching(h, n, m);
      List<Connection> g = Assignment.GREEDY.select(w);
      assertMatching(g, n, m);
      assertTrue(total(g) <= best + 1e-9);
      greedyWorse += total(g) < best - 1e-9 ? 1 : 0;
    }
    System.out.printf("random limbs up to 5×5: greedy below the optimum on %d of 2000%n", greedyWorse);
    assertTrue(greedyWorse > 0, "the random cases include greedy traps");
  }

  @Test
  void emptyAndRectangularAndAllZeroMatrices() {
    assertEquals(List.of(), Assignment.HUNGARIAN.select(new double[0][0]));
    assertEquals(List.of(), Assignment.GREEDY.select(new double[0][0]));
    assertArrayEquals(new int[] {-1, -1}, hungarianRows(new double[2][3]));
    assertArrayEquals(new int[] {2, -1, 0}, hungarianRows(
        new double[][] {{0.1, 0, 0.5}, {0, 0, 0}, {0.4, 0.2, 0.3}}));
    assertArrayEquals(new int[] {1}, hungarianRows(new double[][] {{0.2, 0.3, 0.1}}));
    assertArrayEquals(new int[] {-1, 0, -1}, hungarianRows(new double[][] {{0.2}, {0.3}, {0.1}}));
  }

  /** The Hungarian matching per row: the matched column, or -1. */
  private static int[] hungarianRows(double[][] weights) {
    int[] rows = new int[weights.length];
    Arrays.fill(rows, -1);
    for (Connection c : Assignment.HUNGARIAN.select(weights)) {
      rows[c.a()] = c.b();
    }
    return rows;
  }

  @Test
  void badWeightsAndNamesFail() {
    assertThrows(IllegalArgumentException.class, () -> hungarianRows(new double[][] {{-1}}));
    assertThrows(IllegalArgumentException.class, () -> hungarianRows(new double[][] {{Double.NaN}}));
    assertThrows(IllegalArgumentException.class, () -> hungarianRows(new double[][] {{1}, {1, 2}}));
    assertEquals(Assignment.HUNGARIAN, Assignment.parse("Hungarian"));
    assertEquals("greedy", Assignment.GREEDY.key());
    assertThrows(IllegalArgumentException.class, () -> Assignment.parse("ilp"));
  }

  static double total(List<Connection> connections) {
    return connections.stream().mapToDouble(Connection::score).sum();
  }

  private static void assertMatching(List<Connection> connections, int n, int m) {
    boolean[] a = new boolean[n];
    boolean[] b = new boolean[m];
    for (Connection c : connections) {
      assertTrue(c.score() > 0);
      assertTrue(!a[c.a()] && !b[c.b()], "a candidate used twice: " + connections);
      a[c.a()] = true;
      b[c.b()] = true;
    }
  }

  /** The best total over every partial matching. */
  static double bruteForce(double[][] w) {
    return best(w, 0, new boolean[w.length == 0 ? 0 : w[0].length]);
  }

  private static double best(double[][] w, int row, boolean[] used) {
    if (row == w.length) {
      return 0;
    }
    double best = best(w, row + 1, used);
    for (int j = 0; j < used.length; j++) {
      if (!used[j] && w[row][j] > 0) {
        used[j] = true;
        best = Math.max(best, w[row][j] + best(w, row + 1, used));
        used[j] = false;
      }
    }
    return best;
  }
}
