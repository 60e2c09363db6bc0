package ai.posespark.decode;

/**
 * What decoding one image may allocate, checked against the size its header declares before any pixel buffer
 * exists: above {@code maxPixels} the image is refused (a decompression bomb declares billions of pixels in a few
 * bytes); above {@code maxDecodePixels} it is decoded subsampled, every n-th row and column, so a frame never holds
 * more than {@code maxDecodePixels × 3} bytes of pixels and a batch of huge images stays bounded.
 *
 * @param maxPixels       {@code input.maxPixels}: larger images get an error row
 * @param maxDecodePixels {@code input.maxDecodePixels}: larger images are decoded subsampled
 */
public record ImageLimits(long maxPixels, long maxDecodePixels) implements java.io.Serializable {
  /** 100 megapixels: every camera photo, not a bomb. */
  public static final long DEFAULT_MAX_PIXELS = 100_000_000L;
  /** 4096²: 48 MB of RGB, far above what any pose model's input resolves. */
  public static final long DEFAULT_MAX_DECODE_PIXELS = 4096L * 4096L;
  public static final ImageLimits DEFAULTS = new ImageLimits(DEFAULT_MAX_PIXELS, DEFAULT_MAX_DECODE_PIXELS);

  public ImageLimits {
    if (maxPixels < 1 || maxDecodePixels < 1) {
      throw new IllegalArgumentException("image limits must be positive: " + maxPixels + ", " + maxDecodePixels);
    }
  }

  /** The subsampling step (1: full resolution) that brings a {@code width × height} image within the bound. */
  public int step(long width, long height) {
    int step = 1;
    while (ceilDiv(width, step) * ceilDiv(height, step) > maxDecodePixels) {
      step++;
    }
    return step;
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
