package ai.posespark.decode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Hostile files the tests build themselves (nothing binary in the repository): a PNG whose text chunk inflates to
 * far more than the heap, a progressive JPEG with thousands of scans, a FIFO and a link to {@code /dev/zero} named
 * {@code .jpg}.
 */
public final class HostileFiles {
  private HostileFiles() {}

  /**
   * A small valid PNG ({@code img}) carrying a {@code zTXt} chunk whose text inflates to {@code textBytes} zero bytes
   * (about 1,000 : 1: 2 GB in 2 MB), before its pixels, where a reader meets it first.
   */
  public static byte[] pngWithTextBomb(java.awt.image.BufferedImage img, long textBytes) throws IOException {
    byte[] png = TestImages.encode(img, "png");
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    text.write("Comment".getBytes(StandardCharsets.ISO_8859_1));
    text.write(0); // keyword terminator
    text.write(0); // compression method: deflate
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    byte[] zeros = new byte[1 << 20];
    byte[] out = new byte[1 << 16];
    for (long left = textBytes; left > 0; left -= zeros.length) {
      deflater.setInput(zeros, 0, (int) Math.min(zeros.length, left));
      while (!deflater.needsInput()) {
        text.write(out, 0, deflater.deflate(out));
      }
    }
    deflater.finish();
    while (!deflater.finished()) {
      text.write(out, 0, deflater.deflate(out));
    }
    deflater.end();
    int afterHeader = 8 + 8 + 13 + 4; // signature, then IHDR's length, type, data, CRC
    ByteArrayOutputStream result = new ByteArrayOutputStream();
    result.write(png, 0, afterHeader);
    result.write(chunk("zTXt", text.toByteArray()));
    result.write(png, afterHeader, png.length - afterHeader);
    return result.toByteArray();
  }

  /**
   * A {@code width × height} 8-bit RGB PNG of a few hundred bytes: a header, one deflated black row of pixel data
   * (the rest missing) and the end. A reader allocates the whole image ({@code width × height × 3} bytes) before it
   * inflates the data: the file that exhausts a small heap.
   */
  public static byte[] pngDeclaring(int width, int height) throws IOException {
    ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height);
    header.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0); // 8-bit RGB, no interlace
    Deflater deflater = new Deflater();
    deflater.setInput(new byte[1 + 3 * width]); // filter byte, then the row's pixels
    deflater.finish();
    byte[] data = new byte[1 << 16];
    int n = deflater.deflate(data);
    deflater.end();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    png.write(chunk("IHDR", header.array()));
    png.write(chunk("IDAT", java.util.Arrays.copyOf(data, n)));
    png.write(chunk("IEND", new byte[0]));
    return png.toByteArray();
  }

  /** A PNG chunk: length, type, data, CRC of type and data. */
  public static byte[] chunk(String type, byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(12 + data.length);
    byte[] name = type.getBytes(StandardCharsets.ISO_8859_1);
    b.putInt(data.length).put(name).put(data);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    b.putInt((int) crc.getValue());
    return b.array();
  }

  /**
   * A grey {@code side × side} progressive JPEG (side ≤ 1448: at most 32,767 blocks) with one DC scan and
   * {@code acScans} identical AC scans, each a single end-of-band run over every block: two bytes a scan, yet each
   * makes the decoder visit every block again (the "many scans" denial of service libjpeg-turbo's scan limit is
   * for). Every block decodes to mid-grey.
   */
  public static byte[] progressiveJpegWithScans(int side, int acScans) {
    int blocks = ((side + 7) / 8) * ((side + 7) / 8);
    if (blocks > 32767 || blocks < 16384) {
      throw new IllegalArgumentException("side " + side + ": one EOB14 run must cover all " + blocks + " blocks");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xff);
    out.write(0xd8);
    byte[] dqt = new byte[65];
    java.util.Arrays.fill(dqt, 1, 65, (byte) 1);
    segment(out, 0xdb, dqt);
    segment(out, 0xc2, new byte[] {8, (byte) (side >> 8), (byte) side, (byte) (side >> 8), (byte) side, 1, 1, 0x11,
        0});
    // DC table 0: one code "0" for category 0 (no difference); AC table 0: one code "0" for EOB14 (run 2^14 + bits)
    segment(out, 0xc4, huffman(0x00, 0x00));
    segment(out, 0xc4, huffman(0x10, 0xe0));
    segment(out, 0xda, new byte[] {1, 1, 0x00, 0, 0, 0});
    byte[] dc = new byte[(blocks + 7) / 8];
    if (blocks % 8 != 0) {
      dc[dc.length - 1] = (byte) (0xff >> (blocks % 8)); // pad with ones
    }
    out.writeBytes(dc);
    int run = blocks - 16384; // 14 extra bits
    int bits = (0 << 14 | run) << 1 | 1; // code "0", 14 bits, one pad bit: 16 bits
    for (int s = 0; s < acScans; s++) {
      segment(out, 0xda, new byte[] {1, 1, 0x00, 1, 63, 0});
      for (int b : new int[] {bits >> 8 & 0xff, bits & 0xff}) {
        out.write(b);
        if (b == 0xff) {
          out.write(0); // byte stuffing
        }
      }
    }
    out.write(0xff);
    out.write(0xd9);
    return out.toByteArray();
  }

  private static byte[] huffman(int classAndId, int symbol) {
    byte[] table = new byte[1 + 16 + 1];
    table[0] = (byte) classAndId;
    table[1] = 1; // one code of length 1
    table[17] = (byte) symbol;
    return table;
  }

  private static void segment(ByteArrayOutputStream out, int marker, byte[] data) {
    out.write(0xff);
    out.write(marker);
    out.write((data.length + 2) >> 8);
    out.write(data.length + 2);
    out.writeBytes(data);
  }

  /** A FIFO (named pipe) at {@code file}: opening it for reading blocks until a writer comes, which never does. */
  public static Path fifo(Path file) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("mkfifo", file.toString()).redirectErrorStream(true).start();
    if (p.waitFor() != 0) {
      throw new IOException("mkfifo failed: " + new String(p.getInputStream().readAllBytes()));
    }
    return file;
  }

  /** A symbolic link at {@code file} to {@code /dev/zero}: reading it never ends. */
  public static Path devZero(Path file) throws IOException {
    return Files.createSymbolicLink(file, Path.of("/dev/zero"));
  }
}
