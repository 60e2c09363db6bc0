package ai.posespark.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SsdAnchorsTest {
  @Test
  void thePoseDetectorHas2254AnchorsLaidOutAsMediaPipesCalculator() {
    SsdAnchors a = SsdAnchors.of(224, 224, SsdAnchors.POSE_DETECTOR_STRIDES);
    assertEquals(28 * 28 * 2 + 14 * 14 * 2 + 7 * 7 * 6, a.size());
    assertEquals(2254, a.size());
    // stride 8: two anchors per cell at the cell's middle, row-major
    assertEquals(4, a.x()[0], 1e-5);
    assertEquals(4, a.y()[0], 1e-5);
    assertEquals(4, a.x()[1], 1e-5);
    assertEquals(12, a.x()[2], 1e-5);
    assertEquals(12, a.y()[28 * 2], 1e-5);
    // stride 16 starts after 28² × 2
    assertEquals(8, a.x()[1568], 1e-5);
    // the three stride-32 layers share one 7 × 7 grid, six anchors per cell
    assertEquals(16, a.x()[1960 + 5], 1e-5);
    assertEquals(48, a.x()[1960 + 6], 1e-5);
    assertEquals(208, a.y()[2253], 1e-5);
  }
}
