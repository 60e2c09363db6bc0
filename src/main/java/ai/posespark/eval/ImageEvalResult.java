package ai.posespark.eval;

import java.io.Serializable;

/**
 * What accumulation needs from one (image, category): compact enough to collect for millions of detections.
 *
 * @param imageId         image id
 * @param categoryId      category
 * @param numGtNotIgnored per area range, GTs that count in recall
 * @param scores          detection scores in evaluation order (score descending, ties by order), top maxDets
 * @param status          {@code [area][threshold][detection]} flattened: {@link #TP}, {@link #FP} or
 *                        {@link #IGNORED}
 * @param keypointStats   per-keypoint partial sums of this image (area all, OKS 0.5)
 */
public record ImageEvalResult(long imageId, int categoryId, int[] numGtNotIgnored, double[] scores, byte[] status,
    KeypointStats keypointStats) implements Serializable {
  /** Detection is a true positive. */
  public static final byte TP = 1;
  /** Detection is a false positive. */
  public static final byte FP = 2;
  /** Detection is neither (matched an ignored GT, or outside the area range). */
  public static final byte IGNORED = 0;

  /** Status of detection {@code d} for area {@code a} at threshold {@code t} ({@code nT} thresholds). */
  public byte status(int a, int t, int d, int nT) {
    return status[(a * nT + t) * scores.length + d];
  }
}
