package ai.posespark.decode;

import ai.posespark.source.FrameTask;

/**
 * One frame as the executor loop receives it: its pixels, or why there are none, with what reading and decoding
 * cost.
 *
 * @param task        the frame (a video decoder names each frame of its range by its own task)
 * @param image       the pixels; null when the frame failed
 * @param error       null when the frame decoded, else the reason for the frame row
 * @param readMs      milliseconds reading its bytes
 * @param decodeMs    milliseconds decoding them
 * @param subsampling how a huge image's decoded pixels map to its own, or null at full resolution
 * @param warning     what decoding reported while still producing pixels (e.g. a truncated file), or null
 * @param input       the model input the pipeline prepared from the pixels ahead of the batch, or null
 * @param prepareMs   milliseconds preparing {@code input}
 */
public record DecodedFrame(FrameTask task, RgbImage image, String error, double readMs, double decodeMs,
                           Subsampling subsampling, String warning, LetterboxRaster.Raster input, double prepareMs) {

  /** A frame as decoded, nothing prepared yet. */
  public DecodedFrame(FrameTask task, RgbImage image, String error, double readMs, double decodeMs,
                      Subsampling subsampling, String warning) {
    this(task, image, error, readMs, decodeMs, subsampling, warning, null, 0);
  }

  /** A frame at full resolution, decoded without a warning (or failed). */
  public DecodedFrame(FrameTask task, RgbImage image, String error, double readMs, double decodeMs) {
    this(task, image, error, readMs, decodeMs, null, null);
  }

  /** A frame that decoded. */
  public static DecodedFrame ok(FrameTask task, RgbImage image, double readMs, double decodeMs) {
    return new DecodedFrame(task, image, null, readMs, decodeMs);
  }

  /** An image that decoded, with its subsampling and warning. */
  public static DecodedFrame ok(FrameTask task, DecodedImage image, double readMs, double decodeMs) {
    return new DecodedFrame(task, image.image(), null, readMs, decodeMs, image.subsampling(), image.warning());
  }

  /** A frame that could not be read or decoded. */
  public static DecodedFrame failed(FrameTask task, String error, double readMs, double decodeMs) {
    return new DecodedFrame(task, null, error, readMs, decodeMs);
  }

  /** This frame with the model input made from it ahead of the batch. */
  public DecodedFrame withInput(LetterboxRaster.Raster prepared, double millis) {
    return new DecodedFrame(task, image, error, readMs, decodeMs, subsampling, warning, prepared, millis);
  }

  public boolean isOk() {
    return error == null;
  }

  /** The source frame's width, pixels (the decoded image's unless it was subsampled). */
  public int sourceWidth() {
    return subsampling == null ? image.width() : subsampling.sourceWidth();
  }

  /** The source frame's height, pixels. */
  public int sourceHeight() {
    return subsampling == null ? image.height() : subsampling.sourceHeight();
  }
}
