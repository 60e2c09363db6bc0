package ai.posespark.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeatmapPeakTest {
  /** One channel: a Gaussian bump of {@code sigma} cells centred at cell coordinates {@code (row, col)}. */
  static float[] gaussian(int h, int w, double row, double col, double sigma, float peak) {
    float[] data = new float[h * w];
    for (int r = 0; r < h; r++) {
      for (int c = 0; c < w; c++) {
        double d2 = (r - row) * (r - row) + (c - col) * (c - col);
        data[r * w + c] = (float) (peak * Math.exp(-d2 / (2 * sigma * sigma)));
      }
    }
    return data;
  }

  @Test
  void refinementRecoversTheSubCellCentreOfASmoothBump() {
    double row = 10.3;
    double col = 20.7;
    HeatmapPeak p = HeatmapPeak.of(new FeatureGrid(gaussian(32, 40, row, col, 2.5, 0.8f), 32, 40, 1, "t"), 0);
    double refined = Math.hypot(p.row() - row, p.col() - col);
    double argmax = Math.hypot(10 - row, 21 - col);
    assertTrue(refined < 0.1, "refined error " + refined + " cells");
    assertTrue(refined < argmax / 3, "refined " + refined + " vs argmax " + argmax);
    assertTrue(p.value() > 0.7f && p.value() <= 0.8f);
  }

  @Test
  void aPeakOnTheBorderIsNotShiftedAlongThatAxis() {
    HeatmapPeak p = HeatmapPeak.of(new FeatureGrid(gaussian(8, 8, 0, 3.2, 1.5, 1f), 8, 8, 1, "t"), 0);
    assertEquals(0, p.row());
    assertEquals(3.2, p.col(), 0.1);
  }

  @Test
  void vertexShiftIsZeroWithoutCurvatureAndAtMostHalfACell() {
    assertEquals(0, HeatmapPeak.vertexShift(1, 1, 1));
    assertEquals(0.3, HeatmapPeak.vertexShift(0, 1, 0.75f), 1e-6);
    assertEquals(0.5, HeatmapPeak.vertexShift(0, 1, 1));
    assertEquals(-0.5, HeatmapPeak.vertexShift(1, 1, 0));
  }
}
