package ai.posespark.decode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Removes the embedded ICC colour profile (APP2 {@code ICC_PROFILE} segments) from JPEG bytes before decoding.
 *
 * <p>Pose models see pixels as TF decodes them (libjpeg's {@code decode_jpeg}, jpeg-js for the TF.js golden
 * inputs): the stored YCbCr → RGB values, without colour management. ImageIO instead converts every image with a
 * profile to sRGB, which moves pixels (COCO 000000000785, an Adobe-RGB-tagged photo: mean 1.7, max 54 levels) and
 * costs ~14 of its 19 ms decode. Many camera and Flickr photos carry a profile.
 */
final class JpegIccProfile {
  private static final byte[] ICC = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);

  private JpegIccProfile() {}

  /** {@code jpeg} without ICC segments; the bytes themselves when it has none or is not a well-formed JPEG. */
  static byte[] strip(byte[] jpeg) {
    if (jpeg.length < 4 || (jpeg[0] & 0xff) != 0xff || (jpeg[1] & 0xff) != 0xd8) {
      return jpeg;
    }
    ByteArrayOutputStream out = null;
    int i = 2;
    // marker segments up to the first scan: FF xx, 2-byte big-endian length including itself
    while (i + 4 <= jpeg.length && (jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) != 0xda) {
      int length = ((jpeg[i + 2] & 0xff) << 8) | (jpeg[i + 3] & 0xff);
      if (length < 2 || i + 2 + length > jpeg.length) {
        return jpeg; // malformed: let the decoder report it
      }
      if ((jpeg[i + 1] & 0xff) == 0xe2 && startsWith(jpeg, i + 4, ICC)) {
        if (out == null) {
          out = new ByteArrayOutputStream(jpeg.length);
          out.write(jpeg, 0, i);
        }
      } else if (out != null) {
        out.write(jpeg, i, length + 2);
      }
      i += length + 2;
    }
    if (out == null) {
      return jpeg;
    }
    out.write(jpeg, i, jpeg.length - i);
    return out.toByteArray();
  }

  private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
    if (offset + prefix.length > data.length) {
      return false;
    }
    for (int k = 0; k < prefix.length; k++) {
      if (data[offset + k] != prefix[k]) {
        return false;
      }
    }
    return true;
  }
}
