package ai.posespark.decode;

import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avformat.av_seek_frame;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import ai.posespark.source.FrameTask;
import ai.posespark.source.FrameTimes;
import ai.posespark.source.VideoFiles;
import ai.posespark.source.VideoRange;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.TaskContext;
import org.apache.spark.util.TaskCompletionListener;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frames of one video range, decoded on demand. Positioning: seek to the range's keyframe and check that the
 * first keyframe decoded is one the probe knows ({@link VideoRange#landings()}) and not after the range's first
 * frame; when not (demuxers without an index land a GOP late, a damaged AVI's index numbers frames differently from
 * the packets read), reopen and try the range's earlier seek points, then the file's start. Naming: a
 * decoded frame's best-effort timestamp is looked up in the probe's timestamps; a frame without one (the last of a
 * stream, flushed) follows the previous by one. Frames before the range or between sampled ones are skipped.
 *
 * <p>One grabber (not thread-safe) per range, closed as soon as the last frame is out, when the decoder ends, and
 * in any case when the Spark task completes, so an abandoned iterator leaks nothing.
 */
final class RangeFrames implements Iterator<DecodedFrame>, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RangeFrames.class);
  /** {@link #prev} when the last decoded frame's index is not known. */
  private static final int UNKNOWN = Integer.MIN_VALUE;
  /** A decoded frame that cannot be named yet (no timestamp, none named before it): skipped. */
  private static final int UNNAMED = -1;

  private final String uri;
  private final VideoRange range;
  private final FrameTimes times;
  private final Configuration conf;
  private final long maxPixels;
  private int want;
  private FFmpegFrameGrabber grabber;
  private int attempt;
  private boolean positioned;
  private boolean ended;
  private boolean closed;
  private boolean listening;
  private String failure;
  private Decoded ahead;
  private int prev = UNKNOWN;
  private double readMs;
  private double decodeMs;
  private int busy; // calls in progress (guarded by this): a close from another thread waits for their end
  private boolean closeRequested; // guarded by this

  /** A frame the decoder returned, named; {@code image} null with {@code error} set when it came back damaged. */
  private record Decoded(int index, RgbImage image, String error) {}

  RangeFrames(String uri, VideoRange range, Configuration conf, long maxPixels) {
    this.uri = uri;
    this.range = range;
    this.times = range.times();
    this.conf = conf;
    this.maxPixels = maxPixels;
    this.want = range.firstSampled();
  }

  @Override
  public boolean hasNext() {
    enter();
    try {
      if (want >= range.end()) {
        close();
        return false;
      }
      return true;
    } finally {
      exit();
    }
  }

  @Override
  public DecodedFrame next() {
    enter();
    try {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      int index = want;
      want += range.stride();
      DecodedFrame frame = frame(index);
      if (want >= range.end()) {
        close();
      }
      return frame;
    } finally {
      exit();
    }
  }

  private synchronized void enter() {
    busy++;
  }

  /** Ends a call; the last to end performs a close asked for meanwhile. */
  private synchronized void exit() {
    busy--;
    if (busy == 0 && closeRequested) {
      closeRequested = false;
      release();
    }
  }

  /** Frame {@code index}: decoded, or failed with the reason. */
  private DecodedFrame frame(int index) {
    if (closed) {
      return failed(index, "not decoded: the range's decoder was closed");
    }
    if (grabber == null && failure == null && !ended) {
      open();
    }
    while (failure == null) {
      if (ahead == null) {
        ahead = ended ? null : decodeNext();
      }
      if (ahead == null) {
        return failed(index, "not decoded: the video ended before this frame (truncated or damaged file)");
      }
      if (ahead.index() < index) {
        ahead = null;
        continue;
      }
      if (ahead.index() > index) {
        return failed(index, "not decoded: the decoder returned no picture for this frame (damaged data)");
      }
      Decoded d = ahead;
      ahead = null;
      return d.error() == null ? emit(DecodedFrame.ok(task(index), d.image(), readMs, decodeMs))
          : failed(index, d.error());
    }
    return failed(index, failure);
  }

  /** The next decoded frame at or after the range's first, named; null when the video has no more. */
  private Decoded decodeNext() {
    while (grabber != null) {
      long t0 = System.nanoTime();
      Frame f;
      try {
        f = grabber.grabImage();
      } catch (FFmpegFrameGrabber.Exception | RuntimeException e) {
        failure = "cannot decode video: " + VideoFiles.reason(e);
        closeGrabber();
        return null;
      }
      if (f == null) {
        decodeMs += (System.nanoTime() - t0) / 1e6;
        if (!positioned) {
          retry("the video ended after the seek");
          continue;
        }
        ended = true;
        closeGrabber();
        return null;
      }
      AVFrame av = (AVFrame) f.opaque;
      long ts = av.best_effort_timestamp();
      if (!positioned) {
        // frames shown before the first keyframe decoded belong to its predecessor's GOP: before the range
        if (!f.keyFrame) {
          decodeMs += (System.nanoTime() - t0) / 1e6;
          continue;
        }
        if (ts == AV_NOPTS_VALUE || ts > times.at(range.first())
            || Arrays.binarySearch(range.landings(), ts) < 0) {
          decodeMs += (System.nanoTime() - t0) / 1e6;
          retry(ts == AV_NOPTS_VALUE ? "the first keyframe after the seek has no timestamp"
              : ts > times.at(range.first()) ? "the seek landed after frame " + range.first()
              : "the seek landed on a keyframe the probe does not know (timestamp " + ts + ")");
          continue;
        }
        positioned = true;
      }
      int index = name(ts);
      if (index < range.first()) {
        decodeMs += (System.nanoTime() - t0) / 1e6;
        continue;
      }
      boolean sampled = index < range.end() && index % range.stride() == 0;
      Decoded d = sampled ? picture(index, f, av) : new Decoded(index, null, null);
      decodeMs += (System.nanoTime() - t0) / 1e6;
      return d;
    }
    return null;
  }

  /** The index of a decoded frame with best-effort timestamp {@code ts}; below the range's first when before it. */
  private int name(long ts) {
    if (ts != AV_NOPTS_VALUE) {
      if (ts < times.at(times.first())) {
        prev = UNKNOWN;
        return UNNAMED;
      }
      int i = times.indexOf(ts);
      if (i > prev) {
        prev = i;
        return i;
      }
      if (i < 0 && ts > times.at(times.end() - 1)) {
        prev = Math.max(prev, times.end());
        return prev;
      }
    }
    // no timestamp, an unknown one, or a repeated one: the frame after the previous
    if (prev == UNKNOWN) {
      return UNNAMED;
    }
    prev++;
    return prev;
  }

  private Decoded picture(int index, Frame f, AVFrame av) {
    int errors = av.decode_error_flags();
    if (errors != 0 || (av.flags() & AVFrame.AV_FRAME_FLAG_CORRUPT) != 0) {
      return new Decoded(index, null, String.format("decoded with errors (damaged data; FFmpeg decode_error_flags"
          + " 0x%x)", errors));
    }
    int w = f.imageWidth;
    int h = f.imageHeight;
    ByteBuffer src = (ByteBuffer) f.image[0];
    byte[] rgb = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      src.get(y * f.imageStride, rgb, y * w * 3, w * 3);
    }
    return new Decoded(index, new RgbImage(w, h, rgb), null);
  }

  /** Opens the video and positions it by the next seek point (none left: the file's start). */
  private void open() {
    long t0 = System.nanoTime();
    try {
      grabber = VideoFiles.open(uri, conf, true);
    } catch (IOException | RuntimeException e) {
      failure = "cannot open video: " + e.getMessage();
      readMs += (System.nanoTime() - t0) / 1e6;
      return;
    }
    if (grabber.getImageWidth() * (long) grabber.getImageHeight() > maxPixels) {
      int w = grabber.getImageWidth();
      int h = grabber.getImageHeight();
      closeGrabber();
      failure = String.format("video stream declares %dx%d = %,d pixels a frame, above input.maxPixels %,d "
          + "(refused before decoding)", w, h, (long) w * h, maxPixels);
      return;
    }
    if (!listening) {
      listening = true;
      TaskContext task = TaskContext.get();
      if (task != null) {
        task.addTaskCompletionListener((TaskCompletionListener) context -> close());
      }
    }
    long[] seeks = range.seeks();
    positioned = attempt >= seeks.length;
    // from the file's start the first frame out is frame 0, so frames without timestamps can be counted
    prev = positioned ? -1 : UNKNOWN;
    if (!positioned) {
      int ret = av_seek_frame(grabber.getFormatContext(), grabber.getVideoStream(), seeks[attempt],
          AVSEEK_FLAG_BACKWARD);
      if (ret < 0) {
        retry("seek failed (" + ret + ")");
      }
    }
    readMs += (System.nanoTime() - t0) / 1e6;
  }

  private void retry(String why) {
    long[] seeks = range.seeks();
    LOG.debug("{} frames [{}, {}): {} (seek {} of {}), trying {}", uri, range.first(), range.end(), why,
        attempt + 1, seeks.length, attempt + 1 < seeks.length ? "an earlier keyframe" : "from the start");
    closeGrabber();
    attempt++;
    open();
  }

  private DecodedFrame emit(DecodedFrame frame) {
    readMs = 0;
    decodeMs = 0;
    return frame;
  }

  private DecodedFrame failed(int index, String error) {
    return emit(DecodedFrame.failed(task(index), error, readMs, decodeMs));
  }

  private FrameTask task(int index) {
    return VideoRangeDecoder.frameTask(uri, index, times.millis(index));
  }

  private void closeGrabber() {
    if (grabber != null) {
      try {
        grabber.close();
      } catch (FrameGrabber.Exception e) {
        LOG.warn("{}: closing the video failed: {}", uri, VideoFiles.reason(e));
      }
      grabber = null;
    }
  }

  /** Which seek point positioned the range: 0 its keyframe, then the fallbacks; {@code seeks.length}: the start. */
  int seekAttempt() {
    return attempt;
  }

  /** Whether a grabber is open (tests: none may outlive the range). */
  boolean isOpen() {
    return grabber != null;
  }

  /**
   * Releases the grabber; the frames not yet taken are not decoded. Idempotent. While a frame is being decoded (a
   * caller gave up waiting for it, or the task ended), the grabber is released when that call returns: closing it
   * under FFmpeg would free what the decoder is using.
   */
  @Override
  public synchronized void close() {
    if (busy > 0) {
      closeRequested = true;
      return;
    }
    release();
  }

  private void release() {
    if (!closed) {
      closed = true;
      closeGrabber();
      ahead = null;
    }
  }
}
