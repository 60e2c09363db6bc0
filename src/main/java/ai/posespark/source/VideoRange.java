package ai.posespark.source;

import java.io.Serializable;

/**
 * Frames {@code [first, end)} of a video, every {@code stride}-th by the video's own frame index, as one task. The
 * range starts at a keyframe, so an executor seeks there and decodes forward; it names each decoded frame by its
 * presentation timestamp in {@link #times()} (the probe's packet index), so frame indices and timestamps are exact
 * whatever the codec, and a frame the decoder never returns is still accounted for.
 *
 * @param first    first frame (a keyframe, or 0)
 * @param end      one past the last frame
 * @param stride   frames kept: those whose index is a multiple of it
 * @param seeks    where to seek before decoding, tried in order (stream time base: the range's keyframe, then
 *                 earlier ones); after the last, decoding starts at the file's beginning. Empty for a range that
 *                 starts at frame 0
 * @param landings presentation timestamps of the keyframes a seek may land on, ascending: a seek counts only when
 *                 the first keyframe decoded is one of them and not after {@code first} (in a damaged file a seek
 *                 by the container's index may land where the probe's packet count says otherwise)
 * @param times    presentation timestamps of frames {@code first} to {@code end} (the frame after the range, where
 *                 there is one, tells the decoder to stop)
 * @param error    why the video could not be opened or probed (then the task is one error row for frame 0), else
 *                 null
 */
public record VideoRange(int first, int end, int stride, long[] seeks, long[] landings, FrameTimes times,
                         String error) implements Serializable {

  public VideoRange {
    if (error == null && (first < 0 || end <= first || stride < 1 || times == null)) {
      throw new IllegalArgumentException("bad video range [" + first + ", " + end + ") stride " + stride);
    }
  }

  /** The task of a video that cannot be read: its one row says why. */
  public static VideoRange failed(String error) {
    return new VideoRange(0, 1, 1, new long[0], new long[0], null, error);
  }

  /** The first frame this range emits: {@code first} rounded up to a multiple of the stride. */
  public int firstSampled() {
    return (first + stride - 1) / stride * stride;
  }

  /** Frame rows this range produces. */
  public int sampledFrames() {
    if (error != null) {
      return 1;
    }
    int from = firstSampled();
    return from >= end ? 0 : (end - 1 - from) / stride + 1;
  }
}
