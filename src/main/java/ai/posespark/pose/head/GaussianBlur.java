package ai.posespark.pose.head;

/**
 * MMPose's heatmap modulation for DARK ({@code gaussian_blur}): each map zero-padded by half the kernel, blurred
 * with OpenCV's {@code GaussianBlur(map, (k, k), 0)}, cut back and rescaled so its maximum is the original maximum.
 * The kernel is OpenCV's {@code getGaussianKernel(k, 0)}: its fixed tables for sizes 1 to 7, otherwise
 * σ = 0.3·((k − 1)/2 − 1) + 0.8 (σ = 2 for the default 11).
 */
final class GaussianBlur {
  private static final double[][] SMALL_KERNELS = {
      {1},
      {0.25, 0.5, 0.25},
      {0.0625, 0.25, 0.375, 0.25, 0.0625},
      {0.03125, 0.109375, 0.21875, 0.28125, 0.21875, 0.109375, 0.03125}};

  private GaussianBlur() {}

  /** OpenCV's 1-D Gaussian kernel of odd size {@code size} with σ derived from the size, summing to 1. */
  static double[] kernel(int size) {
    if (size < 1 || size % 2 == 0) {
      throw new IllegalArgumentException("Gaussian kernel size " + size + " is not odd and positive");
    }
    if (size <= 7) {
      return SMALL_KERNELS[size / 2].clone();
    }
    double sigma = 0.3 * ((size - 1) * 0.5 - 1) + 0.8;
    double[] k = new double[size];
    double sum = 0;
    for (int i = 0; i < size; i++) {
      double d = i - (size - 1) / 2.0;
      k[i] = Math.exp(-d * d / (2 * sigma * sigma));
      sum += k[i];
    }
    for (int i = 0; i < size; i++) {
      k[i] /= sum;
    }
    return k;
  }

  /**
   * One {@code height × width} map (row-major from {@code offset} in {@code maps}) blurred with zeros outside and
   * rescaled to its original maximum, as a new array.
   */
  static double[] modulate(float[] maps, int offset, int height, int width, int kernelSize) {
    double[] k = kernel(kernelSize);
    int r = k.length / 2;
    // the map inside a zero border of r cells, so both passes run without bounds checks
    int pw = width + 2 * r;
    double[] padded = new double[(height + 2 * r) * pw];
    double originalMax = Double.NEGATIVE_INFINITY;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        float v = maps[offset + y * width + x];
        originalMax = Math.max(originalMax, v);
        padded[(y + r) * pw + x + r] = v;
      }
    }
    double[] rows = new double[(height + 2 * r) * width];
    for (int y = 0; y < height + 2 * r; y++) {
      for (int x = 0; x < width; x++) {
        double s = 0;
        for (int i = 0; i < k.length; i++) {
          s += k[i] * padded[y * pw + x + i];
        }
        rows[y * width + x] = s;
      }
    }
    double[] out = new double[height * width];
    double blurredMax = Double.NEGATIVE_INFINITY;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double s = 0;
        for (int i = 0; i < k.length; i++) {
          s += k[i] * rows[(y + i) * width + x];
        }
        out[y * width + x] = s;
        blurredMax = Math.max(blurredMax, s);
      }
    }
    // MMPose divides unguarded; an all-zero map stays zero rather than turning into NaN
    if (blurredMax != 0) {
      double scale = originalMax / blurredMax;
      for (int i = 0; i < out.length; i++) {
        out[i] *= scale;
      }
    }
    return out;
  }
}
