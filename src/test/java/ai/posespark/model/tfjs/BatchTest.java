package ai.posespark.model.tfjs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.posespark.model.Npy;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Batch size 2 per model: either the graph takes the batch (results equal two single runs), or the batch is
 * pinned by the graph and {@link TfjsGraphModel#runSplitBatch} must be used, which must still run most of the
 * graph once for the whole batch. Inputs: a golden image and its mirror. nanodet's constant reshapes
 * ([1, -1, 80]) fold a plain batch of 2 into the anchor axis without failing, so it is only run split.
 * Not listed: blazepose-heavy (as blazepose-full, slower).
 */
class BatchTest {

  @AfterEach
  void close() {
    Golden.closeModels();
  }

  @ParameterizedTest(name = "{0}: {1}, at least {2} of the steps batched")
  @CsvSource({
    "posenet, takes batch, 1", "blazepose-detector, takes batch, 1", "blazepose-lite, takes batch, 1",
    "blazepose-full, takes batch, 1", "efficientpose, takes batch, 1", "movenet-lightning, pinned, 0.7",
    "movenet-thunder, pinned, 0.7", "movenet-multipose, pinned, 0.5", "centernet, pinned, 0.5",
    "nanodet, split only, 0.5"})
  void batchOfTwoMatchesSingleRuns(String name, String batching, double batchedShare) throws IOException {
    Path dir = Golden.goldenDir().resolve(name);
    TfjsGraphModel model = Golden.model(name);
    try (NDManager scope = NDManager.newBaseManager()) {
      NDArray first = Npy.read(scope, firstCase(dir).resolve("input.npy"));
      NDArray second = first.flip(2); // mirrored image: a different second input
      NDList batch = new NDList(NDArrays.concat(new NDList(first, second), 0));
      NDList together;
      if (batching.equals("takes batch")) {
        together = model.run(scope, batch);
      } else {
        if (batching.equals("pinned")) {
          assertThrows(RuntimeException.class, () -> model.run(scope, batch), "batch pinned to 1");
        }
        together = model.runSplitBatch(scope, batch);
        System.out.printf("%s split batch: %s%n", name, model.batchSplitSummary());
        assertTrue(model.batchedStepShare() >= batchedShare, model.batchSplitSummary());
      }
      NDList a = model.run(scope, new NDList(first));
      NDList b = model.run(scope, new NDList(second));
      for (int k = 0; k < together.size(); k++) {
        NDArray expected = NDArrays.concat(new NDList(a.get(k), b.get(k)), 0);
        assertEquals(expected.getShape(), together.get(k).getShape());
        double scale = Math.max(1, expected.abs().max().getFloat());
        double diff = together.get(k).sub(expected).abs().max().getFloat();
        System.out.printf("%s batch 2, output %d: max|diff| vs single runs %.2e%n", name, k, diff);
        // BlazePose's segmentation mask (a sigmoid over large logits; the golden test allows it 5e-3) moves by
        // 1.3e-4 between the kernels oneDNN picks for batch 1 and 2 on an AMD EPYC: README, known issues
        boolean mask = name.startsWith("blazepose-") && !name.equals("blazepose-detector")
            && "Identity_1".equals(model.outputs().get(k).name());
        assertTrue(diff <= (mask ? 5e-4 : 1e-4) * scale, name + " output " + k + ": " + diff);
      }
    }
  }

  private static Path firstCase(Path dir) throws IOException {
    try (var cases = java.nio.file.Files.list(dir)) {
      return cases.filter(java.nio.file.Files::isDirectory).sorted().findFirst().orElseThrow();
    }
  }
}
