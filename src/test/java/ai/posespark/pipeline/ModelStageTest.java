package ai.posespark.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.posespark.model.LoadedModel;
import ai.posespark.model.ModelEntry;
import ai.posespark.model.ModelInputSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelStageTest {
  /** A model of two outputs per item (its input doubled, and the sum of its input) that records its call sizes. */
  private static final class DoublingModel implements LoadedModel {
    final List<Long> calls = new ArrayList<>();

    @Override
    public NDList run(NDManager scope, NDList inputs) {
      NDArray x = inputs.get(0);
      calls.add(x.getShape().get(0));
      return new NDList(x.mul(2), x.sum(new int[] {1}));
    }

    @Override
    public void close() {}
  }

  private static ModelEntry entry(String format, int batch, int splitBatch) {
    return new ModelEntry("m", "m.json", format, new ModelInputSpec(List.of(1, 3), "float32", "nhwc", "0..255"),
        "letterbox", "movenet-single", "coco17", batch, splitBatch);
  }

  @Test
  void itemsRunInChunksOfWhatTheModelTakesAndComeBackTaggedInOrder() {
    DoublingModel model = new DoublingModel();
    ModelStage stage = new ModelStage("pose", model, entry("tfjs", 1, 4));
    int[] frameOfItem = {0, 0, 1, 2, 2, 2, 2, 3, 4, 4};
    try (StageContext context = new StageContext(Device.cpu(), List.of("pose"), 5)) {
      List<ModelStage.Item<String>> items = new ArrayList<>();
      for (int i = 0; i < frameOfItem.length; i++) {
        items.add(new ModelStage.Item<>(frameOfItem[i], "crop" + i,
            context.scope().create(new float[] {i, 10 * i, 100 * i})));
      }
      List<ModelStage.Output<String>> out = stage.run(items, context);
      assertEquals(List.of(4L, 4L, 2L), model.calls, "splitBatch 4: chunks of 4, then the rest");
      assertEquals(frameOfItem.length, out.size());
      for (int i = 0; i < out.size(); i++) {
        assertEquals("crop" + i, out.get(i).tag());
        assertEquals(frameOfItem[i], out.get(i).frame());
        assertArrayEquals(new float[] {2 * i, 20 * i, 200 * i}, out.get(i).values().get(0));
        assertArrayEquals(new float[] {111 * i}, out.get(i).values().get(1));
      }
      // chunks {0,0,1,2}, {2,2,2,3}, {4,4}: each item carries a quarter (a half) of its call
      double[] t = new double[5];
      for (int f = 0; f < 5; f++) {
        t[f] = context.times(f)[0];
      }
      assertEquals(2 * t[1], t[0], 1e-9, "two items of the first call");
      assertEquals(t[1] + 3 * t[3], t[2], 1e-9, "one item of the first call, three of the second");
      assertTrue(t[4] > 0, "the last call is charged to frame 4 alone");
    }
  }

  @Test
  void torchScriptModelsTakeWhatTheirGraphTakes() {
    DoublingModel model = new DoublingModel();
    ModelStage stage = new ModelStage("pose", model, entry("torchscript", 3, 8));
    try (StageContext context = new StageContext(Device.cpu(), List.of("pose"), 1)) {
      List<ModelStage.Item<Integer>> items = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        items.add(new ModelStage.Item<>(0, i, context.scope().create(new float[] {i, i, i})));
      }
      stage.run(items, context);
      assertEquals(List.of(3L, 3L, 1L), model.calls);
    }
  }
}
