package ai.posespark.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each file of {@link ImageZoo} through the decoder: the outcome it must have, with its size or reason. */
class ImageZooTest {

  static List<ImageZoo.Case> cases() throws IOException {
    return ImageZoo.cases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachFileDecodesOrFailsWithItsReason(ImageZoo.Case c) {
    if (c.outcome() == ImageZoo.Outcome.ERROR) {
      FrameDecodeException e = assertThrows(FrameDecodeException.class,
          () -> ImageDecoder.read(c.bytes(), ImageLimits.DEFAULTS));
      assertTrue(e.getMessage().contains(c.detail()), c.file() + ": " + e.getMessage());
      return;
    }
    DecodedImage d = assertDecodes(c);
    if (c.outcome() == ImageZoo.Outcome.OK) {
      assertEquals(c.detail(), d.image().width() + "x" + d.image().height(), c.file());
      assertNull(d.warning(), c.file());
    } else {
      assertNotNull(d.warning(), c.file() + " decoded without a word about it");
      assertTrue(d.warning().contains(c.detail()), c.file() + ": " + d.warning());
    }
  }

  private static DecodedImage assertDecodes(ImageZoo.Case c) {
    try {
      return ImageDecoder.read(c.bytes(), ImageLimits.DEFAULTS);
    } catch (FrameDecodeException e) {
      throw new AssertionError(c.file() + " should decode: " + e.getMessage(), e);
    }
  }

  /** Left half red, right half blue in every four-channel JPEG flavour and the generated WebP. */
  @Test
  void cmykYcckAndWebpKeepTheirColours() throws Exception {
    List<byte[]> files = List.of(ImageBytes.adobeJpeg(32, 16, 0), ImageBytes.adobeJpeg(32, 16, 2),
        ImageBytes.webp(30, 10));
    for (int i = 0; i < files.size(); i++) {
      RgbImage img = ImageDecoder.decode(files.get(i));
      int right = img.width() - 3;
      assertTrue(img.channel(2, 5, 0) > 180 && img.channel(2, 5, 2) < 80, i + " left red: " + rgb(img, 2, 5));
      assertTrue(img.channel(right, 5, 2) > 180 && img.channel(right, 5, 0) < 80,
          i + " right blue: " + rgb(img, right, 5));
    }
  }

  @Test
  void animatedGifGivesItsFirstFrame() throws Exception {
    RgbImage img = ImageDecoder.decode(ImageZoo.animatedGif());
    assertEquals(255, img.channel(5, 5, 0));
    assertEquals(0, img.channel(5, 5, 2));
  }

  /** A bomb is refused from its header: the 50,000² PNG's buffer would be 7.5 GB; the test JVM never allocates it. */
  @Test
  void maxPixelsIsConfigurableAndChecksTheHeaderOnly() throws Exception {
    byte[] png = TestImages.encode(TestImages.quadrants(64, 48), "png");
    FrameDecodeException e = assertThrows(FrameDecodeException.class,
        () -> ImageDecoder.read(png, new ImageLimits(64 * 48 - 1, ImageLimits.DEFAULT_MAX_DECODE_PIXELS)));
    assertTrue(e.getMessage().contains("64x48 = 3,072 pixels, above input.maxPixels 3,071"), e.getMessage());
    assertEquals(64, ImageDecoder.read(png, new ImageLimits(64 * 48, 64 * 48)).image().width());
  }

  /** Above maxDecodePixels the decoded image is subsampled and says how to map back to the source's pixels. */
  @Test
  void hugeImagesAreSubsampledWithinTheDecodeBound() throws Exception {
    byte[] png = TestImages.encode(TestImages.quadrants(400, 300), "png");
    DecodedImage d = ImageDecoder.read(png, new ImageLimits(1_000_000, 10_000));
    assertEquals(4, d.subsampling().step(), "ceil(sqrt(120,000 / 10,000)) = 4 fits, 3 does not");
    assertEquals(100, d.image().width());
    assertEquals(75, d.image().height());
    assertEquals(400, d.subsampling().sourceWidth());
    assertEquals(300, d.subsampling().sourceHeight());
    assertTrue(d.image().width() * (long) d.image().height() <= 10_000);
    assertEquals(200.0, d.subsampling().sourceX(50, 0), "decoded x 50 is source x 200");
    assertEquals(0, ImageDecoderTest.colour(d.image(), 10, 10), "top-left red");
    assertEquals(3, ImageDecoderTest.colour(d.image(), 90, 70), "bottom-right white");
  }

  @Test
  void subsamplingFollowsTheExifRotation() throws Exception {
    byte[] jpeg = TestImages.jpegWithOrientation(TestImages.quadrants(400, 200), 6);
    DecodedImage d = ImageDecoder.read(jpeg, new ImageLimits(1_000_000, 20_000));
    assertEquals(200, d.subsampling().sourceWidth());
    assertEquals(400, d.subsampling().sourceHeight());
    assertEquals(d.image().width() * d.subsampling().step(), 200);
  }

  private static String rgb(RgbImage img, int x, int y) {
    return img.channel(x, y, 0) + "," + img.channel(x, y, 1) + "," + img.channel(x, y, 2);
  }
}
