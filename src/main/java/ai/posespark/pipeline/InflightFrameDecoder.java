package ai.posespark.pipeline;

import ai.posespark.decode.DecodedFrame;
import ai.posespark.decode.FrameDecoder;
import ai.posespark.decode.VideoRangeDecoder;
import ai.posespark.source.FrameTask;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Another decoder's frames with each frame recorded in flight ({@link InflightMarkers}) while it decodes, and the
 * frames that killed an executor before given an error row instead of a decode. In a video range the frames after
 * such a frame are not decoded either (decoding them means decoding through it): they get error rows saying so.
 */
final class InflightFrameDecoder implements FrameDecoder {
  static final String DIED = "executor died while decoding this file";

  private final FrameDecoder inner;
  private final InflightMarkers.TaskLog log;
  private final Set<Long> died;

  /**
   * @param log  this task attempt's log of the frame in flight
   * @param died the frames that killed an executor in this run ({@link InflightMarkers#died})
   */
  InflightFrameDecoder(FrameDecoder inner, InflightMarkers.TaskLog log, Set<Long> died) {
    this.inner = inner;
    this.log = log;
    this.died = died;
  }

  @Override
  public Iterator<DecodedFrame> frames(FrameTask task) {
    return new Iterator<>() {
      private Iterator<DecodedFrame> frames;
      private DecodedFrame ahead;
      private int produced;
      private FrameTask killer; // the frame of this range that killed an executor, once reached

      @Override
      public boolean hasNext() {
        if (ahead == null) {
          ahead = step();
        }
        return ahead != null;
      }

      @Override
      public DecodedFrame next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        DecodedFrame f = ahead;
        ahead = null;
        return f;
      }

      private DecodedFrame step() {
        if (produced >= task.frameCount()) {
          return null; // a task yields exactly its frames (VideoRangeDecoder accounts for each)
        }
        FrameTask frame = VideoRangeDecoder.sampledFrame(task, produced);
        if (killer != null) {
          return failed(frame, "not decoded: frame " + killer.frameIndex() + " of this range killed an executor "
              + "while decoding");
        }
        if (died.contains(frame.frameId())) {
          killer = frame;
          return failed(frame, DIED);
        }
        if (frames == null) {
          frames = inner.frames(task);
        }
        log.record(frame);
        boolean more = frames.hasNext(); // decodes the frame
        log.clear();
        if (!more) {
          return null;
        }
        produced++;
        return frames.next();
      }

      private DecodedFrame failed(FrameTask frame, String why) {
        produced++;
        return DecodedFrame.failed(frame, why, 0, 0);
      }
    };
  }
}
