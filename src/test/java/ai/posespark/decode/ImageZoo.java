package ai.posespark.decode;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Every kind of broken and unusual image file the robustness suite tries, generated here (nothing binary in the
 * repository), each with what PoseSpark must make of it. README's "Bad input" table lists the same cases.
 */
public final class ImageZoo {
  /** What a case must give: an ok row, an ok row with a note, or an error row whose reason contains a phrase. */
  public enum Outcome { OK, OK_WITH_NOTE, ERROR }

  /**
   * One file.
   *
   * @param file    its name (the extension is part of the case)
   * @param bytes   its content
   * @param outcome what the frame row must be
   * @param detail  for OK: the upright size {@code WxH}; for OK_WITH_NOTE and ERROR: a phrase of the reason
   */
  public record Case(String file, byte[] bytes, Outcome outcome, String detail) {}

  private ImageZoo() {}

  /** All cases, at sizes that decode in milliseconds. */
  public static List<Case> cases() throws IOException {
    BufferedImage quads = TestImages.quadrants(40, 20);
    byte[] jpeg = TestImages.encode(TestImages.quadrants(64, 48), "jpg");
    byte[] photo = TestImages.encode(noise(256, 192), "jpg");
    byte[] png = TestImages.encode(TestImages.quadrants(64, 48), "png");
    List<Case> cases = new ArrayList<>();
    cases.add(new Case("empty.jpg", new byte[0], Outcome.ERROR, "empty file"));
    cases.add(new Case("header-only.jpg", ImageBytes.truncated(jpeg, 0.1), Outcome.ERROR, "cannot decode"));
    cases.add(new Case("truncated.jpg", ImageBytes.truncated(photo, 0.6), Outcome.OK_WITH_NOTE, "Truncated File"));
    cases.add(new Case("corrupt.jpg", ImageBytes.corrupted(photo, 0.7), Outcome.ERROR, "Unsupported marker"));
    cases.add(new Case("truncated.png", ImageBytes.truncated(png, 0.6), Outcome.ERROR, "cannot decode"));
    cases.add(new Case("corrupt.png", ImageBytes.corrupted(png, 0.3), Outcome.ERROR, "cannot decode"));
    cases.add(new Case("text.jpg", "just some notes\n".getBytes(StandardCharsets.UTF_8), Outcome.ERROR,
        "not a supported image format"));
    cases.add(new Case("png-named.jpg", png, Outcome.OK, "64x48"));
    // no ICC profile: TwelveMonkeys says its CMYK conversion is approximate, and the row notes it
    cases.add(new Case("cmyk.jpg", ImageBytes.adobeJpeg(32, 16, 0), Outcome.OK_WITH_NOTE, "CMYK to RGB"));
    cases.add(new Case("ycck.jpg", ImageBytes.adobeJpeg(32, 16, 2), Outcome.OK_WITH_NOTE, "CMYK to RGB"));
    cases.add(new Case("grey.jpg", TestImages.encode(ImageBytes.as(quads, BufferedImage.TYPE_BYTE_GRAY), "jpg"),
        Outcome.OK, "40x20"));
    cases.add(new Case("grey16.png", TestImages.encode(ImageBytes.as(quads, BufferedImage.TYPE_USHORT_GRAY), "png"),
        Outcome.OK, "40x20"));
    cases.add(new Case("palette.png", TestImages.encode(ImageBytes.as(quads, BufferedImage.TYPE_BYTE_INDEXED),
        "png"), Outcome.OK, "40x20"));
    cases.add(new Case("alpha.png", TestImages.encode(ImageBytes.as(quads, BufferedImage.TYPE_INT_ARGB), "png"),
        Outcome.OK, "40x20"));
    for (int orientation = 1; orientation <= 8; orientation++) {
      cases.add(new Case("exif-" + orientation + ".jpg", TestImages.jpegWithOrientation(quads, orientation),
          Outcome.OK, orientation >= 5 ? "20x40" : "40x20"));
    }
    cases.add(new Case("animated.gif", animatedGif(), Outcome.OK, "24x12"));
    cases.add(new Case("image.bmp", TestImages.encode(quads, "bmp"), Outcome.OK, "40x20"));
    cases.add(new Case("image.tiff", TestImages.encode(quads, "tiff"), Outcome.OK, "40x20"));
    cases.add(new Case("lossless.webp", ImageBytes.webp(30, 10), Outcome.OK, "30x10"));
    cases.add(new Case("bomb.png", ImageBytes.png(50_000, 50_000, 1, y -> new byte[3 * 50_000]), Outcome.ERROR,
        "above input.maxPixels"));
    cases.add(new Case("bomb.jpg", ImageBytes.jpegDeclaring(jpeg, 50_000, 50_000), Outcome.ERROR,
        "above input.maxPixels"));
    cases.add(new Case("one-pixel.png", TestImages.encode(TestImages.quadrants(1, 1), "png"), Outcome.OK, "1x1"));
    cases.add(new Case("one-pixel.jpg", TestImages.encode(TestImages.quadrants(1, 1), "jpg"), Outcome.OK, "1x1"));
    return cases;
  }

  /** Writes every case into {@code dir}; returns the files written. */
  public static List<Path> write(Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Case c : cases()) {
      files.add(Files.write(dir.resolve(c.file()), c.bytes()));
    }
    return files;
  }

  /** A {@code w × h} image of seeded random pixels: a JPEG of it is mostly scan data, so cuts fall in the scan. */
  static BufferedImage noise(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    java.util.Random random = new java.util.Random(13);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, random.nextInt(1 << 24));
      }
    }
    return img;
  }

  /** A two-frame GIF: the first frame red, the second blue (only the first is a frame for PoseSpark). */
  static byte[] animatedGif() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.prepareWriteSequence(null);
      for (Color c : new Color[] {Color.RED, Color.BLUE}) {
        BufferedImage frame = new BufferedImage(24, 12, BufferedImage.TYPE_3BYTE_BGR);
        var g = frame.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, 24, 12);
        g.dispose();
        writer.writeToSequence(new IIOImage(frame, null, null), null);
      }
      writer.endWriteSequence();
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
