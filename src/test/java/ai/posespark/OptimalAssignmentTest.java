package ai.posespark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** OR-Tools' assignment against enumerating every partial pairing. */
class OptimalAssignmentTest {

  @Test
  void maximiseIsOptimalOnSmallRandomProblems() {
    Random rnd = new Random(7);
    for (int trial = 0; trial < 400; trial++) {
      int n = rnd.nextInt(7);
      int m = rnd.nextInt(7);
      double[][] score = randomMatrix(rnd, n, m, 0.25);
      double min = rnd.nextBoolean() ? 0.2 : 0;
      int[] match = OptimalAssignment.maximise(score, min);
      assertValid(match, m);
      double[] best = bruteForce(score, min, false);
      assertEquals(best[1], total(score, match, min), 1e-9, "trial " + trial);
    }
  }

  @Test
  void minCostMaxPairsTakesTheMostPairsThenTheLeastCost() {
    Random rnd = new Random(11);
    for (int trial = 0; trial < 400; trial++) {
      int n = rnd.nextInt(7);
      int m = rnd.nextInt(7);
      double[][] cost = randomMatrix(rnd, n, m, 0.4);
      int[] match = OptimalAssignment.minCostMaxPairs(cost);
      assertValid(match, m);
      double[] best = bruteForce(cost, 0, true);
      int pairs = 0;
      double sum = 0;
      for (int i = 0; i < n; i++) {
        if (match[i] >= 0) {
          pairs++;
          sum += cost[i][match[i]];
        }
      }
      assertEquals(best[0], pairs, "trial " + trial);
      assertEquals(best[1], sum, 1e-9, "trial " + trial);
    }
  }

  @Test
  void aPairBelowTheThresholdIsNeverMade() {
    // Munkres over all pairs would take (0,1) + (1,0) = 1.0 + 0.1 and then drop the weak pair; here (0,0) alone wins
    double[][] score = {{0.9, 1.0}, {0.1, 0.0}};
    assertArrayEquals(new int[] {1, -1}, OptimalAssignment.maximise(score, 0.2));
    assertArrayEquals(new int[] {}, OptimalAssignment.maximise(new double[0][0], 0));
    assertArrayEquals(new int[] {-1, -1}, OptimalAssignment.maximise(new double[2][0], 0));
  }

  private static double[][] randomMatrix(Random rnd, int n, int m, double nanRate) {
    double[][] a = new double[n][m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        a[i][j] = rnd.nextDouble() < nanRate ? Double.NaN : Math.round(rnd.nextDouble() * 1000) / 1000.0;
      }
    }
    return a;
  }

  private static void assertValid(int[] match, int m) {
    boolean[] used = new boolean[m];
    for (int j : match) {
      if (j >= 0) {
        assertEquals(false, used[j], "column used twice");
        used[j] = true;
      }
    }
  }

  private static double total(double[][] score, int[] match, double min) {
    double t = 0;
    for (int i = 0; i < match.length; i++) {
      if (match[i] >= 0) {
        assertEquals(true, score[i][match[i]] > min, "pair at or below the threshold");
        t += score[i][match[i]];
      }
    }
    return t;
  }

  /**
   * Every partial injection rows → columns over allowed entries: {pairs, best total}. Maximising the score, or
   * ({@code minCost}) the most pairs first and then the least total.
   */
  private static double[] bruteForce(double[][] a, double min, boolean minCost) {
    double[] best = {0, 0};
    search(a, min, minCost, 0, new boolean[a.length == 0 ? 0 : a[0].length], 0, 0, best);
    return best;
  }

  private static void search(double[][] a, double min, boolean minCost, int row, boolean[] used, int pairs,
      double sum, double[] best) {
    if (row == a.length) {
      boolean better = minCost ? pairs > best[0] || pairs == best[0] && sum < best[1] : sum > best[1];
      if (better) {
        best[0] = pairs;
        best[1] = sum;
      }
      return;
    }
    search(a, min, minCost, row + 1, used, pairs, sum, best);
    for (int j = 0; j < used.length; j++) {
      boolean allowed = minCost ? Double.isFinite(a[row][j]) : a[row][j] > min;
      if (!used[j] && allowed) {
        used[j] = true;
        search(a, min, minCost, row + 1, used, pairs + 1, sum + a[row][j], best);
        used[j] = false;
      }
    }
  }
}
