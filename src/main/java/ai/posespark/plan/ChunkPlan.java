package ai.posespark.plan;

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
    // a listed partition is never left out, even one whose tasks name no frame
    long[] frames = parts.stream().mapToLong(p -> Math.max(1, p.stream().mapToInt(FrameTask::frameCount).sum()))
        .toArray();
    List<List<List<FrameTask>>> chunks = new ArrayList<>();
    for (List<Integer> chunk : split(frames, chunkFrames, parallelism)) {
      chunks.add(chunk.stream().map(parts::get).toList());
    }
    return chunks;
  }

  /**
   * The chunks of partitions holding {@code frames[i]} frames each, as partition indices in order; empty
   * partitions belong to none (a hash-partitioned plan may have some). The last chunk may be short.
   */
  static List<List<Integer>> split(long[] frames, int chunkFrames, int parallelism) {
    int wave = Math.max(1, parallelism);
    List<List<Integer>> chunks = new ArrayList<>();
    List<Integer> current = new ArrayList<>();
    long inChunk = 0;
    for (int i = 0; i < frames.length; i++) {
      if (frames[i] == 0) {
        continue;
      }
      current.add(i);
      inChunk += frames[i];
      if (inChunk >= chunkFrames && current.size() % wave == 0) {
        chunks.add(current);
        current = new ArrayList<>();
        inChunk = 0;
      }
    }
    if (!current.isEmpty()) {
      chunks.add(current);
    }
    return chunks;
  }
}
