package ai.posespark.model;

import java.util.List;

/**
 * How frames become a model's input tensor.
 *
 * @param size     [height, width] of the input
 * @param dtype    {@code int32} (rounded 0..255) or {@code float32}
 * @param layout   {@code nhwc} or {@code nchw}
 * @param range    value mapping after resize: {@code 0..255} (raw), {@code 0..1} (v/255), {@code -1..1}
 *                 (v/127.5-1), {@code -0.5..0.5} (v/256-0.5, CMU's OpenPose models); ignored with mean/std
 * @param channels channel order {@code rgb} (default) or {@code bgr} (models trained on OpenCV-read images, as
 *                 CMU's, YOLOX and RTMDet)
 * @param mean     per model channel (in {@code channels} order), subtracted from 0..255 values: MMPose's and
 *                 MMDetection's {@code data_preprocessor.mean}; null for none
 * @param std      per model channel, divided by after the mean; null for none (both or neither)
 * @param pad      the 0..255 value of the letterbox's padding (default 0; YOLOX and RTMDet 114)
 */
public record ModelInputSpec(List<Integer> size, String dtype, String layout, String range, String channels,
                             List<Double> mean, List<Double> std, Double pad)
    implements java.io.Serializable {

  public ModelInputSpec {
    channels = channels == null ? "rgb" : channels;
    if (!"rgb".equals(channels) && !"bgr".equals(channels)) {
      throw new IllegalArgumentException("model input channels '" + channels + "' (rgb | bgr)");
    }
    if ((mean == null) != (std == null)) {
      throw new IllegalArgumentException("model input mean and std go together (3 values each)");
    }
    if (mean != null && (mean.size() != 3 || std.size() != 3 || std.stream().anyMatch(v -> !(v > 0)))) {
      throw new IllegalArgumentException("model input mean " + mean + " / std " + std
          + ": 3 values each, std > 0");
    }
    if (pad != null && !(pad >= 0 && pad <= 255)) {
      throw new IllegalArgumentException("model input pad " + pad + " is outside 0..255");
    }
    mean = mean == null ? null : List.copyOf(mean);
    std = std == null ? null : List.copyOf(std);
  }

  /** An input without mean/std normalisation or pad value. */
  public ModelInputSpec(List<Integer> size, String dtype, String layout, String range, String channels) {
    this(size, dtype, layout, range, channels, null, null, null);
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

  /** The letterbox padding's 0..255 value. */
  public float padValue() {
    return pad == null ? 0f : pad.floatValue();
  }
}
