package ai.posespark.eval;

/**
 * The few numpy behaviours that decide the last bits of pycocotools' results, reproduced so that sums and grids
 * come out as the same doubles.
 */
final class NumpyMath {
  /** {@code np.spacing(1)}: the gap between 1.0 and the next double. */
  static final double SPACING_1 = Math.ulp(1.0);

  private NumpyMath() {}

  /**
   * {@code np.sum} of a contiguous float64 array: the reduction starts from the identity 0.0 and adds numpy's
   * pairwise sum (8 interleaved partial sums in blocks of up to 128, halved recursively above that).
   */
  static double sum(double[] a, int n) {
    return 0.0 + pairwise(a, 0, n);
  }

  /** {@code np.mean} of the first {@code n} values. */
  static double mean(double[] a, int n) {
    return sum(a, n) / n;
  }

  private static double pairwise(double[] a, int lo, int n) {
    if (n < 8) {
      double res = 0.0;
      for (int i = 0; i < n; i++) {
        res += a[lo + i];
      }
      return res;
    }
    if (n <= 128) {
      double[] r = new double[8];
      System.arraycopy(a, lo, r, 0, 8);
      int i = 8;
      for (; i < n - (n % 8); i += 8) {
        for (int j = 0; j < 8; j++) {
          r[j] += a[lo + i + j];
        }
      }
      double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
      for (; i < n; i++) {
        res += a[lo + i];
      }
      return res;
    }
    int n2 = n / 2;
    n2 -= n2 % 8;
    return pairwise(a, lo, n2) + pairwise(a, lo + n2, n - n2);
  }

  /** {@code np.linspace(start, stop, num)}: {@code i * step + start}, the last value forced to {@code stop}. */
  static double[] linspace(double start, double stop, int num) {
    double step = (stop - start) / (num - 1);
    double[] y = new double[num];
    for (int i = 0; i < num; i++) {
      y[i] = i * step + start;
    }
    y[num - 1] = stop;
    return y;
  }

  /** Score order of pycocotools' {@code np.argsort(-score, kind='mergesort')}: descending, -0.0 equal to 0.0. */
  static int compareScoreDescending(double a, double b) {
    return a > b ? -1 : (a < b ? 1 : 0);
  }
}
