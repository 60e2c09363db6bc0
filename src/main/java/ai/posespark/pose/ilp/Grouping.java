package ai.posespark.pose.ilp;

/**
 * A solution of a {@link GroupingProblem}.
 *
 * @param kept      x_i: candidate i is a part of some person
 * @param linked    y_l: link l joins one person's parts
 * @param objective the objective of this solution
 * @param optimal   whether the solver proved it optimal within the time limit
 * @param status    the solver's last status (OPTIMAL, FEASIBLE, NOT_SOLVED, ...)
 * @param rounds    solves run (1 + rounds that added violated constraints)
 * @param cuts      lazy constraints added
 */
public record Grouping(boolean[] kept, boolean[] linked, double objective, boolean optimal, String status,
                       int rounds, int cuts) {

  /**
   * The people of this solution: per candidate the lowest candidate index of its connected component of kept
   * links, -1 for a candidate not kept.
   */
  public int[] components(GroupingProblem problem) {
    int n = problem.size();
    int[] root = new int[n];
    for (int i = 0; i < n; i++) {
      root[i] = i;
    }
    for (int l = 0; l < linked.length; l++) {
      if (linked[l]) {
        int a = find(root, problem.links().get(l).i());
        int b = find(root, problem.links().get(l).j());
        root[Math.max(a, b)] = Math.min(a, b);
      }
    }
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = kept[i] ? find(root, i) : -1;
    }
    return out;
  }

  private static int find(int[] root, int i) {
    while (root[i] != i) {
      root[i] = root[root[i]];
      i = root[i];
    }
    return i;
  }
}
