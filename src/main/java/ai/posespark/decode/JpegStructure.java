package ai.posespark.decode;

/**
 * A JPEG's marker structure, walked without decoding a pixel: the frame header's size and components, and whether
 * every segment and entropy-coded scan is whole and in order up to the end-of-image marker. Only a sound file of the
 * kind libjpeg-turbo decodes the same way as ImageIO (8-bit Huffman baseline or progressive, grey or YCbCr) goes to
 * the fast decoder ({@link TurboJpeg}), which reports no warnings; a truncated file, an unexpected marker, a
 * restart out of sequence, CMYK, 12-bit or arithmetic coding go to ImageIO, whose error or warning the frame row
 * then carries, as before.
 *
 * @param width      the frame header's width (before EXIF orientation)
 * @param height     its height
 * @param components 1 (grey) or 3
 */
public record JpegStructure(int width, int height, int components) {

  /** The structure of {@code bytes}, or null when they are not a sound JPEG of the kind described above. */
  public static JpegStructure of(byte[] bytes) {
    int n = bytes.length;
    if (n < 4 || (bytes[0] & 0xff) != 0xff || (bytes[1] & 0xff) != 0xd8) {
      return null;
    }
    int pos = 2;
    JpegStructure frame = null;
    boolean scanned = false;
    while (pos < n) {
      if ((bytes[pos] & 0xff) != 0xff) {
        return null; // garbage between segments
      }
      while (pos < n && (bytes[pos] & 0xff) == 0xff) {
        pos++; // fill bytes
      }
      if (pos >= n) {
        return null;
      }
      int marker = bytes[pos++] & 0xff;
      if (marker == 0xd9) {
        return scanned ? frame : null;
      }
      if (marker == 0x01) {
        continue; // TEM: no length
      }
      if (marker == 0xd8 || marker >= 0xd0 && marker <= 0xd7 || marker == 0x00) {
        return null; // SOI again, or a restart outside a scan
      }
      if (pos + 2 > n) {
        return null;
      }
      int length = u16(bytes, pos);
      if (length < 2 || pos + length > n) {
        return null;
      }
      if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc) {
        if (frame != null || marker > 0xc2) {
          return null; // a second frame, or lossless / hierarchical / arithmetic coding
        }
        frame = frame(bytes, pos, length);
        if (frame == null) {
          return null;
        }
      }
      if (marker == 0xda) {
        if (frame == null) {
          return null;
        }
        pos = endOfScan(bytes, pos + length);
        if (pos < 0) {
          return null;
        }
        scanned = true;
        continue;
      }
      pos += length;
    }
    return null; // no end-of-image marker: truncated
  }

  /** The SOF segment at {@code pos} (its length field), or null when it is not 8-bit grey or 3-component. */
  private static JpegStructure frame(byte[] bytes, int pos, int length) {
    if (length < 8) {
      return null;
    }
    int precision = bytes[pos + 2] & 0xff;
    int height = u16(bytes, pos + 3);
    int width = u16(bytes, pos + 5);
    int components = bytes[pos + 7] & 0xff;
    if (precision != 8 || height == 0 || width == 0 || components != 1 && components != 3
        || length != 8 + 3 * components) {
      return null;
    }
    return new JpegStructure(width, height, components);
  }

  /**
   * Walks entropy-coded data from {@code pos} to the marker that ends it: stuffed {@code FF 00} and restarts
   * {@code RST0..7} (in sequence) belong to the scan. Returns the marker's position, or -1 when the data runs out
   * or a restart is out of sequence.
   */
  private static int endOfScan(byte[] bytes, int pos) {
    int expected = 0;
    int n = bytes.length;
    while (pos < n - 1) {
      if ((bytes[pos] & 0xff) != 0xff) {
        pos++;
        continue;
      }
      int next = bytes[pos + 1] & 0xff;
      if (next == 0x00 || next == 0xff) {
        pos += next == 0x00 ? 2 : 1;
      } else if (next >= 0xd0 && next <= 0xd7) {
        if (next - 0xd0 != expected) {
          return -1;
        }
        expected = (expected + 1) % 8;
        pos += 2;
      } else {
        return pos;
      }
    }
    return -1;
  }

  private static int u16(byte[] bytes, int pos) {
    return (bytes[pos] & 0xff) << 8 | bytes[pos + 1] & 0xff;
  }
}
