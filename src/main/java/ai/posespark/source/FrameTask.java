package ai.posespark.source;

import java.io.Serializable;

/**
 * One unit of work as listed on the driver and shipped to an executor: an image file's frame, or a range of a
 * video's frames ({@link #range()} set), which the executor's video decoder turns into one task per frame.
 *
 * @param uri         fully qualified Hadoop URI of the file ({@code file:/…}, {@code hdfs://…}, {@code s3a://…})
 * @param frameIndex  frame number within the file (0 for still images; a range's first frame)
 * @param frameId     stable id, {@link FrameIds#of(String, int)}
 * @param bytes       the cost estimate used to balance partitions: an image's file size, a range's share of its
 *                    video's bytes (0 for the frames a video decoder names)
 * @param timestampMs the frame's presentation time in milliseconds from the video's first frame; null for images
 * @param range       the frames of a video this task stands for; null for a single frame
 */
public record FrameTask(String uri, int frameIndex, long frameId, long bytes, Long timestampMs, VideoRange range)
    implements Serializable {

  /** A single frame with no presentation time: an image file. */
  public FrameTask(String uri, int frameIndex, long frameId, long bytes) {
    this(uri, frameIndex, frameId, bytes, null, null);
  }

  /** How many frame rows this task produces: 1, or the sampled frames of its range. */
  public int frameCount() {
    return range == null ? 1 : range.sampledFrames();
  }
}
