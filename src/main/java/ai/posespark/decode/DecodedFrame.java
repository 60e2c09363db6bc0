package ai.posespark.decode;

import ai.posespark.source.FrameTask;

/**
 * One frame as the executor loop receives it: its pixels, or why there are none, with what reading and decoding
 * cost.
 *
 * @param task     the frame (a video decoder names each frame of its range by its own task)
 * @param image    the pixels; null when the frame failed
 * @param error    null when the frame decoded, else the reason for the frame row
 * @param readMs   milliseconds reading its bytes
 * @param decodeMs milliseconds decoding them
 */
public record DecodedFrame(FrameTask task, RgbImage image, String error, double readMs, double decodeMs) {

  /** A frame that decoded. */
  public static DecodedFrame ok(FrameTask task, RgbImage image, double readMs, double decodeMs) {
    return new DecodedFrame(task, image, null, readMs, decodeMs);
  }

  /** A frame that could not be read or decoded. */
  public static DecodedFrame failed(FrameTask task, String error, double readMs, double decodeMs) {
    return new DecodedFrame(task, null, error, readMs, decodeMs);
  }

  public boolean isOk() {
    return error == null;
  }
}
