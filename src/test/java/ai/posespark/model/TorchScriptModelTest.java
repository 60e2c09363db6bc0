package ai.posespark.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorchScriptModelTest {
  @TempDir
  Path dir;

  @Test
  void loadsThroughCriteriaAndRunsForward() throws Exception {
    Path pt = TorchScriptFixture.write(dir.resolve("movenet-lightning.pt"));
    try (TorchScriptModel model = TorchScriptModel.load(pt, Device.cpu());
         NDManager scope = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
      NDArray input = scope.zeros(new Shape(1, 8, 10, 3), DataType.INT32);
      input.set(new ai.djl.ndarray.index.NDIndex("0,6,3,:"), 255);
      NDList out = model.run(scope, new NDList(input));
      assertEquals(new Shape(1, 1, 17, 3), out.get(0).getShape());
      float[] v = out.get(0).toFloatArray();
      assertEquals(6.5f / 8, v[0], 1e-6);
      assertEquals(3.5f / 10, v[1], 1e-6);
      assertEquals(1f, v[2], 1e-6);
      assertEquals(v[0], v[16 * 3], 1e-6);
    }
  }
}
