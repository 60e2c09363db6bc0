package ai.posespark;

import com.google.ortools.graph.LinearSumAssignment;
import java.util.Arrays;

/**
 * Optimal one-to-one assignment between rows and columns (the Hungarian problem), solved by OR-Tools'
 * {@link LinearSumAssignment} (a cost-scaling push-relabel solver, exact on integer costs).
 *
 * <p>Rows and columns may stay unpaired: every row gets a dummy column and every column a dummy row at cost 0,
 * so the solver's perfect matching on the extended graph is the best partial matching on the real one. Scores are
 * scaled to integers relative to the largest magnitude (about 12 significant digits).
 */
public final class OptimalAssignment {
  /** Integer resolution of the largest score. */
  private static final double RESOLUTION = 1e12;

  private OptimalAssignment() {}

  /**
   * The pairing that maximises the total score over pairs whose score is above {@code minScore}; pairs at or below
   * it (or NaN) are never made.
   *
   * @param score    {@code [rows][columns]}
   * @param minScore pairs must score strictly more
   * @return for each row its column, or -1
   */
  public static int[] maximise(double[][] score, double minScore) {
    int n = score.length;
    int m = n == 0 ? 0 : score[0].length;
    Arcs arcs = new Arcs();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        if (score[i][j] > minScore) {
          arcs.add(i, j, score[i][j]);
        }
      }
    }
    return maximise(n, m, arcs);
  }

  /**
   * As {@link #maximise(double[][], double)} on a sparse problem: only the given pairs may be made.
   *
   * @return for each of the {@code rows} its column, or -1
   */
  public static int[] maximise(int rows, int columns, Arcs arcs) {
    int[] match = new int[rows];
    Arrays.fill(match, -1);
    if (arcs.size == 0) {
      return match;
    }
    double max = 0;
    for (int a = 0; a < arcs.size; a++) {
      max = Math.max(max, Math.abs(arcs.score[a]));
    }
    double scale = max > 0 ? RESOLUTION / max : 1;
    OrToolsNatives.load();
    LinearSumAssignment solver = new LinearSumAssignment();
    try {
      // left nodes: rows, then one dummy per column; right nodes: columns, then one dummy per row. A row left
      // unpaired takes its own dummy, a column left unpaired its own dummy row; the dummy of a paired column takes
      // the dummy of the row it is paired with, so every real arc (i, j) has its mirror (dummy j, dummy i).
      for (int a = 0; a < arcs.size; a++) {
        int i = arcs.row[a];
        int j = arcs.column[a];
        solver.addArcWithCost(i, j, -Math.round(arcs.score[a] * scale));
        solver.addArcWithCost(rows + j, columns + i, 0);
      }
      for (int i = 0; i < rows; i++) {
        solver.addArcWithCost(i, columns + i, 0);
      }
      for (int j = 0; j < columns; j++) {
        solver.addArcWithCost(rows + j, j, 0);
      }
      LinearSumAssignment.Status status = solver.solve();
      if (status != LinearSumAssignment.Status.OPTIMAL) {
        throw new IllegalStateException("linear sum assignment of " + rows + "x" + columns + " failed: " + status);
      }
      for (int i = 0; i < rows; i++) {
        int j = solver.getRightMate(i);
        match[i] = j < columns ? j : -1;
      }
      return match;
    } finally {
      solver.delete();
    }
  }

  /**
   * The pairing with the most pairs among finite entries and, among those, the least total cost: what
   * py-motmetrics' {@code linear_sum_assignment} returns for a distance matrix with NaN for "do not pair".
   *
   * @param cost {@code [rows][columns]}, finite where a pair is allowed, NaN or infinite elsewhere
   * @return for each row its column, or -1
   */
  public static int[] minCostMaxPairs(double[][] cost) {
    int n = cost.length;
    int m = n == 0 ? 0 : cost[0].length;
    double maxCost = 0;
    for (double[] row : cost) {
      for (int j = 0; j < m; j++) {
        if (Double.isFinite(row[j])) {
          maxCost = Math.max(maxCost, Math.abs(row[j]));
        }
      }
    }
    // each pair is worth more than any cost difference the other pairs can make, so more pairs always win
    double pairValue = 2 * Math.min(n, m) * maxCost + 1;
    double[][] score = new double[n][m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        score[i][j] = Double.isFinite(cost[i][j]) ? pairValue - cost[i][j] : Double.NaN;
      }
    }
    return maximise(score, 0);
  }

  /** The pairs a sparse problem allows, each with its score. */
  public static final class Arcs {
    private int[] row = new int[16];
    private int[] column = new int[16];
    private double[] score = new double[16];
    private int size;

    /** Allows pairing {@code row} with {@code column} for {@code score}. */
    public void add(int r, int c, double s) {
      if (size == row.length) {
        row = Arrays.copyOf(row, size * 2);
        column = Arrays.copyOf(column, size * 2);
        score = Arrays.copyOf(score, size * 2);
      }
      row[size] = r;
      column[size] = c;
      score[size] = s;
      size++;
    }
  }
}
