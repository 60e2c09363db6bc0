package ai.posespark.model.tfjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Load-time validation and the basics of loading/running, on tiny model.json files written by the test. */
class ModelValidationTest {
  @TempDir
  Path dir;

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  /** x (Placeholder [1,2]) -> node "y" of {@code op} with {@code attrs} -> output; weight w = [1, 2]. */
  private Path writeModel(String name, String op, String attrs) throws IOException {
    String json = TinyGraph.json(op, "DT_FLOAT", "{\"size\": \"2\"}", "float32", "2", "\"x\", \"w\"",
        name + ".bin", attrs);
    Files.writeString(dir.resolve(name + ".json"), json);
    Files.write(dir.resolve(name + ".bin"), TinyGraph.SHARD);
    return dir.resolve(name + ".json");
  }

  @Test
  void unknownOpFailsAtLoadNamingModelNodeAndOp() throws IOException {
    Path json = writeModel("tiny", "FancyNewOp", "");
    TfjsModelException e = assertThrows(TfjsModelException.class, () -> TfjsGraphModel.load(json, Device.cpu()));
    assertTrue(e.getMessage().contains("tiny: node 'y' (FancyNewOp): unsupported op"), e.getMessage());
  }

  @Test
  void unknownAttributeFailsAtLoad() throws IOException {
    Path json = writeModel("attr", "AddV2", "\"frobnicate\": {\"b\": true}");
    TfjsModelException e = assertThrows(TfjsModelException.class, () -> TfjsGraphModel.load(json, Device.cpu()));
    assertTrue(e.getMessage().contains("attr: node 'y' (AddV2): unsupported attribute frobnicate"),
        e.getMessage());
  }

  @Test
  void unsupportedAttributeValueIsNamed() throws IOException {
    Path json = writeModel("pool", "BiasAdd", "\"data_format\": {\"s\": \"" + b64("NCHW") + "\"}");
    TfjsModelException e = assertThrows(TfjsModelException.class, () -> TfjsGraphModel.load(json, Device.cpu()));
    assertTrue(e.getMessage().contains("pool: node 'y' (BiasAdd): unsupported data_format NCHW"),
        e.getMessage());
  }

  @Test
  void runsAndDequantizesFloat16Weights() throws IOException {
    Path json = writeModel("add", "AddV2", "\"T\": {\"type\": \"DT_FLOAT\"}");
    try (TfjsGraphModel model = TfjsGraphModel.load(json, Device.cpu());
        NDManager scope = NDManager.newBaseManager(Device.cpu())) {
      assertEquals("add", model.name());
      assertEquals("x", model.inputs().get(0).name());
      assertEquals("x:0", model.inputs().get(0).signatureKey());
      assertArrayEquals(new long[] {1, 2}, model.inputs().get(0).shape());
      assertEquals("y", model.outputs().get(0).name());
      assertEquals(2, model.parameterCount());
      assertEquals(1, model.opInventory().get("AddV2"));
      NDArray x = scope.create(new float[] {10, 20}, new ai.djl.ndarray.types.Shape(1, 2));
      NDList out = model.run(scope, new NDList(x));
      assertArrayEquals(new float[] {11, 22}, out.get(0).toFloatArray());
      assertEquals(scope, out.get(0).getManager());
    }
  }
}
