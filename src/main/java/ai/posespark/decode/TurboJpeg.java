package ai.posespark.decode;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JPEG decoding with libjpeg-turbo (SIMD IDCT and colour conversion, ~2× ImageIO at full size) through OpenCV's
 * {@code imdecode}. At a reduction of 2, 4 or 8 ({@code IMREAD_REDUCED_COLOR_*}) libjpeg scales in the DCT domain,
 * computing only the low-frequency coefficients of each 8×8 block: a 1/k image for a fraction of the work, each
 * decoded pixel the filtered average of a k×k source block (so it maps back by {@link Subsampling}'s rule
 * {@code x · k}). EXIF orientation is left to {@link ExifOrientation} and ICC profiles are ignored, as on the
 * ImageIO path. Only files {@link JpegStructure} found sound come here. Thread-safe.
 */
public final class TurboJpeg {
  private static final Logger LOG = LoggerFactory.getLogger(TurboJpeg.class);
  private static final boolean AVAILABLE = load();

  private TurboJpeg() {}

  /** Whether OpenCV's natives loaded on this machine (else ImageIO decodes every JPEG). */
  public static boolean available() {
    return AVAILABLE;
  }

  /**
   * {@code bytes} decoded at 1/{@code reduction} (1, 2, 4 or 8) of the stored size, before EXIF orientation.
   *
   * @throws FrameDecodeException when libjpeg returns no image
   */
  public static RgbImage decode(byte[] bytes, int reduction) throws FrameDecodeException {
    int flags = opencv_imgcodecs.IMREAD_IGNORE_ORIENTATION | switch (reduction) {
      case 1 -> opencv_imgcodecs.IMREAD_COLOR;
      case 2 -> opencv_imgcodecs.IMREAD_REDUCED_COLOR_2;
      case 4 -> opencv_imgcodecs.IMREAD_REDUCED_COLOR_4;
      case 8 -> opencv_imgcodecs.IMREAD_REDUCED_COLOR_8;
      default -> throw new IllegalArgumentException("JPEG reduction " + reduction + " (1 | 2 | 4 | 8)");
    };
    try (BytePointer data = new BytePointer(bytes);
         Mat encoded = new Mat(1, bytes.length, opencv_core.CV_8UC1, data);
         Mat bgr = opencv_imgcodecs.imdecode(encoded, flags)) {
      if (bgr == null || bgr.empty() || bgr.channels() != 3 || !bgr.isContinuous()) {
        throw new FrameDecodeException("cannot decode image: libjpeg-turbo returned no image");
      }
      int w = bgr.cols();
      int h = bgr.rows();
      byte[] rgb = new byte[w * h * 3];
      bgr.data().get(rgb);
      for (int i = 0; i < rgb.length; i += 3) {
        byte b = rgb[i];
        rgb[i] = rgb[i + 2];
        rgb[i + 2] = b;
      }
      return new RgbImage(w, h, rgb);
    }
  }

  private static boolean load() {
    try {
      Loader.load(opencv_imgcodecs.class);
      return true;
    } catch (Throwable e) {
      LOG.warn("OpenCV natives did not load ({}): JPEGs decode with ImageIO at full size", e.toString());
      return false;
    }
  }
}
