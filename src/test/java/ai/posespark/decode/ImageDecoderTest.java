package ai.posespark.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageDecoderTest {

  /** Dominant channel of a pixel: 0 red, 1 green, 2 blue, 3 white. */
  private static int colour(RgbImage img, int x, int y) {
    int r = img.channel(x, y, 0);
    int g = img.channel(x, y, 1);
    int b = img.channel(x, y, 2);
    if (r > 200 && g > 200 && b > 200) {
      return 3;
    }
    return r > 200 ? 0 : g > 200 ? 1 : 2;
  }

  @Test
  void decodesAJpegSampleToRgbOfItsSize() throws Exception {
    RgbImage img = ImageDecoder.decode(TestImages.read(TestImages.samples().resolve("000000000785.jpg")));
    assertEquals(640, img.width());
    assertEquals(425, img.height());
  }

  @Test
  void greyscalePngBecomesThreeEqualChannels() throws Exception {
    RgbImage img = ImageDecoder.decode(TestImages.read(TestImages.samples().resolve("basketball1.png")));
    assertEquals(640, img.width());
    assertEquals(480, img.height());
    for (int i = 0; i < img.rgb().length; i += 3 * 997) {
      assertEquals(img.rgb()[i], img.rgb()[i + 1]);
      assertEquals(img.rgb()[i], img.rgb()[i + 2]);
    }
  }

  @Test
  void pngKeepsExactPixels() throws Exception {
    RgbImage img = ImageDecoder.decode(TestImages.encode(TestImages.quadrants(40, 20), "png"));
    assertEquals(255, img.channel(0, 0, 0));
    assertEquals(0, img.channel(0, 0, 1));
    assertEquals(255, img.channel(39, 0, 1));
    assertEquals(255, img.channel(0, 19, 2));
  }

  /**
   * EXIF orientation turns the stored pixels upright. The stored image is 40×20 with quadrants R G / B W;
   * expected colours are those at the upright image's top-left and top-right corners.
   */
  @ParameterizedTest
  @CsvSource({"1,40,20,0,1", "2,40,20,1,0", "3,40,20,3,2", "4,40,20,2,3",
      "5,20,40,0,2", "6,20,40,2,0", "7,20,40,3,1", "8,20,40,1,3"})
  void exifOrientationTurnsTheImageUpright(int orientation, int w, int h, int topLeft, int topRight)
      throws Exception {
    byte[] jpeg = TestImages.jpegWithOrientation(TestImages.quadrants(40, 20), orientation);
    assertEquals(orientation, ExifOrientation.read(jpeg));
    RgbImage img = ImageDecoder.decode(jpeg);
    assertEquals(w, img.width());
    assertEquals(h, img.height());
    assertEquals(topLeft, colour(img, 2, 2), "top-left");
    assertEquals(topRight, colour(img, w - 3, 2), "top-right");
  }

  @Test
  void garbageBytesFailWithAReason() {
    byte[] junk = new byte[500];
    Arrays.fill(junk, (byte) 7);
    FrameDecodeException e = assertThrows(FrameDecodeException.class, () -> ImageDecoder.decode(junk));
    assertTrue(e.getMessage().contains("not a supported image format"), e.getMessage());
    assertThrows(FrameDecodeException.class, () -> ImageDecoder.decode(new byte[0]));
  }

  @Test
  void jpegHeaderWithoutDataFails() throws Exception {
    byte[] jpeg = TestImages.encode(TestImages.quadrants(64, 64), "jpg");
    byte[] head = Arrays.copyOf(jpeg, 40);
    assertThrows(FrameDecodeException.class, () -> ImageDecoder.decode(head));
  }
}
