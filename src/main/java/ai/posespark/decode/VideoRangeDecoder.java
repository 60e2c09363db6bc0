package ai.posespark.decode;

import ai.posespark.source.FrameIds;
import ai.posespark.source.FrameTask;
import ai.posespark.source.VideoRange;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * A video range task → one decoded frame per sampled frame of the range, each named by its own
 * {@link FrameTask} (URI, the video's frame index, its stable id, its presentation time). Seeks to the range's
 * keyframe, decodes forward, and names frames by the probe's timestamps, so indices are exact whatever the codec;
 * a frame the decoder does not return (damaged data, a truncated file) is a failed frame, so the frames that come
 * back are always exactly those the range stands for. Lazy: one frame in memory at a time, the grabber opened on
 * the first frame asked for and closed after the last (see {@link RangeFrames}).
 */
public final class VideoRangeDecoder implements FrameDecoder {
  private final Configuration conf;
  private final ImageLimits limits;

  /** Reads videos with {@code conf}'s file systems ({@code hdfs://}, {@code s3a://} settings), default limits. */
  public VideoRangeDecoder(Configuration conf) {
    this(conf, ImageLimits.DEFAULTS);
  }

  /** As {@link #VideoRangeDecoder(Configuration)}; streams declaring more than {@code limits.maxPixels()} refused. */
  public VideoRangeDecoder(Configuration conf, ImageLimits limits) {
    this.conf = conf;
    this.limits = limits;
  }

  @Override
  public Iterator<DecodedFrame> frames(FrameTask task) {
    VideoRange range = task.range();
    if (range == null) {
      throw new IllegalArgumentException(task.uri() + " is not a video range task");
    }
    if (range.error() != null) {
      return List.of(DecodedFrame.failed(frameTask(task.uri(), 0, null), range.error(), 0, 0)).iterator();
    }
    return new RangeFrames(task.uri(), range, conf, limits.maxPixels());
  }

  /**
   * The task naming the {@code k}-th frame {@code task} yields: an image task itself; a range's k-th sampled frame
   * (the frames this decoder returns, in order); a failed range's one frame.
   */
  public static FrameTask sampledFrame(FrameTask task, int k) {
    VideoRange range = task.range();
    if (range == null) {
      return task;
    }
    if (range.error() != null) {
      return frameTask(task.uri(), 0, null);
    }
    int index = range.firstSampled() + k * range.stride();
    return frameTask(task.uri(), index, range.times().millis(index));
  }

  /** The task naming frame {@code index} of video {@code uri}. */
  static FrameTask frameTask(String uri, int index, Long timestampMs) {
    return new FrameTask(uri, index, FrameIds.of(uri, index), 0, timestampMs, null);
  }
}
