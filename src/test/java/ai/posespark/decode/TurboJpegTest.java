package ai.posespark.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * libjpeg-turbo against ImageIO on the same files, the DCT-domain reductions against a box filter of the full
 * image, and the structure check that keeps broken files on the ImageIO path (its errors and warnings).
 */
class TurboJpegTest {

  @Test
  void fullSizeDecodeMatchesImageIoWithinRounding() throws Exception {
    assertTrue(TurboJpeg.available(), "OpenCV's natives come from the Maven jars");
    for (String name : new String[] {"000000000785.jpg", "messi5.jpg"}) {
      byte[] bytes = Files.readAllBytes(TestImages.samples().resolve(name));
      // the ImageIO path as ImageDecoder takes it: ICC profile stripped (ignored, as TF's decoders do)
      RgbImage reference = ImageDecoder.toRgb(ImageIO.read(new ByteArrayInputStream(JpegIccProfile.strip(bytes))));
      RgbImage turbo = TurboJpeg.decode(bytes, 1);
      assertEquals(reference.width(), turbo.width(), name);
      assertEquals(reference.height(), turbo.height(), name);
      double[] diff = difference(reference, turbo);
      // both are libjpeg's ISLOW IDCT with fancy upsampling: a level or two apart at most (libjpeg 6b vs turbo)
      assertTrue(diff[0] < 0.5 && diff[1] <= 4, name + ": mean " + diff[0] + ", max " + diff[1]);
    }
  }

  /**
   * TF.js's own decode (jpeg-js) under the golden inputs: turbo's pixels, resized as the generator did
   * ({@code resizeBilinear}, no half-pixel shift, stretched to 192²) and rounded, give movenet-lightning's input.npy.
   */
  @Test
  void decodesThePixelsTfjsDecodedForTheGoldenInputs() throws Exception {
    Path golden = Path.of("..", "shared", "golden", "tfjs", "movenet-lightning");
    if (!Files.isDirectory(golden)) {
      System.out.println("TurboJpegTest: ../shared absent, golden decode comparison skipped");
      return;
    }
    for (String stem : new String[] {"000000000785", "000000197388", "054d9ce9201beffc76e5ff2169d2af2f027002ca"}) {
      Path image = Path.of("..", "shared", "data", stem.startsWith("0000") ? "coco" : "aic", stem + ".jpg");
      int[] expected = ai.posespark.model.Npy.read(golden.resolve(stem).resolve("input.npy")).toIntArray();
      RgbImage turbo = TurboJpeg.decode(Files.readAllBytes(image), 1);
      int max = 0;
      double sum = 0;
      for (int y = 0; y < 192; y++) {
        for (int x = 0; x < 192; x++) {
          for (int c = 0; c < 3; c++) {
            int d = Math.abs(tfjsResized(turbo, x, y, c, 192) - expected[(y * 192 + x) * 3 + c]);
            max = Math.max(max, d);
            sum += d;
          }
        }
      }
      // jpeg-js and libjpeg-turbo round their IDCTs apart: 3 levels on the baseline files, 12 on the progressive
      assertTrue(max <= (stem.startsWith("0000") ? 3 : 12) && sum / (192 * 192 * 3) < 0.7,
          stem + ": max " + max + ", mean " + sum / (192 * 192 * 3));
    }
  }

  /** TF.js {@code resizeBilinear} with its defaults (src = dst · in/out), rounded. */
  private static int tfjsResized(RgbImage im, int x, int y, int c, int size) {
    float sy = y * (float) im.height() / size;
    float sx = x * (float) im.width() / size;
    int y0 = (int) sy;
    int x0 = (int) sx;
    int y1 = Math.min(y0 + 1, im.height() - 1);
    int x1 = Math.min(x0 + 1, im.width() - 1);
    float top = im.channel(x0, y0, c) + (im.channel(x1, y0, c) - im.channel(x0, y0, c)) * (sx - x0);
    float bottom = im.channel(x0, y1, c) + (im.channel(x1, y1, c) - im.channel(x0, y1, c)) * (sx - x0);
    return Math.round(top + (bottom - top) * (sy - y0));
  }

  @Test
  void reducedDecodesAreTheBoxFilteredImage() throws Exception {
    byte[] bytes = Files.readAllBytes(TestImages.samples().resolve("000000000785.jpg"));
    RgbImage full = TurboJpeg.decode(bytes, 1);
    for (int k : new int[] {2, 4, 8}) {
      RgbImage reduced = TurboJpeg.decode(bytes, k);
      assertEquals((full.width() + k - 1) / k, reduced.width(), "1/" + k);
      assertEquals((full.height() + k - 1) / k, reduced.height(), "1/" + k);
      double[] diff = difference(boxFilter(full, k), reduced);
      // the scaled IDCT is a low-pass of the 8×8 block, close to the k×k mean but not equal to it
      assertTrue(diff[0] < 2.5, "1/" + k + ": mean difference to the box filter " + diff[0]);
    }
  }

  @Test
  void targetPicksTheLargestReductionThatStillOnlyShrinks() {
    DecodeTarget lightning = new DecodeTarget(192, 192, true);
    assertEquals(2, lightning.reduction(640, 425), "320x213 still holds the 192x128 the letterbox wants");
    assertEquals(8, lightning.reduction(4032, 3024));
    assertEquals(1, lightning.reduction(300, 200));
    assertEquals(4, new DecodeTarget(256, 256, false).reduction(1280, 1024), "stretch: each axis on its own");
  }

  @Test
  void decoderMapsAReducedFrameBackToItsOwnPixels() throws Exception {
    BufferedImage big = new BufferedImage(2000, 1200, BufferedImage.TYPE_3BYTE_BGR);
    var g = big.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 2000, 1200);
    g.setColor(Color.BLACK);
    g.fillRect(1000, 400, 200, 200);
    g.dispose();
    DecodedImage d = ImageDecoder.read(TestImages.encode(big, "jpg"), ImageLimits.DEFAULTS,
        new DecodeTarget(192, 192, true));
    assertNotNull(d.subsampling());
    assertEquals(8, d.subsampling().step());
    assertEquals(2000, d.subsampling().sourceWidth());
    assertEquals(250, d.image().width());
    assertEquals(150, d.image().height());
    // the square's centre, found in the reduced image, lands on the source's
    double sx = 0;
    double sy = 0;
    int n = 0;
    for (int y = 0; y < d.image().height(); y++) {
      for (int x = 0; x < d.image().width(); x++) {
        if (d.image().channel(x, y, 0) < 64) {
          sx += x + 0.5;
          sy += y + 0.5;
          n++;
        }
      }
    }
    assertEquals(1100, d.subsampling().sourceX(sx / n, sy / n), 2);
    assertEquals(500, d.subsampling().sourceY(sx / n, sy / n), 2);
    assertNull(ImageDecoder.read(TestImages.encode(big, "jpg"), ImageLimits.DEFAULTS, null).subsampling());
  }

  @Test
  void onlySoundJpegsTakeTheFastPath() throws Exception {
    byte[] photo = Files.readAllBytes(TestImages.samples().resolve("000000000785.jpg"));
    JpegStructure s = JpegStructure.of(photo);
    assertNotNull(s);
    assertEquals(640, s.width());
    assertEquals(425, s.height());
    assertEquals(3, s.components());
    assertNotNull(JpegStructure.of(TestImages.encode(TestImages.quadrants(1, 1), "jpg")), "one pixel");
    assertNull(JpegStructure.of(ImageBytes.truncated(photo, 0.6)), "truncated");
    assertNull(JpegStructure.of(ImageBytes.truncated(photo, 0.1)), "header only");
    assertNull(JpegStructure.of(ImageBytes.corrupted(photo, 0.7)), "corrupted scan data");
    assertNull(JpegStructure.of(ImageBytes.adobeJpeg(32, 16, 0)), "CMYK");
    assertNull(JpegStructure.of(TestImages.encode(TestImages.quadrants(8, 8), "png")), "PNG");
    Path progressive = Path.of("..", "shared", "data", "aic", "054d9ce9201beffc76e5ff2169d2af2f027002ca.jpg");
    if (Files.exists(progressive)) {
      JpegStructure p = JpegStructure.of(Files.readAllBytes(progressive));
      assertNotNull(p, "progressive JPEG");
      assertEquals(900, p.width());
    } else {
      System.out.println("TurboJpegTest: ../shared absent, progressive JPEG case skipped");
    }
  }

  /** Mean and max absolute difference over all channels. */
  private static double[] difference(RgbImage a, RgbImage b) {
    double sum = 0;
    int max = 0;
    for (int i = 0; i < a.rgb().length; i++) {
      int d = Math.abs((a.rgb()[i] & 0xff) - (b.rgb()[i] & 0xff));
      sum += d;
      max = Math.max(max, d);
    }
    return new double[] {sum / a.rgb().length, max};
  }

  /** The mean of each k×k block (the last, partial blocks over what they hold). */
  private static RgbImage boxFilter(RgbImage img, int k) {
    int w = (img.width() + k - 1) / k;
    int h = (img.height() + k - 1) / k;
    byte[] out = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        for (int c = 0; c < 3; c++) {
          int sum = 0;
          int n = 0;
          for (int yy = y * k; yy < Math.min(img.height(), (y + 1) * k); yy++) {
            for (int xx = x * k; xx < Math.min(img.width(), (x + 1) * k); xx++) {
              sum += img.channel(xx, yy, c);
              n++;
            }
          }
          out[(y * w + x) * 3 + c] = (byte) Math.round((float) sum / n);
        }
      }
    }
    return new RgbImage(w, h, out);
  }
}
