package ai.posespark.model.tfjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.posespark.model.TorchScriptModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every broken model the robustness issue lists fails at load, before any input, with a one-line reason naming
 * the model and the problem (and the node or weight where there is one).
 */
class ModelLoadErrorsTest {
  @TempDir
  Path dir;

  private String loadError(String name, String json, byte[] shard) throws IOException {
    Path file = TinyGraph.write(dir.resolve(name), name, json, shard);
    IOException e = assertThrows(IOException.class, () -> TfjsGraphModel.load(file, Device.cpu()).close());
    assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    assertTrue(e.getMessage().startsWith(name + ": "), "names the model: " + e.getMessage());
    return e.getMessage();
  }

  @Test
  void theValidGraphRuns() throws IOException {
    Path file = TinyGraph.write(dir.resolve("ok"), "ok", TinyGraph.valid(), TinyGraph.SHARD);
    try (TfjsGraphModel model = TfjsGraphModel.load(file, Device.cpu());
        NDManager scope = NDManager.newBaseManager(Device.cpu())) {
      float[] y = model.run(scope, new ai.djl.ndarray.NDList(scope.create(new float[] {10, 20}, new Shape(1, 2))))
          .get(0).toFloatArray();
      assertArrayEquals(new float[] {11, 22}, y);
    }
  }

  @Test
  void unknownOp() throws IOException {
    String m = loadError("unknown-op", TinyGraph.valid().replace("AddV2", "FancyNewOp"), TinyGraph.SHARD);
    assertTrue(m.contains("node 'y' (FancyNewOp): unsupported op"), m);
  }

  @Test
  void missingShard() throws IOException {
    String m = loadError("missing-shard", TinyGraph.valid(), null);
    assertTrue(m.contains("weight shard 'w.bin' of the weights manifest is missing"), m);
  }

  @Test
  void shortShard() throws IOException {
    String m = loadError("short-shard", TinyGraph.valid(), Arrays.copyOf(TinyGraph.SHARD, 3));
    assertTrue(m.contains("hold 3 bytes, the manifest's weights need 4"), m);
  }

  @Test
  void shardOutsideTheModelFolder() throws IOException {
    String m = loadError("escape", TinyGraph.valid().replace("\"w.bin\"", "\"../../etc/passwd\""), TinyGraph.SHARD);
    assertTrue(m.contains("leaves the model's folder"), m);
  }

  @Test
  void wrongDtype() throws IOException {
    String m = loadError("float64", TinyGraph.valid().replace("\"float16\", \"original", "\"float64\", \"original"),
        TinyGraph.SHARD);
    assertTrue(m.contains("weight 'w': unsupported quantization float64"), m);
    String n = loadError("int-const", TinyGraph.json("AddV2", "DT_INT32", "{\"size\": \"2\"}", "float32", "2",
        "\"x\", \"w\"", "w.bin"), TinyGraph.SHARD);
    assertTrue(n.contains("node 'w' (Const): dtype mismatch: the node declares int32, the weights manifest gives "
        + "float32"), n);
  }

  @Test
  void cyclicGraph() throws IOException {
    String cyclic = TinyGraph.valid().replace("\"input\": [\"x\", \"w\"]", "\"input\": [\"x\", \"z\"]")
        .replace("\"attr\": {\"T\": {\"type\": \"DT_FLOAT\"}}}]}",
            "\"attr\": {\"T\": {\"type\": \"DT_FLOAT\"}}},\n"
            + "   {\"name\": \"z\", \"op\": \"AddV2\", \"input\": [\"y\", \"w\"], \"attr\": {\"T\": {\"type\": "
            + "\"DT_FLOAT\"}}}]}");
    String m = loadError("cyclic", cyclic, TinyGraph.SHARD);
    assertTrue(m.contains("cycle through"), m);
  }

  @Test
  void shapeMismatch() throws IOException {
    String m = loadError("shape", TinyGraph.json("AddV2", "DT_FLOAT", "{\"size\": \"3\"}", "float32", "2",
        "\"x\", \"w\"", "w.bin"), TinyGraph.SHARD);
    assertTrue(m.contains("node 'w' (Const): shape mismatch: the node declares [3], the weights manifest gives (2)"),
        m);
  }

  @Test
  void notJson() throws IOException {
    String m = loadError("not-json", "<html>404</html>", null);
    assertTrue(m.contains("model.json is not valid JSON"), m);
  }

  @Test
  void aPtFileThatIsNotTorchScript() throws IOException {
    Path pt = Files.writeString(dir.resolve("state-dict.pt"), "\u0080\u0002}q\u0000(X\u0005\u0000\u0000\u0000conv1");
    IOException e = assertThrows(IOException.class, () -> TorchScriptModel.load(pt, Device.cpu()).close());
    assertTrue(e.getMessage().contains("state-dict.pt is not a TorchScript archive"), e.getMessage());
  }
}
