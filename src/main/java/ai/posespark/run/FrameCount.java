package ai.posespark.run;

import java.util.HashMap;
import java.util.Map;

/**
 * Frames done so far, counted per frame: running tasks report their current count with each executor heartbeat,
 * finished tasks their final one. A task that fails or is retried drops its count (its frames are done again), so
 * the number never runs ahead of the rows that will be written.
 */
final class FrameCount {
  private final long total;
  private final Map<Long, Long> running = new HashMap<>();
  private long finished;

  FrameCount(long total) {
    this.total = total;
  }

  /** A running task's count so far (from a heartbeat). */
  synchronized void running(long taskId, long frames) {
    running.put(taskId, frames);
  }

  /** A task ended: its final count when it succeeded, nothing when it failed. */
  synchronized void ended(long taskId, long frames, boolean successful) {
    running.remove(taskId);
    if (successful) {
      finished += frames;
    }
  }

  /** Frames done, at most the total listed. */
  synchronized long done() {
    long sum = finished;
    for (long v : running.values()) {
      sum += v;
    }
    return Math.min(total, sum);
  }

  long total() {
    return total;
  }
}
