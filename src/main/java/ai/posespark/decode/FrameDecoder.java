package ai.posespark.decode;

import ai.posespark.source.FrameTask;
import java.util.Iterator;

/**
 * A listed task → its decoded frames, in order: one for an image file, those of its range for a video. Never throws
 * for bad input: a frame that cannot be read or decoded comes back failed, with the reason.
 */
public interface FrameDecoder {

  /** The frames of {@code task}, produced lazily. */
  Iterator<DecodedFrame> frames(FrameTask task);
}
