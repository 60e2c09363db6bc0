package ai.posespark.decode;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Images the tests render themselves, and the shipped samples. */
public final class TestImages {
  private TestImages() {}

  /** The repository's sample folder (tests run from the project root). */
  public static Path samples() {
    return Path.of("data", "samples").toAbsolutePath();
  }

  /** A w×h image whose four quadrants are red (top-left), green (top-right), blue (bottom-left), white. */
  public static BufferedImage quadrants(int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    var g = img.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, w / 2, h / 2);
    g.setColor(Color.GREEN);
    g.fillRect(w / 2, 0, w - w / 2, h / 2);
    g.setColor(Color.BLUE);
    g.fillRect(0, h / 2, w / 2, h - h / 2);
    g.setColor(Color.WHITE);
    g.fillRect(w / 2, h / 2, w - w / 2, h - h / 2);
    g.dispose();
    return img;
  }

  public static byte[] encode(BufferedImage img, String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, format, out);
    return out.toByteArray();
  }

  /**
   * A JPEG of {@code img} carrying an EXIF APP1 segment with the given orientation: SOI, then APP1 holding a
   * big-endian TIFF header with one IFD0 entry (tag 0x0112, SHORT), then the rest of the JPEG.
   */
  public static byte[] jpegWithOrientation(BufferedImage img, int orientation) throws IOException {
    byte[] jpeg = encode(img, "jpg");
    byte[] tiff = {
        'M', 'M', 0, 42, 0, 0, 0, 8,            // header, IFD0 at offset 8
        0, 1,                                    // one entry
        0x01, 0x12, 0, 3, 0, 0, 0, 1,            // Orientation, SHORT, count 1
        0, (byte) orientation, 0, 0,             // value (left-justified)
        0, 0, 0, 0};                             // no next IFD
    ByteArrayOutputStream app1 = new ByteArrayOutputStream();
    app1.write(new byte[] {'E', 'x', 'i', 'f', 0, 0});
    app1.write(tiff);
    int len = app1.size() + 2;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);                        // SOI
    out.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (len >> 8), (byte) len});
    app1.writeTo(out);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  public static byte[] read(Path p) throws IOException {
    return Files.readAllBytes(p);
  }
}
