package ai.posespark.pose.ilp;

import ai.posespark.data.Coco17;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * DeeperCut's incremental optimisation (Insafutdinov et al. 2016, §4.3): the program is solved part group by part
 * group — head and shoulders first, then arms, then legs — each stage over the candidates of its parts plus the
 * people found so far, whose kept candidates and links stay fixed at 1 (dropped candidates and cut links of earlier
 * stages are left out). Each stage is a small problem where the full one couples every candidate of the image; the
 * price is that a stage cannot revise an earlier one's choice, so the result is optimal per stage given the earlier
 * stages ({@link Grouping#optimal()}), not necessarily the joint optimum.
 */
public final class IncrementalMulticut {
  /**
   * COCO-17 parts by stage: 0 head and shoulders (nose, eyes, ears, shoulders), 1 arms (elbows, wrists), 2 legs
   * (hips, knees, ankles), DeeperCut's order.
   */
  public static final int[] COCO17_STAGES = stages();

  private final MulticutSolver solver;
  private final int[] stageOfPart;

  /**
   * @param solver      solves each stage; its time limit bounds all stages together
   * @param stageOfPart the stage (0, 1, ...) of each part index
   */
  public IncrementalMulticut(MulticutSolver solver, int[] stageOfPart) {
    this.solver = solver;
    this.stageOfPart = stageOfPart.clone();
  }

  /** The stage-by-stage solution of {@code problem}; not optimal when a stage ran out of time. */
  public Grouping solve(GroupingProblem problem) {
    long deadline = solver.deadlineFromNow();
    int n = problem.size();
    List<GroupingProblem.Link> links = problem.links();
    boolean[] kept = new boolean[n];
    boolean[] linked = new boolean[links.size()];
    boolean[] decided = new boolean[n];
    int rounds = 0;
    int cuts = 0;
    int stages = Arrays.stream(stageOfPart).max().orElse(0) + 1;
    for (int s = 0; s < stages; s++) {
      int[] local = new int[n];
      Arrays.fill(local, -1);
      List<Integer> nodes = new ArrayList<>();
      boolean fresh = false;
      for (int i = 0; i < n; i++) {
        boolean now = !decided[i] && stageOfPart[problem.parts()[i]] == s;
        if (now || decided[i] && kept[i]) {
          local[i] = nodes.size();
          nodes.add(i);
          fresh |= now;
        }
      }
      if (!fresh) {
        continue;
      }
      List<Integer> subLinks = new ArrayList<>();
      for (int l = 0; l < links.size(); l++) {
        GroupingProblem.Link link = links.get(l);
        boolean settled = decided[link.i()] && decided[link.j()];
        if (local[link.i()] >= 0 && local[link.j()] >= 0 && (!settled || linked[l])) {
          subLinks.add(l);
        }
      }
      int[] parts = new int[nodes.size()];
      double[] unary = new double[nodes.size()];
      boolean[] keptFixed = new boolean[nodes.size()];
      for (int k = 0; k < nodes.size(); k++) {
        int i = nodes.get(k);
        parts[k] = problem.parts()[i];
        unary[k] = problem.unary()[i];
        keptFixed[k] = decided[i];
      }
      List<GroupingProblem.Link> sub = new ArrayList<>(subLinks.size());
      boolean[] linkedFixed = new boolean[subLinks.size()];
      for (int k = 0; k < subLinks.size(); k++) {
        GroupingProblem.Link link = links.get(subLinks.get(k));
        sub.add(new GroupingProblem.Link(local[link.i()], local[link.j()], link.cost()));
        linkedFixed[k] = decided[link.i()] && decided[link.j()];
      }
      Grouping g = solver.solve(new GroupingProblem(parts, unary, sub), keptFixed, linkedFixed, false, deadline);
      rounds += g.rounds();
      cuts += g.cuts();
      if (!g.optimal()) {
        return new Grouping(kept, linked, problem.objective(kept, linked), false, g.status(), rounds, cuts);
      }
      for (int k = 0; k < nodes.size(); k++) {
        kept[nodes.get(k)] = g.kept()[k];
        decided[nodes.get(k)] = true;
      }
      for (int k = 0; k < subLinks.size(); k++) {
        linked[subLinks.get(k)] = g.linked()[k];
      }
    }
    return new Grouping(kept, linked, problem.objective(kept, linked), true, "OPTIMAL", rounds, cuts);
  }

  private static int[] stages() {
    int[] out = new int[Coco17.K];
    for (int k : new int[] {Coco17.LEFT_ELBOW, Coco17.RIGHT_ELBOW, Coco17.LEFT_WRIST, Coco17.RIGHT_WRIST}) {
      out[k] = 1;
    }
    for (int k = Coco17.LEFT_HIP; k < Coco17.K; k++) {
      out[k] = 2;
    }
    return out;
  }
}
