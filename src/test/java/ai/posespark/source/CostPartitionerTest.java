package ai.posespark.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CostPartitionerTest {
  private static List<FrameTask> frames(long... sizes) {
    List<FrameTask> out = new ArrayList<>();
    for (int i = 0; i < sizes.length; i++) {
      out.add(new FrameTask("file:/f" + i, 0, i, sizes[i]));
    }
    return out;
  }

  @Test
  void everyFrameLandsInExactlyOnePartition() {
    List<FrameTask> in = frames(5, 1, 9, 3, 3, 7, 2);
    List<List<FrameTask>> parts = CostPartitioner.split(in, 3);
    assertEquals(3, parts.size());
    List<FrameTask> all = parts.stream().flatMap(List::stream).sorted(
        java.util.Comparator.comparingLong(FrameTask::frameId)).toList();
    assertEquals(in, all);
  }

  @Test
  void neverMorePartitionsThanFrames() {
    assertEquals(2, CostPartitioner.split(frames(1, 2), 8).size());
    assertEquals(1, CostPartitioner.split(frames(1, 2), 0).size());
  }

  @Test
  void loadsStayWithinTheLargestFrameOfTheMean() {
    Random random = new Random(3);
    long[] sizes = new long[500];
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = 10_000 + random.nextInt(2_000_000);
    }
    List<List<FrameTask>> parts = CostPartitioner.split(frames(sizes), 16);
    long total = java.util.Arrays.stream(sizes).sum();
    long max = java.util.Arrays.stream(sizes).max().orElseThrow();
    for (List<FrameTask> p : parts) {
      long load = p.stream().mapToLong(FrameTask::bytes).sum();
      assertTrue(Math.abs(load - total / 16.0) <= max, "load " + load + " vs mean " + total / 16.0);
    }
  }
}
