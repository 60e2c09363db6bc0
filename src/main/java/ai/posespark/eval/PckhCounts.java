package ai.posespark.eval;

import ai.posespark.data.Mpii16;
import ai.posespark.data.MpiiPerson;
import java.io.Serializable;

/**
 * Per-joint PCKh counts, mergeable (a Spark aggregation's zero / add / merge). Follows the official MPII
 * evaluation: only joints with {@code joints_vis == 1} count; a joint is correct when its distance to the ground
 * truth, divided by the person's head size, is {@code <=} the threshold.
 */
public final class PckhCounts implements Serializable {
  private static final long serialVersionUID = 1L;
  /** The two reported thresholds. */
  public static final double[] THRESHOLDS = {0.5, 0.1};

  /** Annotated (visible) joint instances per joint. */
  public final long[] count = new long[Mpii16.K];
  /** {@code [threshold][joint]}: correct instances. */
  public final long[][] correct = new long[THRESHOLDS.length][Mpii16.K];
  /** Persons skipped because they have no head box (nothing of them is counted). */
  public long personsWithoutHeadbox;

  /**
   * Adds one person.
   *
   * @param gt   the annotated person
   * @param pred {@code [16][2]} predicted joints in the ground truth's pixel frame, or null when the person was
   *             not predicted (then every annotated joint counts as wrong)
   * @return this
   */
  public PckhCounts add(MpiiPerson gt, double[][] pred) {
    double head = gt.headSize();
    if (!(head > 0)) {
      personsWithoutHeadbox++;
      return this;
    }
    for (int j = 0; j < Mpii16.K; j++) {
      if (!gt.visible()[j]) {
        continue;
      }
      count[j]++;
      double d = normalisedDistance(gt, pred, j, head);
      for (int t = 0; t < THRESHOLDS.length; t++) {
        correct[t][j] += d <= THRESHOLDS[t] ? 1 : 0;
      }
    }
    return this;
  }

  /** Distance of joint {@code j} divided by the head size; +∞ without a prediction. */
  static double normalisedDistance(MpiiPerson gt, double[][] pred, int j, double head) {
    if (pred == null || pred[j] == null) {
      return Double.POSITIVE_INFINITY;
    }
    double dx = pred[j][0] - gt.joints()[j][0], dy = pred[j][1] - gt.joints()[j][1];
    return Math.sqrt(dx * dx + dy * dy) / head;
  }

  /** Adds {@code o} into this; returns this. */
  public PckhCounts merge(PckhCounts o) {
    for (int j = 0; j < Mpii16.K; j++) {
      count[j] += o.count[j];
      for (int t = 0; t < THRESHOLDS.length; t++) {
        correct[t][j] += o.correct[t][j];
      }
    }
    personsWithoutHeadbox += o.personsWithoutHeadbox;
    return this;
  }

  /** The percentages and tables. */
  public PckhMetrics result(boolean approximatedFromCoco) {
    return new PckhMetrics(count.clone(), new long[][] {correct[0].clone(), correct[1].clone()},
        approximatedFromCoco, personsWithoutHeadbox);
  }
}
