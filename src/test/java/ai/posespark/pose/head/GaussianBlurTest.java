package ai.posespark.pose.head;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GaussianBlurTest {

  @Test
  void kernelsAreOpenCvs() {
    // getGaussianKernel(k, 0): fixed tables up to 7, else σ = 0.3·((k − 1)/2 − 1) + 0.8 (2.0 for 11)
    assertArrayEquals(new double[] {0.25, 0.5, 0.25}, GaussianBlur.kernel(3));
    assertArrayEquals(new double[] {0.03125, 0.109375, 0.21875, 0.28125, 0.21875, 0.109375, 0.03125},
        GaussianBlur.kernel(7));
    double[] k11 = GaussianBlur.kernel(11);
    double sum = 0;
    for (double v : k11) {
      sum += v;
    }
    assertEquals(1, sum, 1e-12);
    assertEquals(Math.exp(-1.0 / 8), k11[6] / k11[5], 1e-12, "σ = 2: neighbour ratio exp(−1/(2σ²))");
    assertEquals(Math.exp(-9.0 / 8), k11[8] / k11[5], 1e-12);
    assertThrows(IllegalArgumentException.class, () -> GaussianBlur.kernel(4));
  }

  @Test
  void aDeltaBlursToTheKernelsOuterProductRescaledToItsMaximumWithZerosOutside() {
    int h = 9;
    int w = 9;
    float[] maps = new float[2 * h * w];
    maps[h * w + 4 * w + 1] = 2f; // second map, row 4, column 1: the kernel's left part falls outside
    double[] out = GaussianBlur.modulate(maps, h * w, h, w, 5);
    double[] k = GaussianBlur.kernel(5);
    double scale = 2 / (k[2] * k[2]);
    for (int r = 0; r < h; r++) {
      for (int c = 0; c < w; c++) {
        int dr = r - 4 + 2;
        int dc = c - 1 + 2;
        double expected = dr >= 0 && dr < 5 && dc >= 0 && dc < 5 ? k[dr] * k[dc] * scale : 0;
        assertEquals(expected, out[r * w + c], 1e-9, "(" + r + ", " + c + ")");
      }
    }
  }
}
