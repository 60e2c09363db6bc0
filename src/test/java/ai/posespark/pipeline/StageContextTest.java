package ai.posespark.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageContextTest {
  @Test
  void perFrameAndSharedChargesLandOnTheFramesTheyServed() {
    try (StageContext c = new StageContext(Device.cpu(), List.of("detect", "pose"), 3)) {
      c.charge("detect", 0, 2);
      c.charge("detect", 2, 4);
      // one call over five crops: frame 0 owns three of them, frame 2 two, frame 1 none
      c.chargeShared("pose", new int[] {0, 0, 2, 0, 2}, 10);
      assertArrayEquals(new double[] {2, 6}, c.times(0), 1e-12);
      assertArrayEquals(new double[] {0, 0}, c.times(1), 1e-12);
      assertArrayEquals(new double[] {4, 4}, c.times(2), 1e-12);
    }
  }

  @Test
  void aStageThePipelineDidNotDeclareIsAProgrammingError() {
    try (StageContext c = new StageContext(Device.cpu(), List.of("inference"), 1)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.charge("infer", 0, 1));
      org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("inference"), e.getMessage());
    }
  }
}
