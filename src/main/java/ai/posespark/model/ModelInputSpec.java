package ai.posespark.model;

import java.util.List;

/**
 * How frames become a model's input tensor.
 *
 * @param size   [height, width] of the input
 * @param dtype  {@code int32} (rounded 0..255) or {@code float32}
 * @param layout {@code nhwc} or {@code nchw}
 * @param range  value mapping after resize: {@code 0..255} (raw), {@code 0..1} (v/255), {@code -1..1} (v/127.5-1),
 *               {@code -0.5..0.5} (v/256-0.5, CMU's OpenPose models)
 * @param channels channel order {@code rgb} (default) or {@code bgr} (models trained on OpenCV-read images, as
 *                 CMU's)
 */
public record ModelInputSpec(List<Integer> size, String dtype, String layout, String range, String channels)
    implements java.io.Serializable {

  public ModelInputSpec {
    channels = channels == null ? "rgb" : channels;
    if (!"rgb".equals(channels) && !"bgr".equals(channels)) {
      throw new IllegalArgumentException("model input channels '" + channels + "' (rgb | bgr)");
    }
  }

  /** An RGB input. */
  public ModelInputSpec(List<Integer> size, String dtype, String layout, String range) {
    this(size, dtype, layout, range, "rgb");
  }

  public int height() {
    return size.get(0);
  }

  public int width() {
    return size.get(1);
  }
}
