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
                       int rounds, int cuts) {}
