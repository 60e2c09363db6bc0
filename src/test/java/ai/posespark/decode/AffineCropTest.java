package ai.posespark.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AffineCropTest {
  @Test
  void theBoxIsCentredPaddedAndWidenedToTheInputAspect() {
    // a tall 40×120 box into a 192×256 (w×h) input: aspect 0.75, so the width grows to 90, then ×1.25
    AffineCrop c = AffineCrop.around(100, 50, 40, 120, 1.25, 640, 480, 192, 256);
    assertEquals(120, c.centerX(), 1e-12);
    assertEquals(110, c.centerY(), 1e-12);
    assertEquals(90 * 1.25, c.regionWidth(), 1e-12);
    assertEquals(120 * 1.25, c.regionHeight(), 1e-12);
    // a wide box: the height grows instead
    AffineCrop w = AffineCrop.around(0, 0, 300, 100, 1, 640, 480, 256, 256);
    assertEquals(300, w.regionWidth(), 1e-12);
    assertEquals(300, w.regionHeight(), 1e-12);
    assertEquals(0, w.sourceX(0, 0), 1e-12);
    assertEquals(300, w.sourceX(256, 0), 1e-12);
    assertEquals(-100, w.sourceY(0, 0), 1e-12);
  }

  @Test
  void cropToInputToSourceRoundTripsToATenThousandthOfAPixel() {
    for (boolean flip : new boolean[] {false, true}) {
      AffineCrop c = AffineCrop.around(123.4, 56.7, 87.1, 203.9, 1.25, 640, 425, 256, 256);
      AffineCrop crop = flip ? c.mirrored() : c;
      for (double x = -20; x < 700; x += 13.7) {
        for (double y = -20; y < 450; y += 17.3) {
          double u = crop.inputX(x);
          double v = crop.inputY(y);
          assertEquals(x, crop.sourceX(u, v), 1e-4);
          assertEquals(y, crop.sourceY(u, v), 1e-4);
        }
      }
    }
  }

  @Test
  void aMirroredCropMapsTheLeftEdgeOfTheInputToTheRightOfTheRegion() {
    AffineCrop c = AffineCrop.around(100, 100, 100, 100, 1, 640, 480, 64, 64);
    AffineCrop m = c.mirrored();
    assertEquals(c.sourceX(64, 0), m.sourceX(0, 0), 1e-12);
    assertEquals(c.sourceX(10, 5), m.sourceX(54, 5), 1e-12);
    assertEquals(c.sourceY(10, 5), m.sourceY(54, 5), 1e-12);
    assertEquals(c, m.mirrored());
  }

  @Test
  void clampingHappensOnceInTheTransform() {
    AffineCrop c = AffineCrop.around(0, 0, 50, 50, 1.25, 100, 80, 64, 64);
    assertEquals(0, c.clampedSourceX(0, 0), 1e-12);
    assertEquals(0, c.clampedSourceY(0, 0), 1e-12);
    AffineCrop far = AffineCrop.around(90, 70, 50, 50, 1.25, 100, 80, 64, 64);
    assertEquals(100, far.clampedSourceX(64, 64), 1e-12);
    assertEquals(80, far.clampedSourceY(64, 64), 1e-12);
  }

  @Test
  void anEmptyRegionIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new AffineCrop(10, 10, 8, 8, 5, 5, 0, 4, false));
  }
}
