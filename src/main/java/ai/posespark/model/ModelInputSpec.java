package ai.posespark.model;

import java.util.List;

/**
 * How frames become a model's input tensor.
 *
 * @param size   [height, width] of the input
 * @param dtype  {@code int32} (rounded 0..255) or {@code float32}
 * @param layout {@code nhwc} or {@code nchw}
 * @param range  value mapping after resize: {@code 0..255} (raw), {@code 0..1} (v/255), {@code -1..1} (v/127.5-1)
 */
public record ModelInputSpec(List<Integer> size, String dtype, String layout, String range)
    implements java.io.Serializable {

  public int height() {
    return size.get(0);
  }

  public int width() {
    return size.get(1);
  }
}
