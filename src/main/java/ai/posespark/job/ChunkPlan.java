package ai.posespark.job;

import ai.posespark.source.FrameTask;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups a run's partitions into chunks, each committed on its own: whole waves of partitions (a multiple of the
 * cluster's parallelism, so no core idles inside a chunk) holding at least {@code output.chunkFrames} frames.
 */
final class ChunkPlan {
  private ChunkPlan() {}

  /** The chunks of {@code parts}, in order; the last may be short. */
  static List<List<List<FrameTask>>> split(List<List<FrameTask>> parts, int chunkFrames, int parallelism) {
    int wave = Math.max(1, parallelism);
    List<List<List<FrameTask>>> chunks = new ArrayList<>();
    List<List<FrameTask>> current = new ArrayList<>();
    long frames = 0;
    for (List<FrameTask> part : parts) {
      current.add(part);
      frames += part.stream().mapToInt(FrameTask::frameCount).sum();
      if (frames >= chunkFrames && current.size() % wave == 0) {
        chunks.add(current);
        current = new ArrayList<>();
        frames = 0;
      }
    }
    if (!current.isEmpty()) {
      chunks.add(current);
    }
    return chunks;
  }
}
