package ai.posespark.pose.ilp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MulticutSolverTest {
  /** Parts nose(0), left eye(1), right eye(2), left shoulder(5), left elbow(7): a piece of PoseNet's tree. */
  private static final int[] PARTS = {0, 1, 2, 5, 7};
  private static final int[][] EDGES = {{0, 1}, {0, 2}, {0, 5}, {5, 7}};

  /** A random instance: {@code n} candidates, a link for every pair of candidates of adjacent parts. */
  private static GroupingProblem random(Random rnd, int n) {
    return random(rnd, n, PARTS, EDGES);
  }

  /**
   * A random instance over {@code partSet}: {@code n} candidates with unary costs in [−2, 2), a link with cost in
   * [−2, 3) for every pair of candidates whose parts are an edge of {@code edges}.
   */
  static GroupingProblem random(Random rnd, int n, int[] partSet, int[][] edges) {
    int[] parts = new int[n];
    double[] unary = new double[n];
    for (int i = 0; i < n; i++) {
      parts[i] = partSet[rnd.nextInt(partSet.length)];
      unary[i] = rnd.nextDouble() * 4 - 2;
    }
    List<GroupingProblem.Link> links = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        for (int[] e : edges) {
          if (parts[i] == e[0] && parts[j] == e[1] || parts[i] == e[1] && parts[j] == e[0]) {
            links.add(new GroupingProblem.Link(i, j, rnd.nextDouble() * 5 - 2));
          }
        }
      }
    }
    return new GroupingProblem(parts, unary, links);
  }

  /** The optimum over every 0/1 labeling of candidates and links that keeps each person to one part each. */
  private static double bruteForce(GroupingProblem p) {
    int n = p.size();
    int m = p.links().size();
    double best = Double.NEGATIVE_INFINITY;
    for (long bits = 0; bits < 1L << (n + m); bits++) {
      boolean[] kept = new boolean[n];
      boolean[] linked = new boolean[m];
      for (int i = 0; i < n; i++) {
        kept[i] = (bits >> i & 1) == 1;
      }
      boolean ok = true;
      for (int l = 0; l < m && ok; l++) {
        linked[l] = (bits >> (n + l) & 1) == 1;
        ok = !linked[l] || kept[p.links().get(l).i()] && kept[p.links().get(l).j()];
      }
      if (ok && MulticutSolver.violatedPaths(p, linked).isEmpty()) {
        best = Math.max(best, p.objective(kept, linked));
      }
    }
    return best;
  }

  @Test
  void optimumEqualsBruteForceOnSmallInstances() {
    Random rnd = new Random(11);
    MulticutSolver solver = new MulticutSolver(10_000);
    int withCuts = 0;
    for (int trial = 0; trial < 40; trial++) {
      GroupingProblem p = random(rnd, 5 + trial % 3);
      if (p.links().size() > 12) {
        continue;
      }
      Grouping g = solver.solve(p);
      assertTrue(g.optimal(), g.status());
      assertEquals(bruteForce(p), g.objective(), 1e-6, "trial " + trial);
      assertTrue(MulticutSolver.violatedPaths(p, g.linked()).isEmpty());
      withCuts += g.cuts() > 0 ? 1 : 0;
    }
    assertTrue(withCuts > 0, "some instances needed lazy cuts");
  }

  @Test
  void lazyCutsReachTheOptimumOfAllTrianglesUpFront() {
    Random rnd = new Random(7);
    MulticutSolver solver = new MulticutSolver(10_000);
    for (int trial = 0; trial < 20; trial++) {
      GroupingProblem p = random(rnd, 8 + trial % 8);
      Grouping lazy = solver.solve(p, false);
      Grouping full = solver.solve(p, true);
      assertTrue(lazy.optimal() && full.optimal());
      assertEquals(full.objective(), lazy.objective(), 1e-6, "trial " + trial);
      assertTrue(lazy.cuts() <= full.cuts() || lazy.rounds() > 1);
    }
  }
}
