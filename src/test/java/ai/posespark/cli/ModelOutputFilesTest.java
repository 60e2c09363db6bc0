package ai.posespark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.types.DataType;
import ai.posespark.model.tfjs.TensorSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Output file names: the node name made file-safe, unique, positional when nothing is declared. */
class ModelOutputFilesTest {
  private static TensorSpec output(String name, String key) {
    return new TensorSpec(name, key, new long[] {1}, DataType.FLOAT32);
  }

  @Test
  void nodeNamesBecomeFileSafe() {
    assertEquals(List.of("MobilenetV1_heatmap_2_BiasAdd.npy", "Identity.npy", "tower_0_wh.npy"),
        ModelOutputFiles.names(List.of(output("MobilenetV1/heatmap_2/BiasAdd", "heatmap"),
            output("Identity", "output_0"), output("tower_0/wh", "wh")), 3));
  }

  @Test
  void aClashFallsBackToTheSignatureKeyThenTheIndex() {
    assertEquals(List.of("Identity_1.npy", "second.npy", "Identity_1_2.npy"),
        ModelOutputFiles.names(List.of(output("Identity_1", "first"), output("Identity:1", "second"),
            output("Identity/1", "second")), 3));
  }

  @Test
  void undeclaredOutputsArePositional() {
    assertEquals(List.of("output_0.npy", "output_1.npy"), ModelOutputFiles.names(List.of(), 2));
  }
}
