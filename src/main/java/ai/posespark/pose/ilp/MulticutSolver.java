package ai.posespark.pose.ilp;

import ai.posespark.OrToolsNatives;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Solves a {@link GroupingProblem} exactly with SCIP (OR-Tools {@code MPSolver}):
 * <pre>
 *   max  Σ u_i x_i + Σ w_ij y_ij
 *   s.t. y_ij ≤ x_i, y_ij ≤ x_j                                   (a link needs both parts kept)
 *        Σ_{e ∈ P} y_e ≤ |P| − 1  for every path P between two candidates of the same part   (cycle constraints)
 *        x, y ∈ {0, 1}
 * </pre>
 * This is DeepCut's multicut on the complete candidate graph with the pairs of one part fixed cut (one candidate
 * per part per person) and zero cost on pairs of non-adjacent parts: a same-part pair closes a cycle with any path
 * joining them, so its cycle inequality reads as the path constraint above; for a path of two links
 * (i − j − k, i and k the same part) it is DeepCut's triangle y_ij + y_jk − y_ik ≤ 1 with y_ik = 0. Links with
 * cost ≤ 0 are never needed (dropping a link only removes violations), so the caller may leave them out.
 * The exponentially many path constraints are added lazily (OR-Tools' Java API has no lazy-constraint callback):
 * solve, take the kept links' connected components, add the shortest path between every two same-part candidates
 * of a component, re-solve with the previous solution as a hint, until no component holds a part twice.
 */
public final class MulticutSolver {
  private final long timeLimitMs;

  /** @param timeLimitMs solver time for all rounds of one problem together */
  public MulticutSolver(long timeLimitMs) {
    if (timeLimitMs <= 0) {
      throw new IllegalArgumentException("ilp: timeLimitMs " + timeLimitMs + " must be positive");
    }
    this.timeLimitMs = timeLimitMs;
  }

  /** Lazily constrained optimum of {@code problem}. */
  public Grouping solve(GroupingProblem problem) {
    return solve(problem, false);
  }

  /**
   * @param allTriangles add every two-link path constraint (DeepCut's triangles) before the first solve instead
   *                     of lazily; longer paths are still added lazily
   */
  public Grouping solve(GroupingProblem problem, boolean allTriangles) {
    return solve(problem, null, null, allTriangles, deadlineFromNow());
  }

  /**
   * The deadline of a solve (or of a series, {@link IncrementalMulticut}) starting now; the natives are loaded
   * first, so that their one-off load does not count against the time limit.
   */
  long deadlineFromNow() {
    OrToolsNatives.load();
    return System.nanoTime() + timeLimitMs * 1_000_000L;
  }

  /**
   * The optimum with some variables held at 1 (the parts and links an earlier stage of {@link IncrementalMulticut}
   * decided).
   *
   * @param keptFixed   candidates that must be kept; null: none
   * @param linkedFixed links that must be kept; null: none
   * @param deadline    {@link System#nanoTime()} by which all rounds must end
   */
  Grouping solve(GroupingProblem problem, boolean[] keptFixed, boolean[] linkedFixed, boolean allTriangles,
      long deadline) {
    OrToolsNatives.load();
    MPSolver solver = MPSolver.createSolver("SCIP");
    if (solver == null) {
      throw new IllegalStateException("ilp: OR-Tools has no SCIP solver");
    }
    try {
      return solve(problem, keptFixed, linkedFixed, allTriangles, solver, deadline);
    } finally {
      solver.delete();
    }
  }

  private Grouping solve(GroupingProblem problem, boolean[] keptFixed, boolean[] linkedFixed, boolean allTriangles,
      MPSolver solver, long deadline) {
    int n = problem.size();
    List<GroupingProblem.Link> links = problem.links();
    MPVariable[] x = new MPVariable[n];
    MPVariable[] y = new MPVariable[links.size()];
    MPObjective objective = solver.objective();
    for (int i = 0; i < n; i++) {
      x[i] = solver.makeIntVar(keptFixed != null && keptFixed[i] ? 1 : 0, 1, "x" + i);
      objective.setCoefficient(x[i], problem.unary()[i]);
    }
    for (int l = 0; l < links.size(); l++) {
      GroupingProblem.Link link = links.get(l);
      y[l] = solver.makeIntVar(linkedFixed != null && linkedFixed[l] ? 1 : 0, 1, "y" + l);
      objective.setCoefficient(y[l], link.cost());
      for (int end : new int[] {link.i(), link.j()}) {
        MPConstraint c = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0);
        c.setCoefficient(y[l], 1);
        c.setCoefficient(x[end], -1);
      }
    }
    objective.setMaximization();
    Set<List<Integer>> added = new HashSet<>();
    int cuts = allTriangles ? addPaths(solver, y, twoLinkPaths(problem), added) : 0;
    boolean[] kept = new boolean[n];
    boolean[] linked = new boolean[links.size()];
    for (int round = 1; ; round++) {
      long leftMs = (deadline - System.nanoTime()) / 1_000_000L;
      if (leftMs <= 0) {
        return new Grouping(kept, linked, problem.objective(kept, linked), false, "TIME_LIMIT", round - 1, cuts);
      }
      solver.setTimeLimit(leftMs);
      MPSolver.ResultStatus status = solver.solve();
      if (status != MPSolver.ResultStatus.OPTIMAL) {
        return new Grouping(kept, linked, problem.objective(kept, linked), false, status.name(), round, cuts);
      }
      for (int i = 0; i < n; i++) {
        kept[i] = x[i].solutionValue() > 0.5;
      }
      for (int l = 0; l < links.size(); l++) {
        linked[l] = y[l].solutionValue() > 0.5;
      }
      int newCuts = addPaths(solver, y, violatedPaths(problem, linked), added);
      if (newCuts == 0) {
        return new Grouping(kept, linked, problem.objective(kept, linked), true, status.name(), round, cuts);
      }
      cuts += newCuts;
      MPVariable[] all = new MPVariable[n + y.length];
      double[] values = new double[all.length];
      for (int i = 0; i < n; i++) {
        all[i] = x[i];
        values[i] = kept[i] ? 1 : 0;
      }
      for (int l = 0; l < y.length; l++) {
        all[n + l] = y[l];
        values[n + l] = linked[l] ? 1 : 0;
      }
      // the hint is infeasible now (it violates the new cuts) but SCIP repairs it from there
      solver.setHint(all, values);
    }
  }

  /** Adds Σ y ≤ |P| − 1 for each path not added before; returns how many were new. */
  private static int addPaths(MPSolver solver, MPVariable[] y, List<List<Integer>> paths, Set<List<Integer>> added) {
    int count = 0;
    for (List<Integer> path : paths) {
      List<Integer> key = new ArrayList<>(path);
      key.sort(null);
      if (added.add(key)) {
        MPConstraint c = solver.makeConstraint(Double.NEGATIVE_INFINITY, path.size() - 1);
        for (int l : path) {
          c.setCoefficient(y[l], 1);
        }
        count++;
      }
    }
    return count;
  }

  /** Every pair of links sharing a candidate whose other ends are the same part, as link-index paths. */
  static List<List<Integer>> twoLinkPaths(GroupingProblem problem) {
    List<GroupingProblem.Link> links = problem.links();
    List<List<Integer>> paths = new ArrayList<>();
    for (int a = 0; a < links.size(); a++) {
      for (int b = a + 1; b < links.size(); b++) {
        int shared = shared(links.get(a), links.get(b));
        if (shared >= 0 && problem.parts()[other(links.get(a), shared)] == problem.parts()[other(links.get(b),
            shared)]) {
          paths.add(List.of(a, b));
        }
      }
    }
    return paths;
  }

  /**
   * In the graph of the kept links, the shortest path between every two candidates of one part in one connected
   * component: the violated cycle constraints of this integer solution.
   */
  static List<List<Integer>> violatedPaths(GroupingProblem problem, boolean[] linked) {
    int n = problem.size();
    List<List<Integer>> adjacent = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      adjacent.add(new ArrayList<>());
    }
    List<GroupingProblem.Link> links = problem.links();
    for (int l = 0; l < links.size(); l++) {
      if (linked[l]) {
        adjacent.get(links.get(l).i()).add(l);
        adjacent.get(links.get(l).j()).add(l);
      }
    }
    List<List<Integer>> paths = new ArrayList<>();
    for (int s = 0; s < n; s++) {
      // breadth-first from s; a same-part candidate t > s reached gives one path (each pair once)
      int[] via = new int[n];
      Arrays.fill(via, -2);
      via[s] = -1;
      ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(s));
      while (!queue.isEmpty()) {
        int u = queue.poll();
        for (int l : adjacent.get(u)) {
          int v = other(links.get(l), u);
          if (via[v] == -2) {
            via[v] = l;
            queue.add(v);
          }
        }
      }
      for (int t = s + 1; t < n; t++) {
        if (via[t] != -2 && problem.parts()[t] == problem.parts()[s]) {
          List<Integer> path = new ArrayList<>();
          for (int v = t; v != s; v = other(links.get(via[v]), v)) {
            path.add(via[v]);
          }
          paths.add(path);
        }
      }
    }
    return paths;
  }

  private static int shared(GroupingProblem.Link a, GroupingProblem.Link b) {
    return a.i() == b.i() || a.i() == b.j() ? a.i() : a.j() == b.i() || a.j() == b.j() ? a.j() : -1;
  }

  private static int other(GroupingProblem.Link link, int end) {
    return link.i() == end ? link.j() : link.i();
  }
}
