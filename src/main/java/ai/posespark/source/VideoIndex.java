package ai.posespark.source;

import java.io.Serializable;

/**
 * What the probe learnt of one video from its packets, without decoding: exact frame count, presentation
 * timestamps and keyframes. Small (timestamps as runs), so thousands travel from the probe job to the driver.
 *
 * @param uri          the video file
 * @param bytes        its size
 * @param error        why it could not be opened or probed, else null (then the other fields are empty)
 * @param codec        the video codec's FFmpeg name
 * @param width        coded frame width
 * @param height       coded frame height
 * @param fps          average frame rate (the container's, else from the timestamps); informational
 * @param times        the presentation timestamps of all frames: frame {@code i} is the {@code i}-th in time
 * @param keyframes    frame indices of the keyframes, ascending
 * @param keyframeSeek per keyframe, the timestamp to seek to: its presentation timestamp as the container
 *                     stores it, else its decoding timestamp
 * @param keyframeDts  per keyframe, its decoding timestamp (a second try for demuxers that seek by it)
 */
public record VideoIndex(String uri, long bytes, String error, String codec, int width, int height, double fps,
                         FrameTimes times, int[] keyframes, long[] keyframeSeek, long[] keyframeDts)
    implements Serializable {

  /** A video that could not be opened or probed. */
  public static VideoIndex failed(String uri, long bytes, String error) {
    return new VideoIndex(uri, bytes, error, null, 0, 0, 0, null, new int[0], new long[0], new long[0]);
  }

  /** Number of frames (0 when it failed). */
  public int frames() {
    return times == null ? 0 : times.end();
  }
}
