package ai.posespark.pose;

/**
 * A read-only view of one frame's {@code H × W × C} model output, flattened row-major in TF layout (NHWC without
 * the batch axis), so decoders read {@code (row, column, channel)} instead of index arithmetic.
 */
public final class FeatureGrid {
  private final float[] data;
  private final int height;
  private final int width;
  private final int channels;

  /**
   * @param data     {@code height × width × channels} values, channel fastest
   * @param height   rows
   * @param width    columns
   * @param channels values per cell
   * @param what     what the output is, for the error message
   */
  public FeatureGrid(float[] data, int height, int width, int channels, String what) {
    if (height <= 0 || width <= 0 || channels <= 0) {
      throw new IllegalArgumentException(what + ": grid " + height + "×" + width + "×" + channels + " is empty");
    }
    if ((long) height * width * channels != data.length) {
      throw new IllegalArgumentException(what + " has " + data.length + " values, expected " + height + "×"
          + width + "×" + channels + " = " + (long) height * width * channels);
    }
    this.data = data;
    this.height = height;
    this.width = width;
    this.channels = channels;
  }

  public float get(int row, int col, int channel) {
    return data[(row * width + col) * channels + channel];
  }

  public int height() {
    return height;
  }

  public int width() {
    return width;
  }

  public int channels() {
    return channels;
  }
}
