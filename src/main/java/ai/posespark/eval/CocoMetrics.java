package ai.posespark.eval;

import java.util.List;

/**
 * The outcome of COCO keypoint evaluation, shaped like pycocotools' {@code COCOeval.eval} and {@code stats}.
 *
 * @param params        the parameters used
 * @param categoryIds   evaluated categories, ascending
 * @param precision     {@code [T][R][K][A]} (maxDets has a single value, 20); -1 where there is no GT
 * @param recall        {@code [T][K][A]}; -1 where there is no GT
 * @param numImages     evaluated (image, category) pairs with GT or detections
 * @param numDetections detections evaluated (after the per-image top-20 cut)
 * @param numGtNotIgnored non-ignored GT persons (area all): the recall denominator
 * @param keypoints     per-keypoint diagnostics
 */
public record CocoMetrics(OksParams params, int[] categoryIds, double[][][][] precision, double[][][] recall,
    long numImages, long numDetections, long numGtNotIgnored, KeypointStats keypoints) {

  /** Labels of {@link #stats}, pycocotools' summary lines in order. */
  public static final List<String> STAT_NAMES = List.of("AP", "AP50", "AP75", "AP_M", "AP_L",
      "AR", "AR50", "AR75", "AR_M", "AR_L");

  /**
   * pycocotools' {@code _summarize}: the mean of the selected entries that are &gt; -1 (numpy's pairwise mean),
   * or -1 when there are none.
   *
   * @param ap        precision (true) or recall (false)
   * @param threshold an OKS threshold, or NaN for all ten
   * @param area      index into {@link OksParams#AREA_LABELS}
   */
  public double summarize(boolean ap, double threshold, int area) {
    int nT = params.iouThrs.length, nR = params.recThrs.length, nK = categoryIds.length;
    int t0 = 0, t1 = nT;
    if (!Double.isNaN(threshold)) {
      t0 = params.thresholdIndex(threshold);
      t1 = t0 + 1;
    }
    double[] sel = new double[nT * nR * Math.max(nK, 1)];
    int n = 0;
    for (int t = t0; t < t1; t++) {
      if (ap) {
        for (int r = 0; r < nR; r++) {
          for (int k = 0; k < nK; k++) {
            double v = precision[t][r][k][area];
            if (v > -1) {
              sel[n++] = v;
            }
          }
        }
      } else {
        for (int k = 0; k < nK; k++) {
          double v = recall[t][k][area];
          if (v > -1) {
            sel[n++] = v;
          }
        }
      }
    }
    return n == 0 ? -1 : NumpyMath.mean(sel, n);
  }

  /**
   * The 10 numbers of {@code COCOeval.stats} for keypoints, in pycocotools' order ({@code _summarizeKps}):
   * AP, AP50, AP75, AP medium, AP large, then the same for AR; all at maxDets 20.
   */
  public double[] stats() {
    double all = Double.NaN;
    return new double[] {
        summarize(true, all, 0), summarize(true, .5, 0), summarize(true, .75, 0),
        summarize(true, all, 1), summarize(true, all, 2),
        summarize(false, all, 0), summarize(false, .5, 0), summarize(false, .75, 0),
        summarize(false, all, 1), summarize(false, all, 2)};
  }

  /** AP (ap = true) or AR at each OKS threshold for one area range: {@link #summarize} per threshold. */
  public double[] perThreshold(boolean ap, int area) {
    double[] out = new double[params.iouThrs.length];
    for (int t = 0; t < out.length; t++) {
      out[t] = summarize(ap, params.iouThrs[t], area);
    }
    return out;
  }
}
