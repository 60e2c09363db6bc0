package ai.posespark.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageDecoderTest {

  /** Dominant channel of a pixel: 0 red, 1 green, 2 blue, 3 white. */
  static int colour(RgbImage img, int x, int y) {
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

  /**
   * The golden TF.js input of COCO 785 (jpeg-js decode, which ignores colour profiles, then tf.image.resizeBilinear
   * to 256×256) against our decode of the same file, resized the same way: the photo carries an ICC profile, and
   * ImageIO's default colour-managed decode lands far from what TF sees.
   */
  @Test
  void decodesPixelsAsTfDoesIgnoringTheIccProfile() throws Exception {
    Path golden = ai.posespark.run.TestModels.shared()
        .resolve("golden/tfjs/movenet-multipose/000000000785/input.npy");
    int[] want = ai.posespark.model.Npy.read(golden).toIntArray();
    byte[] bytes = TestImages.read(TestImages.samples().resolve("000000000785.jpg"));
    double ours = meanAbsDiff(resizeLikeTf(ImageDecoder.decode(bytes), 256, 256), want);
    double managed = meanAbsDiff(resizeLikeTf(ImageDecoder.toRgb(javax.imageio.ImageIO.read(
        new java.io.ByteArrayInputStream(bytes))), 256, 256), want);
    System.out.printf("COCO 785 vs TF.js input: mean |diff| %.3f levels ignoring the ICC profile, %.3f with "
        + "ImageIO's colour conversion%n", ours, managed);
    assertTrue(ours < 1.0, "ours " + ours); // jpeg-js and libjpeg round their IDCTs differently
    assertTrue(managed > 3 * ours, "managed " + managed);
  }

  @Test
  void iccStripLeavesOtherJpegsAndBrokenBytesAlone() throws Exception {
    byte[] skier = TestImages.read(TestImages.samples().resolve("000000000785.jpg"));
    byte[] stripped = JpegIccProfile.strip(skier);
    assertEquals(skier.length - 578, stripped.length, "one APP2 ICC_PROFILE segment of 576 bytes + marker");
    byte[] plain = TestImages.read(TestImages.samples().resolve("messi5.jpg"));
    assertTrue(JpegIccProfile.strip(plain) == plain, "no profile: the same bytes");
    byte[] truncated = Arrays.copyOf(skier, 40);
    assertTrue(JpegIccProfile.strip(truncated) == truncated, "a broken header is left for the decoder to report");
    assertThrows(FrameDecodeException.class, () -> ImageDecoder.decode(truncated));
  }

  /** tf.image.resizeBilinear, alignCorners=false, halfPixelCenters=false, rounded as the golden inputs are. */
  private static int[] resizeLikeTf(RgbImage img, int oh, int ow) {
    int[] out = new int[oh * ow * 3];
    double sy = img.height() / (double) oh;
    double sx = img.width() / (double) ow;
    for (int y = 0; y < oh; y++) {
      double iy = y * sy;
      int y0 = (int) Math.floor(iy);
      int y1 = Math.min(y0 + 1, img.height() - 1);
      for (int x = 0; x < ow; x++) {
        double ix = x * sx;
        int x0 = (int) Math.floor(ix);
        int x1 = Math.min(x0 + 1, img.width() - 1);
        for (int c = 0; c < 3; c++) {
          double top = img.channel(x0, y0, c) + (img.channel(x1, y0, c) - img.channel(x0, y0, c)) * (ix - x0);
          double bottom = img.channel(x0, y1, c) + (img.channel(x1, y1, c) - img.channel(x0, y1, c)) * (ix - x0);
          out[(y * ow + x) * 3 + c] = (int) Math.round(top + (bottom - top) * (iy - y0));
        }
      }
    }
    return out;
  }

  private static double meanAbsDiff(int[] a, int[] b) {
    assertEquals(b.length, a.length);
    long sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += Math.abs(a[i] - b[i]);
    }
    return sum / (double) a.length;
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
