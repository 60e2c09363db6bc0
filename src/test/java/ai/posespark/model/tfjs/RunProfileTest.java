package ai.posespark.model.tfjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.posespark.model.tfjs.exec.RunProfile;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The profile accounts for a run as the executor ran it: one entry per family with the steps it executed, kernel
 * and executor time inside the whole run's, and the fastest-call estimate never above the mean; profiling leaves
 * the outputs unchanged.
 */
class RunProfileTest {
  @TempDir
  Path dir;

  @Test
  void countsEveryStepUnderItsFamilyAndStaysInsideTheRun() throws IOException {
    Path file = TinyGraph.write(dir.resolve("tiny"), "tiny", TinyGraph.valid(), TinyGraph.SHARD);
    RunProfile profile = new RunProfile(RunProfile.Key.FAMILY);
    int runs = 7;
    try (TfjsGraphModel model = TfjsGraphModel.load(file, Device.cpu());
         NDManager scope = NDManager.newBaseManager(Device.cpu())) {
      for (int k = 0; k < runs; k++) {
        NDList x = new NDList(scope.create(new float[] {10, 20}, new Shape(1, 2)));
        assertArrayEquals(new float[] {11, 22}, model.profile(scope, x, profile).get(0).toFloatArray());
      }
    }
    assertEquals(runs, profile.runs());
    assertEquals(java.util.Set.of("element-wise"), profile.entries().keySet(), "AddV2 is element-wise");
    RunProfile.Entry add = profile.entries().get("element-wise");
    assertEquals(runs, add.steps(), "one AddV2 step per run");
    assertTrue(add.kernelNanos() > 0 && add.aroundNanos() >= 0);
    assertTrue(profile.outsideStepsNanos() >= 0, "steps inside the run: " + profile.outsideStepsNanos());
    assertTrue(add.fastestKernelNanos() > 0 && add.fastestKernelNanos() <= add.kernelNanos() / runs,
        "the fastest call is at most the mean: " + add.fastestKernelNanos() + " vs " + add.kernelNanos() / runs);
  }

  @Test
  void familiesGroupWhatTheProfileTablesCompare() {
    assertEquals("convolution", RunProfile.family("_FusedConv2D"));
    assertEquals("depthwise convolution", RunProfile.family("FusedDepthwiseConv2dNative"));
    assertEquals("resize", RunProfile.family("ResizeBilinear"));
    assertEquals("SomeNewOp", RunProfile.family("SomeNewOp"), "an unlisted op is its own family");
  }
}
