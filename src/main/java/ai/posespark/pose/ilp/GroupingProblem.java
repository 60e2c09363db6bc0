package ai.posespark.pose.ilp;

import java.util.List;

/**
 * One image's grouping instance: part candidates as nodes and same-person links between candidates of parts
 * adjacent in the skeleton's tree. Costs are log-odds (positive: worth keeping / joining).
 *
 * @param parts  part (keypoint index) of each candidate
 * @param unary  log(p / (1 − p)) of each candidate being a real part
 * @param links  candidate pairs that may belong to one person, each with its log-odds
 */
public record GroupingProblem(int[] parts, double[] unary, List<Link> links) {

  /**
   * A possible same-person pair.
   *
   * @param i    one candidate
   * @param j    the other
   * @param cost log(p / (1 − p)) of the two being one person's parts
   */
  public record Link(int i, int j, double cost) {}

  public GroupingProblem {
    if (parts.length != unary.length) {
      throw new IllegalArgumentException(parts.length + " parts but " + unary.length + " unary costs");
    }
    links = List.copyOf(links);
  }

  /** log(p / (1 − p)), p clamped to [1e-6, 1 − 1e-6] (a float sigmoid reaches 1): a cost of this program. */
  public static double logOdds(double p) {
    double q = Math.max(1e-6, Math.min(1 - 1e-6, p));
    return Math.log(q / (1 - q));
  }

  /** Candidates. */
  public int size() {
    return parts.length;
  }

  /** The objective of a labeling: unary costs of kept candidates plus costs of kept links. */
  public double objective(boolean[] kept, boolean[] linked) {
    double sum = 0;
    for (int i = 0; i < parts.length; i++) {
      sum += kept[i] ? unary[i] : 0;
    }
    for (int l = 0; l < links.size(); l++) {
      sum += linked[l] ? links.get(l).cost() : 0;
    }
    return sum;
  }
}
