package ai.posespark.pose.ilp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.data.Coco17;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * DeeperCut's incremental optimisation checked against a brute force of its own definition (each stage the best
 * labeling of its candidates with the earlier stages' choices held), and against the joint optimum it may miss.
 */
class IncrementalMulticutTest {
  /** Nose, left shoulder (stage 0), left elbow, left wrist (stage 1), left hip (stage 2). */
  private static final int[] PARTS = {Coco17.NOSE, Coco17.LEFT_SHOULDER, Coco17.LEFT_ELBOW, Coco17.LEFT_WRIST,
      Coco17.LEFT_HIP};
  private static final int[][] EDGES = {{0, 5}, {5, 7}, {7, 9}, {5, 11}};
  private static final int[] STAGES = IncrementalMulticut.COCO17_STAGES;

  private static GroupingProblem random(Random rnd, int n) {
    return MulticutSolverTest.random(rnd, n, PARTS, EDGES);
  }

  /**
   * The best feasible labeling with candidates of stages after {@code stage} dropped and those of earlier stages,
   * and links between them, held at {@code kept} / {@code linked}; null when the instance is too big to enumerate.
   */
  private static boolean[][] bruteStage(GroupingProblem p, int stage, boolean[] kept, boolean[] linked) {
    int n = p.size();
    int m = p.links().size();
    double best = Double.NEGATIVE_INFINITY;
    boolean[][] arg = null;
    for (long bits = 0; bits < 1L << (n + m); bits++) {
      boolean[] k = new boolean[n];
      boolean[] y = new boolean[m];
      boolean ok = true;
      for (int i = 0; i < n && ok; i++) {
        k[i] = (bits >> i & 1) == 1;
        int s = STAGES[p.parts()[i]];
        ok = s < stage ? k[i] == kept[i] : s == stage || !k[i];
      }
      for (int l = 0; l < m && ok; l++) {
        GroupingProblem.Link link = p.links().get(l);
        y[l] = (bits >> (n + l) & 1) == 1;
        boolean settled = STAGES[p.parts()[link.i()]] < stage && STAGES[p.parts()[link.j()]] < stage;
        ok = (!y[l] || k[link.i()] && k[link.j()]) && (!settled || y[l] == linked[l]);
      }
      if (ok && MulticutSolver.violatedPaths(p, y).isEmpty() && p.objective(k, y) > best + 1e-12) {
        best = p.objective(k, y);
        arg = new boolean[][] {k, y};
      }
    }
    return arg;
  }

  @Test
  void eachStageIsTheBestGivenTheEarlierOnes() {
    Random rnd = new Random(5);
    MulticutSolver solver = new MulticutSolver(10_000);
    IncrementalMulticut incremental = new IncrementalMulticut(solver, STAGES);
    int checked = 0;
    int belowJoint = 0;
    for (int trial = 0; trial < 60 && checked < 25; trial++) {
      GroupingProblem p = random(rnd, 5 + trial % 3);
      if (p.size() + p.links().size() > 17) {
        continue;
      }
      boolean[] kept = new boolean[p.size()];
      boolean[] linked = new boolean[p.links().size()];
      for (int stage = 0; stage < 3; stage++) {
        boolean[][] best = bruteStage(p, stage, kept, linked);
        kept = best[0];
        linked = best[1];
      }
      Grouping g = incremental.solve(p);
      assertTrue(g.optimal(), g.status());
      assertEquals(p.objective(kept, linked), g.objective(), 1e-6, "trial " + trial);
      assertTrue(MulticutSolver.violatedPaths(p, g.linked()).isEmpty());
      Grouping joint = solver.solve(p);
      assertTrue(g.objective() <= joint.objective() + 1e-6, "never above the joint optimum");
      belowJoint += g.objective() < joint.objective() - 1e-6 ? 1 : 0;
      checked++;
    }
    assertTrue(checked >= 20, "enough small instances: " + checked);
    System.out.printf("incremental: %d of %d instances below the joint optimum%n", belowJoint, checked);
  }

  @Test
  void separatedPeopleComeOutAsTheJointOptimumDoes() {
    // two people, each nose–shoulder–elbow–wrist and shoulder–hip, strongly linked within and weakly across
    int[] parts = {0, 5, 7, 9, 11, 0, 5, 7, 9, 11};
    double[] unary = new double[10];
    java.util.Arrays.fill(unary, 2);
    List<GroupingProblem.Link> links = new ArrayList<>();
    int[][] within = {{0, 1}, {1, 2}, {2, 3}, {1, 4}};
    for (int person = 0; person < 2; person++) {
      for (int[] e : within) {
        links.add(new GroupingProblem.Link(5 * person + e[0], 5 * person + e[1], 4));
        links.add(new GroupingProblem.Link(5 * person + e[0], 5 * (1 - person) + e[1], 0.5));
      }
    }
    GroupingProblem p = new GroupingProblem(parts, unary, links);
    MulticutSolver solver = new MulticutSolver(10_000);
    Grouping joint = solver.solve(p);
    Grouping g = new IncrementalMulticut(solver, STAGES).solve(p);
    assertArrayEquals(joint.kept(), g.kept());
    assertArrayEquals(joint.linked(), g.linked());
    assertTrue(g.rounds() >= 3, "a solve per stage: " + g.rounds());
  }
}
