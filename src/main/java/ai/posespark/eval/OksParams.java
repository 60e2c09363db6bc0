package ai.posespark.eval;

import ai.posespark.data.Coco17;
import java.io.Serializable;
import java.util.List;

/**
 * pycocotools' {@code Params(iouType='keypoints')}: OKS thresholds, recall thresholds, area ranges, maxDets and
 * the per-keypoint sigmas, as the exact doubles numpy computes.
 */
public final class OksParams implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Area range labels in pycocotools' order (no {@code small} for keypoints). */
  public static final List<String> AREA_LABELS = List.of("all", "medium", "large");

  /** {@code np.linspace(.5, .95, 10)}; index 8 is 0.8999999999999999. */
  public final double[] iouThrs = NumpyMath.linspace(.5, .95, 10);
  /** {@code np.linspace(.0, 1.00, 101)}. */
  public final double[] recThrs = NumpyMath.linspace(.0, 1.00, 101);
  /** {@code [[0, 1e5**2], [32**2, 96**2], [96**2, 1e5**2]]}, inclusive at both ends. */
  public final double[][] areaRng = {{0, 1e10}, {32 * 32, 96 * 96}, {96 * 96, 1e10}};
  /** {@code maxDets = [20]}. */
  public final int maxDets = 20;
  /** Per-keypoint sigmas ({@code kpt_oks_sigmas}). */
  public final double[] sigmas;
  /** {@code (2σ)²}, OKS's per-keypoint variance factor. */
  final double[] vars;

  private OksParams(double[] sigmas) {
    this.sigmas = sigmas;
    this.vars = new double[sigmas.length];
    for (int k = 0; k < sigmas.length; k++) {
      double s2 = sigmas[k] * 2;
      vars[k] = s2 * s2;
    }
  }

  /** COCO keypoint parameters (17 sigmas, {@code array / 10.0} as pycocotools computes them). */
  public static OksParams coco() {
    double[] s = new double[Coco17.OKS_SIGMAS_X10.length];
    for (int k = 0; k < s.length; k++) {
      s[k] = Coco17.OKS_SIGMAS_X10[k] / 10.0;
    }
    return new OksParams(s);
  }

  /** Number of keypoints the sigmas cover. */
  public int keypointCount() {
    return sigmas.length;
  }

  /** Index of an OKS threshold (exact comparison, as pycocotools' {@code np.where(iouThr == p.iouThrs)}). */
  int thresholdIndex(double thr) {
    for (int t = 0; t < iouThrs.length; t++) {
      if (iouThrs[t] == thr) {
        return t;
      }
    }
    throw new IllegalArgumentException("no OKS threshold " + thr);
  }
}
