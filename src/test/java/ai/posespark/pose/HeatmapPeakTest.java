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

  @Test
  void atRefinesALocalPeakThatIsNotTheArgmax() {
    float[] a = gaussian(16, 16, 4.2, 3.8, 1.2, 0.6f);
    float[] b = gaussian(16, 16, 11, 12, 1.2, 0.9f);
    for (int i = 0; i < a.length; i++) {
      a[i] = Math.max(a[i], b[i]);
    }
    FeatureGrid g = new FeatureGrid(a, 16, 16, 1, "t");
    HeatmapPeak p = HeatmapPeak.at(g, 0, 4, 4);
    assertEquals(4.2, p.row(), 0.1);
    assertEquals(3.8, p.col(), 0.1);
    assertEquals(g.get(4, 4, 0), p.value());
    assertEquals(11, HeatmapPeak.of(g, 0).row(), 1e-9);
  }
}
