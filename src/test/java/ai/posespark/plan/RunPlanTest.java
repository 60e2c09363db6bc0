package ai.posespark.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RunPlanTest {
  @Test
  void defaultPartitionsFillWholeWavesOfTasks() {
    assertEquals(4, RunPlan.defaultPartitions(300, 2), "2 per core");
    assertEquals(6, RunPlan.defaultPartitions(1200, 2), "5 by size, rounded up to whole waves");
    assertEquals(40, RunPlan.defaultPartitions(10_000, 8), "40 by size, already whole waves");
    assertEquals(2, RunPlan.defaultPartitions(1, 1));
  }
}
