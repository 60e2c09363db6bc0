package ai.posespark.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped ONNX models through ONNX Runtime behind the LoadedModel seam (they are in the repository). */
class OnnxModelTest {
  @TempDir
  Path cache;

  private Path staged(String name) throws IOException {
    ModelEntry entry = ModelCatalog.bundled().models().get(name);
    return ModelStager.localize(entry.file(), new Configuration(), cache);
  }

  @Test
  void aDynamicBatchRunsAllItemsInOneCallAndEqualsItemByItem() throws Exception {
    try (OnnxModel model = OnnxModel.load(staged("pp-tinypose-256x192"), Device.cpu());
        NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
      assertEquals(Integer.MAX_VALUE, model.maxBatch(), "tinypose's batch axis is dynamic");
      assertEquals(List.of("heatmaps"), model.outputNames());
      NDArray batch = m.randomNormal(new Shape(3, 3, 256, 192));
      NDList together = model.run(m, new NDList(batch));
      assertEquals(new Shape(3, 17, 64, 48), together.singletonOrThrow().getShape());
      for (int i = 0; i < 3; i++) {
        float[] alone = model.run(m, new NDList(batch.get(i).expandDims(0))).singletonOrThrow().toFloatArray();
        float[] inBatch = together.singletonOrThrow().get(i).toFloatArray();
        for (int k = 0; k < alone.length; k++) {
          assertEquals(alone[k], inBatch[k], 1e-5f, "item " + i + " value " + k);
        }
      }
    }
  }

  @Test
  void aStaticBatchIsTheModelsLimitAndOutputsKeepTheirNames() throws Exception {
    try (OnnxModel model = OnnxModel.load(staged("rtmdet-nano-person-heads"), Device.cpu());
        NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
      assertEquals(1, model.maxBatch());
      assertEquals(6, model.outputNames().size());
      assertTrue(model.outputNames().stream().allMatch(n -> n.startsWith("rtmdet_head.")), model.outputNames()
          .toString());
      NDList out = model.run(m, new NDList(m.zeros(new Shape(1, 3, 640, 640))));
      assertArrayEquals(new long[] {1, 1, 80, 80}, out.get(model.outputNames().indexOf("rtmdet_head.0.0"))
          .getShape().getShape());
    }
  }

  @Test
  void theClasspathCopyIsWrittenOnceByContent() throws Exception {
    Path first = staged("pp-tinypose-256x192");
    long written = Files.getLastModifiedTime(first).toMillis();
    Path again = staged("pp-tinypose-256x192");
    assertEquals(first, again);
    assertEquals(written, Files.getLastModifiedTime(again).toMillis());
    assertTrue(first.startsWith(cache.resolve("bundled")), first.toString());
  }

  @Test
  void aFileThatIsNotOnnxFailsNamingIt() throws Exception {
    Path bogus = cache.resolve("broken.onnx");
    Files.writeString(bogus, "not a protobuf");
    IOException e = assertThrows(IOException.class, () -> OnnxModel.load(bogus, Device.cpu()));
    assertTrue(e.getMessage().startsWith("cannot load ONNX model broken.onnx: "), e.getMessage());
  }
}
