package ai.posespark.pose.paf;

import java.util.Arrays;

/**
 * Maximum-weight bipartite matching by the Hungarian algorithm (Kuhn–Munkres with row and column potentials,
 * shortest augmenting paths), {@code O(n² m)} for an {@code n × m} matrix with {@code n ≤ m}.
 */
public final class Hungarian {
  private Hungarian() {}

  /**
   * The matching of largest total weight.
   *
   * @param weights {@code (n, m)} non-negative weights; 0 marks a pair that may not be matched (with non-negative
   *                weights leaving a row unmatched costs nothing, so zero pairs are simply dropped afterwards)
   * @return per row the matched column, or -1
   */
  public static int[] maximumWeightMatching(double[][] weights) {
    int n = weights.length;
    int m = n == 0 ? 0 : weights[0].length;
    for (double[] row : weights) {
      if (row.length != m) {
        throw new IllegalArgumentException("hungarian: rows of different lengths");
      }
      for (double w : row) {
        if (!(w >= 0) || Double.isInfinite(w)) {
          throw new IllegalArgumentException("hungarian: weight " + w + " is not a finite non-negative number");
        }
      }
    }
    int[] match = new int[n];
    Arrays.fill(match, -1);
    if (n == 0 || m == 0) {
      return match;
    }
    boolean transposed = n > m;
    double[][] cost = new double[Math.min(n, m)][Math.max(n, m)];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        if (transposed) {
          cost[j][i] = -weights[i][j];
        } else {
          cost[i][j] = -weights[i][j];
        }
      }
    }
    int[] rowToCol = minimumCostAssignment(cost);
    for (int r = 0; r < rowToCol.length; r++) {
      int i = transposed ? rowToCol[r] : r;
      int j = transposed ? r : rowToCol[r];
      if (weights[i][j] > 0) {
        match[i] = j;
      }
    }
    return match;
  }

  /** Every row of {@code cost} ({@code n ≤ m} columns) to a distinct column, at least total cost. */
  static int[] minimumCostAssignment(double[][] cost) {
    int n = cost.length;
    int m = cost[0].length;
    // 1-based: index 0 is the virtual column from which each row's augmenting path starts
    double[] u = new double[n + 1];
    double[] v = new double[m + 1];
    int[] rowOfCol = new int[m + 1];
    int[] way = new int[m + 1];
    for (int i = 1; i <= n; i++) {
      rowOfCol[0] = i;
      int col = 0;
      double[] minSlack = new double[m + 1];
      Arrays.fill(minSlack, Double.POSITIVE_INFINITY);
      boolean[] used = new boolean[m + 1];
      do {
        used[col] = true;
        int row = rowOfCol[col];
        double delta = Double.POSITIVE_INFINITY;
        int next = 0;
        for (int j = 1; j <= m; j++) {
          if (!used[j]) {
            double slack = cost[row - 1][j - 1] - u[row] - v[j];
            if (slack < minSlack[j]) {
              minSlack[j] = slack;
              way[j] = col;
            }
            if (minSlack[j] < delta) {
              delta = minSlack[j];
              next = j;
            }
          }
        }
        for (int j = 0; j <= m; j++) {
          if (used[j]) {
            u[rowOfCol[j]] += delta;
            v[j] -= delta;
          } else {
            minSlack[j] -= delta;
          }
        }
        col = next;
      } while (rowOfCol[col] != 0);
      do {
        int prev = way[col];
        rowOfCol[col] = rowOfCol[prev];
        col = prev;
      } while (col != 0);
    }
    int[] rowToCol = new int[n];
    for (int j = 1; j <= m; j++) {
      if (rowOfCol[j] != 0) {
        rowToCol[rowOfCol[j] - 1] = j - 1;
      }
    }
    return rowToCol;
  }
}
