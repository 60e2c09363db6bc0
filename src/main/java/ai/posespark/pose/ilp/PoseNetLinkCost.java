package ai.posespark.pose.ilp;

import ai.posespark.pose.Skeleton;

/**
 * The same-person probability of a PoseNet link between candidates of the two parts of a
 * {@link Skeleton#POSENET_EDGES} edge, from the model's own evidence and a per-limb distance prior:
 * <ul>
 *   <li><b>displacement agreement</b>: the forward displacement at the parent's cell predicts the child, the
 *       backward one at the child's cell predicts the parent; with miss distances {@code d_f, d_b} the term is
 *       {@code exp(−(d_f² + d_b²) / 4σ²)}, the geometric mean of the two Gaussians;</li>
 *   <li><b>distance prior</b>: a link no longer than the longest such limb annotated in {@code ../shared/data}
 *       ({@link #LONGEST}) costs nothing; beyond it the term falls off as a Gaussian of the excess with the
 *       annotated lengths' standard deviation ({@link #SPREAD}), {@code exp(−max(0, d − L)² / 2s²)}. PoseNet
 *       has no person scale before grouping, so the prior bounds a limb's length in input pixels rather than
 *       scoring its ratio to the body: lengths inside the annotated range are all equally plausible.</li>
 * </ul>
 * {@code p = maxLinkProbability · agreement · prior}, and the link's cost is log(p / (1 − p)).
 */
public final class PoseNetLinkCost {
  /**
   * Per edge, the longest annotated limb in PoseNet input pixels (385 × 385 letterbox: image lengths × 385 /
   * max(w, h)), measured by {@code LimbLengthPriorsTest} over every labelled limb of the COCO, AIC (→ COCO-17,
   * real points only) and PoseTrack18 annotations in {@code ../shared/data}, a left limb pooled with its right
   * twin (13 to 64 lengths per limb).
   */
  static final double[] LONGEST = {6.4, 14.2, 6.4, 14.2, 73.2, 82.9, 69.4, 127.5, 98.5, 67.0, 73.2, 82.9, 69.4, 127.5,
      98.5, 67.0};

  /** Per edge, the standard deviation of those lengths, input pixels (same measurement). */
  static final double[] SPREAD = {1.3, 3.3, 1.3, 3.3, 12.0, 20.0, 16.1, 31.4, 19.1, 15.0, 12.0, 20.0, 16.1, 31.4, 19.1,
      15.0};

  private final double sigma;
  private final double maxLinkProbability;

  /**
   * @param sigma              pixels, the displacement miss Gaussian's σ
   * @param maxLinkProbability the probability of a link whose displacements hit exactly and whose length is
   *                           within the prior
   */
  public PoseNetLinkCost(double sigma, double maxLinkProbability) {
    this.sigma = sigma;
    this.maxLinkProbability = maxLinkProbability;
  }

  /**
   * The same-person probability of a link along {@code edge}.
   *
   * @param forwardMiss2  squared distance, pixels², between the child and where the parent's forward
   *                      displacement points
   * @param backwardMiss2 the same for the parent and the child's backward displacement
   * @param length        distance between the two candidates, pixels
   */
  public double probability(int edge, double forwardMiss2, double backwardMiss2, double length) {
    double agreement = Math.exp(-(forwardMiss2 + backwardMiss2) / (4 * sigma * sigma));
    double excess = Math.max(0, length - LONGEST[edge]);
    double prior = Math.exp(-excess * excess / (2 * SPREAD[edge] * SPREAD[edge]));
    return maxLinkProbability * agreement * prior;
  }
}
