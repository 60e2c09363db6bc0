package ai.posespark.eval;

import java.util.List;

/** Object Keypoint Similarity exactly as pycocotools' {@code COCOeval.computeOks}. */
public final class Oks {
  private Oks() {}

  /**
   * OKS of every detection with every ground truth of one image.
   *
   * @param dts detections, already in score order and cut to maxDets
   * @param gts ground truths in file order
   * @return {@code [D][G]} OKS values; an empty array when either side is empty
   */
  public static double[][] matrix(List<EvalDetection> dts, List<EvalGt> gts, OksParams p) {
    if (dts.isEmpty() || gts.isEmpty()) {
      return new double[0][0];
    }
    double[][] oks = new double[dts.size()][gts.size()];
    for (int j = 0; j < gts.size(); j++) {
      for (int i = 0; i < dts.size(); i++) {
        oks[i][j] = oks(dts.get(i).keypoints(), gts.get(j), p, null);
      }
    }
    return oks;
  }

  /**
   * OKS of one detection with one ground truth: the mean of exp(−e) over the GT's labelled keypoints, with
   * e = d² / (2σ)² / (area + eps) / 2. A GT with no labelled keypoint (crowd, num_keypoints = 0) is compared
   * with its box enlarged to 3× (distances to that box, 0 inside) over all K points.
   *
   * @param perKeypoint when not null, receives exp(−e) per keypoint (NaN where the GT point is unlabelled)
   */
  public static double oks(double[] dt, EvalGt gt, OksParams p, double[] perKeypoint) {
    double[] g = gt.keypoints();
    int k = p.vars.length;
    if (g.length != 3 * k || dt.length != 3 * k) {
      throw new IllegalArgumentException("OKS needs " + k + " keypoints; ground truth " + gt.id() + " has "
          + g.length / 3 + ", detection has " + dt.length / 3);
    }
    int k1 = 0;
    for (int i = 0; i < k; i++) {
      k1 += g[3 * i + 2] > 0 ? 1 : 0;
    }
    double[] bb = gt.bbox();
    double x0 = bb[0] - bb[2], x1 = bb[0] + bb[2] * 2;
    double y0 = bb[1] - bb[3], y1 = bb[1] + bb[3] * 2;
    double denom = gt.area() + NumpyMath.SPACING_1;
    double[] terms = new double[k];
    int n = 0;
    for (int i = 0; i < k; i++) {
      double xd = dt[3 * i], yd = dt[3 * i + 1];
      double dx, dy;
      if (k1 > 0) {
        if (!(g[3 * i + 2] > 0)) {
          if (perKeypoint != null) {
            perKeypoint[i] = Double.NaN;
          }
          continue;
        }
        dx = xd - g[3 * i];
        dy = yd - g[3 * i + 1];
      } else {
        dx = Math.max(0.0, x0 - xd) + Math.max(0.0, xd - x1);
        dy = Math.max(0.0, y0 - yd) + Math.max(0.0, yd - y1);
      }
      double e = (dx * dx + dy * dy) / p.vars[i] / denom / 2;
      terms[n++] = Math.exp(-e);
      if (perKeypoint != null) {
        perKeypoint[i] = terms[n - 1];
      }
    }
    return NumpyMath.sum(terms, n) / n;
  }
}
