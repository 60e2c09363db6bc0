package ai.posespark.decode;

/**
 * What decoding one frame may cost, checked before the work is done wherever it can be: above {@code maxPixels}
 * an image (or a video stream) is refused from its header (a decompression bomb declares billions of pixels in a
 * few bytes); above {@code maxDecodePixels} it is decoded subsampled, every n-th row and column, so a frame never
 * holds more than {@code maxDecodePixels × 3} bytes of pixels and a batch of huge images stays bounded; a file above
 * {@code maxFileBytes} is not read; a frame whose decoding takes longer than {@code decodeTimeoutMs} is given up
 * ({@link TimedFrameDecoder}).
 *
 * @param maxPixels       {@code input.maxPixels}: larger images and video streams get error rows
 * @param maxDecodePixels {@code input.maxDecodePixels}: larger images are decoded subsampled
 * @param maxFileBytes    {@code input.maxFileBytes}: larger image files get an error row without being read
 * @param decodeTimeoutMs {@code input.decodeTimeoutMs}: a frame still decoding after this long gets an error row
 */
public record ImageLimits(long maxPixels, long maxDecodePixels, long maxFileBytes, long decodeTimeoutMs)
    implements java.io.Serializable {
  /** 100 megapixels: every camera photo, not a bomb. */
  public static final long DEFAULT_MAX_PIXELS = 100_000_000L;
  /** 4096²: 48 MB of RGB, far above what any pose model's input resolves. */
  public static final long DEFAULT_MAX_DECODE_PIXELS = 4096L * 4096L;
  /** 512 MiB: an uncompressed 100-megapixel RGB image (300 MB) fits; a file is read whole into memory. */
  public static final long DEFAULT_MAX_FILE_BYTES = 512L << 20;
  /** One minute: a 100-megapixel PNG decodes in seconds; a frame still decoding after this is a hostile file. */
  public static final long DEFAULT_DECODE_TIMEOUT_MS = 60_000L;
  public static final ImageLimits DEFAULTS = new ImageLimits(DEFAULT_MAX_PIXELS, DEFAULT_MAX_DECODE_PIXELS);

  public ImageLimits {
    if (maxPixels < 1 || maxDecodePixels < 1 || maxFileBytes < 1 || decodeTimeoutMs < 1) {
      throw new IllegalArgumentException("image limits must be positive: " + maxPixels + ", " + maxDecodePixels
          + ", " + maxFileBytes + ", " + decodeTimeoutMs);
    }
  }

  /** The pixel limits given, the file size and time budget at their defaults. */
  public ImageLimits(long maxPixels, long maxDecodePixels) {
    this(maxPixels, maxDecodePixels, DEFAULT_MAX_FILE_BYTES, DEFAULT_DECODE_TIMEOUT_MS);
  }

  /** The subsampling step (1: full resolution) that brings a {@code width × height} image within the bound. */
  public int step(long width, long height) {
    int step = 1;
    while (ceilDiv(width, step) * ceilDiv(height, step) > maxDecodePixels) {
      step++;
    }
    return step;
  }

  /** Refuses a frame whose header declares no pixels or more than {@code maxPixels}; {@code what} names it. */
  public void checkDeclared(String what, long w, long h) throws FrameDecodeException {
    if (w < 1 || h < 1) {
      throw new FrameDecodeException(what + " header declares " + w + "x" + h + " pixels");
    }
    if (w * h > maxPixels) {
      throw new FrameDecodeException(String.format("%s declares %dx%d = %,d pixels, above input.maxPixels %,d "
          + "(refused before decoding)", what, w, h, w * h, maxPixels));
    }
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
