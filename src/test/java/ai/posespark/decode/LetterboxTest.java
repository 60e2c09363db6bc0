package ai.posespark.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LetterboxTest {
  @Test
  void landscapeImageFillsTheWidthAndIsCentredVertically() {
    Letterbox box = Letterbox.fit(640, 425, 256, 256);
    assertEquals(256, box.scaledWidth());
    assertEquals(170, box.scaledHeight()); // 425 * 0.4 = 170
    assertEquals(0, box.padX());
    assertEquals(43, box.padY());
  }

  @Test
  void portraitImageFillsTheHeight() {
    Letterbox box = Letterbox.fit(300, 1000, 192, 192);
    assertEquals(192, box.scaledHeight());
    assertEquals(58, box.scaledWidth()); // 300 * 0.192 = 57.6
    assertEquals(67, box.padX());
  }

  @Test
  void inverseUndoesTheForwardMapExactly() {
    Random random = new Random(7);
    for (int i = 0; i < 1000; i++) {
      int w = 1 + random.nextInt(4000);
      int h = 1 + random.nextInt(4000);
      Letterbox box = Letterbox.fit(w, h, 256, 192);
      double x = random.nextDouble() * w;
      double y = random.nextDouble() * h;
      assertEquals(x, box.toSourceX(box.toInputX(x)), 1e-9 * w);
      assertEquals(y, box.toSourceY(box.toInputY(y)), 1e-9 * h);
    }
  }

  @Test
  void imageCornersMapToTheScaledRegionCorners() {
    Letterbox box = Letterbox.fit(500, 333, 256, 256);
    assertEquals(box.padX(), box.toInputX(0), 1e-12);
    assertEquals(box.padY() + box.scaledHeight(), box.toInputY(333), 1e-12);
    assertEquals(500, box.toSourceX(box.padX() + box.scaledWidth()), 1e-9);
  }
}
