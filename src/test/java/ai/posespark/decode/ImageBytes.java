package ai.posespark.decode;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Image files the robustness tests write byte by byte, for what ImageIO's writers cannot make: CMYK/YCCK JPEGs,
 * decompression bombs (a header declaring far more pixels than the file holds), WebP (no Java encoder on Maven
 * Central: a lossless VP8L stream of two colours, coded with simple prefix codes), huge PNGs written a row at a
 * time, cut and corrupted files.
 */
public final class ImageBytes {
  private ImageBytes() {}

  /** The first {@code fraction} of {@code bytes}. */
  public static byte[] truncated(byte[] bytes, double fraction) {
    return Arrays.copyOf(bytes, (int) (bytes.length * fraction));
  }

  /** {@code bytes} with every byte from {@code from} (a fraction of the length) on XORed with a fixed pattern. */
  public static byte[] corrupted(byte[] bytes, double from) {
    byte[] out = bytes.clone();
    for (int i = (int) (out.length * from); i < out.length; i += 7) {
      out[i] ^= 0x5a;
    }
    return out;
  }

  /**
   * A 4-component JPEG of {@code w × h}, left half red, right half blue, with an Adobe APP14 segment saying
   * {@code transform}: 0 CMYK, 2 YCCK. Adobe's convention, as Photoshop writes them: inverted CMYK (255 = no
   * ink); YCCK stores the YCbCr of RGB = 255 − (inverted CMY), K as is.
   */
  public static byte[] adobeJpeg(int w, int h, int transform) throws IOException {
    WritableRaster raster = Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, w, h, 4, null);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        // inverted: red = full magenta + yellow, blue = full cyan + magenta, no black
        int[] cmyk = x < w / 2 ? new int[] {255, 0, 0, 255} : new int[] {0, 0, 255, 255};
        if (transform == 2) {
          cmyk = ycc(cmyk);
        }
        raster.setPixel(x, y, cmyk);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.write(null, new IIOImage(raster, null, null), null);
    } finally {
      writer.dispose();
    }
    byte[] jpeg = out.toByteArray();
    byte[] app14 = {(byte) 0xff, (byte) 0xee, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) transform};
    return splice(jpeg, 2, app14);
  }

  /** An inverted-CMYK pixel as Adobe's YCCK: the YCbCr (JFIF) of RGB = 255 − CMY, K kept. */
  private static int[] ycc(int[] c) {
    double r = 255 - c[0];
    double g = 255 - c[1];
    double b = 255 - c[2];
    return new int[] {clamp(0.299 * r + 0.587 * g + 0.114 * b), clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b),
        clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b), c[3]};
  }

  private static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }

  /** {@code jpeg} with its SOF0/SOF2 frame size replaced by {@code w × h} (the scan data stays what it was). */
  public static byte[] jpegDeclaring(byte[] jpeg, int w, int h) {
    byte[] out = jpeg.clone();
    for (int i = 2; i + 9 < out.length; i++) {
      int marker = out[i + 1] & 0xff;
      if ((out[i] & 0xff) == 0xff && (marker == 0xc0 || marker == 0xc2)) {
        out[i + 5] = (byte) (h >> 8);
        out[i + 6] = (byte) h;
        out[i + 7] = (byte) (w >> 8);
        out[i + 8] = (byte) w;
        return out;
      }
    }
    throw new IllegalArgumentException("no SOF0/SOF2 marker");
  }

  /**
   * A truecolour PNG of {@code w × h} whose rows come from {@code row} (RGB bytes; only {@code rows} rows are
   * written when {@code rows < h}, so the header can declare more than the data holds: a bomb). Deflated row by
   * row, so a huge image costs one row of memory.
   */
  public static byte[] png(int w, int h, int rows, java.util.function.IntFunction<byte[]> row) throws IOException {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 2).put((byte) 0)
        .put((byte) 0).put((byte) 0);
    chunk(file, "IHDR", ihdr.array());
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    ByteArrayOutputStream idat = new ByteArrayOutputStream();
    byte[] buf = new byte[1 << 16];
    for (int y = 0; y < Math.min(rows, h); y++) {
      byte[] line = new byte[1 + 3 * w];
      System.arraycopy(row.apply(y), 0, line, 1, 3 * w);
      deflater.setInput(line);
      while (!deflater.needsInput()) {
        idat.write(buf, 0, deflater.deflate(buf));
      }
    }
    deflater.finish();
    while (!deflater.finished()) {
      idat.write(buf, 0, deflater.deflate(buf));
    }
    chunk(file, "IDAT", idat.toByteArray());
    chunk(file, "IEND", new byte[0]);
    return file.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream file, String type, byte[] data) throws IOException {
    DataOutputStream out = new DataOutputStream(file);
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    out.writeInt(data.length);
    out.write(name);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    out.writeInt((int) crc.getValue());
  }

  /**
   * A lossless WebP (VP8L) of {@code w × h}, left half red, right half blue, opaque: no transforms, no colour
   * cache, five simple prefix codes (green 0; red and blue each 0 or 255, one bit per pixel; alpha 255; distance
   * unused), then per pixel a red bit and a blue bit.
   */
  public static byte[] webp(int w, int h) {
    Bits bits = new Bits();
    bits.put(w - 1, 14).put(h - 1, 14).put(0, 1).put(0, 3); // size, alpha hint, version 0
    bits.put(0, 1).put(0, 1).put(0, 1);                      // no transform, no colour cache, no meta codes
    bits.put(1, 1).put(0, 1).put(0, 1).put(0, 1);            // green: simple, one 1-bit symbol: 0
    for (int c = 0; c < 2; c++) {                            // red, blue: simple, two symbols 0 and 255
      bits.put(1, 1).put(1, 1).put(0, 1).put(0, 1).put(255, 8);
    }
    bits.put(1, 1).put(0, 1).put(1, 1).put(255, 8);          // alpha: one 8-bit symbol: 255
    bits.put(1, 1).put(0, 1).put(0, 1).put(0, 1);            // distance: one symbol, never read
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        boolean red = x < w / 2;
        bits.put(red ? 1 : 0, 1).put(red ? 0 : 1, 1);        // canonical codes: bit 0 = symbol 0, 1 = 255
      }
    }
    byte[] payload = bits.bytes();
    int chunk = 1 + payload.length;
    int padded = chunk + (chunk & 1);
    ByteBuffer out = ByteBuffer.allocate(20 + padded).order(ByteOrder.LITTLE_ENDIAN);
    out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(12 + padded).put("WEBP".getBytes(StandardCharsets
        .US_ASCII)).put("VP8L".getBytes(StandardCharsets.US_ASCII)).putInt(chunk).put((byte) 0x2f).put(payload);
    return out.array();
  }

  /** Inserts {@code segment} into {@code bytes} at {@code at}. */
  private static byte[] splice(byte[] bytes, int at, byte[] segment) {
    byte[] out = new byte[bytes.length + segment.length];
    System.arraycopy(bytes, 0, out, 0, at);
    System.arraycopy(segment, 0, out, at, segment.length);
    System.arraycopy(bytes, at, out, at + segment.length, bytes.length - at);
    return out;
  }

  /** A least-significant-bit-first bit writer (VP8L's order). */
  private static final class Bits {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int current;
    private int used;

    Bits put(int value, int n) {
      for (int i = 0; i < n; i++) {
        current |= ((value >> i) & 1) << used;
        if (++used == 8) {
          out.write(current);
          current = 0;
          used = 0;
        }
      }
      return this;
    }

    byte[] bytes() {
      if (used > 0) {
        out.write(current);
      }
      return out.toByteArray();
    }
  }

  /** {@code img} as an image of {@code type} (grey, 16-bit grey, palette, ARGB), drawn by Java2D. */
  public static BufferedImage as(BufferedImage img, int type) {
    BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), type);
    var g = out.createGraphics();
    g.drawImage(img, 0, 0, null);
    g.dispose();
    return out;
  }
}
