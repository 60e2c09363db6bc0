package ai.posespark.source;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Assigns frames to partitions so each partition carries about the same decode+inference cost. Cost is
 * estimated by file size (bigger images take longer to decode); largest first into the least loaded partition
 * (LPT scheduling), which keeps the slowest task close to the average.
 */
public final class CostPartitioner {
  private CostPartitioner() {}

  /** Splits {@code frames} into at most {@code partitions} non-empty lists of similar total size. */
  public static List<List<FrameTask>> split(List<FrameTask> frames, int partitions) {
    int n = Math.max(1, Math.min(partitions, frames.size()));
    List<List<FrameTask>> parts = new ArrayList<>(n);
    long[] load = new long[n];
    PriorityQueue<Integer> leastLoaded = new PriorityQueue<>(
        Comparator.<Integer>comparingLong(i -> load[i]).thenComparingInt(i -> i));
    for (int i = 0; i < n; i++) {
      parts.add(new ArrayList<>());
      leastLoaded.add(i);
    }
    List<FrameTask> bySize = new ArrayList<>(frames);
    bySize.sort(Comparator.comparingLong(FrameTask::bytes).reversed().thenComparing(FrameTask::uri));
    for (FrameTask f : bySize) {
      int i = leastLoaded.poll();
      parts.get(i).add(f);
      load[i] += Math.max(1, f.bytes());
      leastLoaded.add(i);
    }
    parts.forEach(p -> p.sort(Comparator.comparing(FrameTask::uri).thenComparingInt(FrameTask::frameIndex)));
    return parts;
  }
}
