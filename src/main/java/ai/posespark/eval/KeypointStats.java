package ai.posespark.eval;

import java.io.Serializable;

/**
 * Per-keypoint diagnostics, summed over images: for the non-ignored ground-truth persons (area all) and their
 * labelled keypoints, how often the person was found (matched at OKS 0.5) and how well each keypoint was placed.
 * Mergeable, so Spark can sum partial results.
 */
public final class KeypointStats implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Normalised-distance thresholds of the PCK columns (distance / max(GT box width, height)). */
  public static final double[] PCK_THRESHOLDS = {0.05, 0.1, 0.2};
  /** Keypoint-similarity thresholds of the ks columns (exp(−e), the keypoint's own OKS term). */
  public static final double[] KS_THRESHOLDS = {0.5, 0.75};

  /** Labelled keypoints of non-ignored GT persons. */
  public final long[] labelled;
  /** Of those, keypoints whose person matched a detection at OKS 0.5. */
  public final long[] matched;
  /** Sum of the keypoint similarity over matched keypoints. */
  public final double[] sumKs;
  /** {@code [threshold][k]}: matched keypoints with similarity ≥ KS_THRESHOLDS[threshold]. */
  public final long[][] ksAtLeast;
  /** {@code [threshold][k]}: matched keypoints within PCK_THRESHOLDS[threshold] × box size. */
  public final long[][] pckWithin;

  /** Zero counts for {@code k} keypoints. */
  public KeypointStats(int k) {
    labelled = new long[k];
    matched = new long[k];
    sumKs = new double[k];
    ksAtLeast = new long[KS_THRESHOLDS.length][k];
    pckWithin = new long[PCK_THRESHOLDS.length][k];
  }

  /** Number of keypoints. */
  public int size() {
    return labelled.length;
  }

  /** Counts the labelled keypoints of a non-ignored GT person. */
  void addGt(EvalGt gt) {
    double[] g = gt.keypoints();
    for (int k = 0; k < labelled.length; k++) {
      labelled[k] += g[3 * k + 2] > 0 ? 1 : 0;
    }
  }

  /** Adds a GT person's match: {@code ks} per keypoint from {@link Oks#oks} and the detection's points. */
  void addMatch(EvalGt gt, double[] dt, double[] ks) {
    double[] g = gt.keypoints();
    double size = Math.max(gt.bbox()[2], gt.bbox()[3]);
    for (int k = 0; k < labelled.length; k++) {
      if (!(g[3 * k + 2] > 0)) {
        continue;
      }
      matched[k]++;
      sumKs[k] += ks[k];
      for (int t = 0; t < KS_THRESHOLDS.length; t++) {
        ksAtLeast[t][k] += ks[k] >= KS_THRESHOLDS[t] ? 1 : 0;
      }
      double d = Math.hypot(dt[3 * k] - g[3 * k], dt[3 * k + 1] - g[3 * k + 1]);
      for (int t = 0; t < PCK_THRESHOLDS.length; t++) {
        pckWithin[t][k] += d <= PCK_THRESHOLDS[t] * size ? 1 : 0;
      }
    }
  }

  /** Adds {@code o} into this; returns this. */
  public KeypointStats merge(KeypointStats o) {
    for (int k = 0; k < labelled.length; k++) {
      labelled[k] += o.labelled[k];
      matched[k] += o.matched[k];
      sumKs[k] += o.sumKs[k];
      for (int t = 0; t < KS_THRESHOLDS.length; t++) {
        ksAtLeast[t][k] += o.ksAtLeast[t][k];
      }
      for (int t = 0; t < PCK_THRESHOLDS.length; t++) {
        pckWithin[t][k] += o.pckWithin[t][k];
      }
    }
    return this;
  }
}
