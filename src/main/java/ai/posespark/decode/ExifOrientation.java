package ai.posespark.decode;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * EXIF orientation (tag 0x0112, values 1..8): how the stored pixels must be turned to show the scene upright.
 * Phones store portrait photos sideways with this tag; keypoints are only meaningful on the upright image.
 */
public final class ExifOrientation {
  private ExifOrientation() {}

  /** The orientation value in {@code bytes} (1 = upright) — 1 when absent or unreadable. */
  public static int read(byte[] bytes) {
    try {
      Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
      ExifIFD0Directory dir = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
      if (dir == null || !dir.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
        return 1;
      }
      int value = dir.getInt(ExifIFD0Directory.TAG_ORIENTATION);
      return value >= 1 && value <= 8 ? value : 1;
    } catch (ImageProcessingException | IOException | MetadataException | RuntimeException e) {
      return 1; // metadata problems must not lose a frame whose pixels decode fine
    }
  }

  /**
   * Returns {@code image} turned upright for EXIF {@code orientation}. Each output pixel (x, y) is read from the
   * stored pixel the tag maps to it; orientations 5..8 swap width and height.
   */
  public static RgbImage apply(RgbImage image, int orientation) {
    if (orientation == 1) {
      return image;
    }
    int w = image.width();
    int h = image.height();
    boolean swap = orientation >= 5;
    int ow = swap ? h : w;
    int oh = swap ? w : h;
    byte[] src = image.rgb();
    byte[] out = new byte[src.length];
    for (int y = 0; y < oh; y++) {
      for (int x = 0; x < ow; x++) {
        int sx;
        int sy;
        switch (orientation) {
          case 2 -> { // mirrored horizontally
            sx = w - 1 - x;
            sy = y;
          }
          case 3 -> { // rotated 180
            sx = w - 1 - x;
            sy = h - 1 - y;
          }
          case 4 -> { // mirrored vertically
            sx = x;
            sy = h - 1 - y;
          }
          case 5 -> { // transposed
            sx = y;
            sy = x;
          }
          case 6 -> { // stored rotated 90 CCW: turn 90 CW
            sx = y;
            sy = h - 1 - x;
          }
          case 7 -> { // transverse
            sx = w - 1 - y;
            sy = h - 1 - x;
          }
          case 8 -> { // stored rotated 90 CW: turn 90 CCW
            sx = w - 1 - y;
            sy = x;
          }
          default -> throw new IllegalArgumentException("EXIF orientation " + orientation);
        }
        System.arraycopy(src, (sy * w + sx) * 3, out, (y * ow + x) * 3, 3);
      }
    }
    return new RgbImage(ow, oh, out);
  }
}
