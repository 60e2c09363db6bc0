package ai.posespark.decode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Drops a PNG's metadata chunks before anything parses it. Text ({@code zTXt}, {@code iTXt}) and ICC ({@code iCCP})
 * chunks are zlib-compressed and both ImageIO and metadata-extractor inflate them whole: a 2 MB chunk inflates to
 * 2 GB and ends the executor. Decoding needs the pixels ({@code IHDR}, {@code PLTE}, {@code tRNS}, {@code IDAT},
 * {@code IEND}) and the orientation ({@code eXIf}, uncompressed); ICC profiles are ignored as for JPEGs.
 */
final class PngChunks {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final Set<String> KEPT = Set.of("IHDR", "PLTE", "tRNS", "IDAT", "IEND", "eXIf");

  private PngChunks() {}

  /**
   * {@code png} with only the chunks decoding uses; the bytes themselves when it has no others or is not a PNG. A
   * chunk whose length runs past the end is kept with the rest as it is, for the decoder to report.
   */
  static byte[] strip(byte[] png) {
    if (!isPng(png)) {
      return png;
    }
    ByteArrayOutputStream out = null;
    int i = SIGNATURE.length;
    while (i + 12 <= png.length) {
      long length = ((png[i] & 0xffL) << 24) | ((png[i + 1] & 0xff) << 16) | ((png[i + 2] & 0xff) << 8)
          | (png[i + 3] & 0xff);
      long end = i + 12 + length;
      if (end > png.length) {
        break; // damaged: the decoder reports it
      }
      boolean keep = KEPT.contains(new String(png, i + 4, 4, StandardCharsets.ISO_8859_1));
      if (!keep && out == null) {
        out = new ByteArrayOutputStream(png.length);
        out.write(png, 0, i);
      } else if (keep && out != null) {
        out.write(png, i, (int) (end - i));
      }
      i = (int) end;
    }
    if (out == null) {
      return png;
    }
    out.write(png, i, png.length - i);
    return out.toByteArray();
  }

  private static boolean isPng(byte[] bytes) {
    if (bytes.length < SIGNATURE.length) {
      return false;
    }
    for (int k = 0; k < SIGNATURE.length; k++) {
      if (bytes[k] != SIGNATURE[k]) {
        return false;
      }
    }
    return true;
  }
}
