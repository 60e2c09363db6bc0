package ai.posespark.pose.head;

import java.util.List;

/**
 * Sub-cell refinement of a heatmap's argmax, as MMPose's codecs refine it ({@code mmpose/codecs/utils/refinement.py}),
 * in heatmap cells (cell {@code (y, x)} at {@code (x, y)}). Each method takes the argmax cell and returns the refined
 * {@code {x, y}}; maps are {@code height × width}, row-major.
 */
public enum HeatmapRefinement {
  /** {@code refine_keypoints}: a quarter cell toward the higher neighbour per axis (MSRA heatmaps' default). */
  SHIFT,
  /** {@code refine_keypoints_dark} (non-UDP) or {@code refine_keypoints_dark_udp} (UDP): one Newton step. */
  DARK,
  /** The argmax cell itself. */
  NONE;

  /** The names {@code codec.refine} accepts, in this order. */
  public static final List<String> NAMES = List.of("shift", "dark", "none");

  /** The refinement called {@code name} (one of {@link #NAMES}). */
  public static HeatmapRefinement named(String name) {
    return values()[NAMES.indexOf(name)];
  }

  /**
   * {@code refine_keypoints}: per axis, +0.25 toward the larger neighbour (sign of their difference, so 0 on a tie).
   * As MMPose, x moves only when {@code 1 < x < width − 1} (not {@code 0 < x}) and y when {@code 1 < y < height − 1}.
   */
  static double[] shift(float[] maps, int offset, int height, int width, int x, int y) {
    double dx = 0;
    double dy = 0;
    if (x > 1 && x < width - 1 && y > 0 && y < height) {
      dx = maps[offset + y * width + x + 1] - maps[offset + y * width + x - 1];
    }
    if (y > 1 && y < height - 1 && x > 0 && x < width) {
      dy = maps[offset + (y + 1) * width + x] - maps[offset + (y - 1) * width + x];
    }
    return new double[] {x + 0.25 * Math.signum(dx), y + 0.25 * Math.signum(dy)};
  }

  /**
   * {@code refine_keypoints_dark}: on the log of the modulated map ({@link GaussianBlur#modulate}, clamped at
   * 1e-10), the Newton step {@code −H⁻¹∇} with central differences, the second ones over two cells; only where
   * {@code 1 < x < width − 2} and {@code 1 < y < height − 2}, and when the Hessian is not singular.
   */
  static double[] dark(float[] maps, int offset, int height, int width, int x, int y, int kernel) {
    if (!(x > 1 && x < width - 2 && y > 1 && y < height - 2)) {
      return new double[] {x, y};
    }
    double[] m = GaussianBlur.modulate(maps, offset, height, width, kernel);
    for (int i = 0; i < m.length; i++) {
      m[i] = Math.log(Math.max(m[i], 1e-10));
    }
    int at = y * width + x;
    double dx = 0.5 * (m[at + 1] - m[at - 1]);
    double dy = 0.5 * (m[at + width] - m[at - width]);
    double dxx = 0.25 * (m[at + 2] - 2 * m[at] + m[at - 2]);
    double dxy = 0.25 * (m[at + width + 1] - m[at - width + 1] - m[at + width - 1] + m[at - width - 1]);
    double dyy = 0.25 * (m[at + 2 * width] - 2 * m[at] + m[at - 2 * width]);
    return newtonStep(x, y, dx, dy, dxx, dxy, dyy, 0);
  }

  /**
   * {@code refine_keypoints_dark_udp}: on the log of the modulated map clipped to [1e-3, 50], edge-padded by one
   * cell, the Newton step with central first differences, one-cell second differences and its own mixed term;
   * the Hessian gets {@code ε·I} (float32's ε) before inversion, everywhere, borders included.
   */
  static double[] darkUdp(float[] maps, int offset, int height, int width, int x, int y, int kernel) {
    double[] m = GaussianBlur.modulate(maps, offset, height, width, kernel);
    for (int i = 0; i < m.length; i++) {
      m[i] = Math.log(Math.min(50, Math.max(m[i], 1e-3)));
    }
    double i0 = edge(m, height, width, x, y);
    double ix1 = edge(m, height, width, x + 1, y);
    double ix1m = edge(m, height, width, x - 1, y);
    double iy1 = edge(m, height, width, x, y + 1);
    double iy1m = edge(m, height, width, x, y - 1);
    double ix1y1 = edge(m, height, width, x + 1, y + 1);
    double ix1my1m = edge(m, height, width, x - 1, y - 1);
    double dx = 0.5 * (ix1 - ix1m);
    double dy = 0.5 * (iy1 - iy1m);
    double dxx = ix1 - 2 * i0 + ix1m;
    double dyy = iy1 - 2 * i0 + iy1m;
    double dxy = 0.5 * (ix1y1 - ix1 - iy1 + 2 * i0 - ix1m - iy1m + ix1my1m);
    return newtonStep(x, y, dx, dy, dxx, dxy, dyy, Math.ulp(1f));
  }

  /** {@code (x, y) − (H + ridge·I)⁻¹ ∇}; no step when the matrix is singular. */
  private static double[] newtonStep(double x, double y, double dx, double dy, double dxx, double dxy, double dyy,
                                     double ridge) {
    double a = dxx + ridge;
    double d = dyy + ridge;
    double det = a * d - dxy * dxy;
    if (det == 0) {
      return new double[] {x, y};
    }
    return new double[] {x - (d * dx - dxy * dy) / det, y - (a * dy - dxy * dx) / det};
  }

  /** The map at {@code (x, y)} with coordinates clamped to the map: one cell of edge padding. */
  private static double edge(double[] m, int height, int width, int x, int y) {
    return m[Math.max(0, Math.min(height - 1, y)) * width + Math.max(0, Math.min(width - 1, x))];
  }
}
