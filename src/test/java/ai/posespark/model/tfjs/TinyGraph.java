package ai.posespark.model.tfjs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A valid two-node TF.js graph model the robustness tests break on purpose: x (Placeholder [1, 2]) and a Const
 * weight w ([2], float16-quantized 1.0 and 2.0) into y = AddV2(x, w). Every piece is a parameter, so one test can
 * change the op, the dtype, a shape or the shard, and the fuzz test can mutate the text.
 */
public final class TinyGraph {
  /** The shard of the valid graph: float16 1.0 (0x3c00) and 2.0 (0x4000), little-endian. */
  public static final byte[] SHARD = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0x3c00)
      .putShort((short) 0x4000).array();

  private TinyGraph() {}

  /** model.json text with op {@code op}, the Const's declared dtype and dims, and the manifest's dtype and shape. */
  public static String json(String op, String constType, String constDims, String weightDtype, String weightShape,
      String yInputs, String shard) {
    return json(op, constType, constDims, weightDtype, weightShape, yInputs, shard, "\"T\": {\"type\": \"DT_FLOAT\"}");
  }

  /** The same with node y's attributes {@code yAttrs} (the inside of its {@code attr} object). */
  public static String json(String op, String constType, String constDims, String weightDtype, String weightShape,
      String yInputs, String shard, String yAttrs) {
    return """
        {"format": "graph-model",
         "signature": {"inputs": {"x:0": {"name": "x:0", "dtype": "DT_FLOAT"}},
                       "outputs": {"y:0": {"name": "y:0", "dtype": "DT_FLOAT"}}},
         "modelTopology": {"node": [
           {"name": "x", "op": "Placeholder", "attr": {"dtype": {"type": "DT_FLOAT"},
             "shape": {"shape": {"dim": [{"size": "1"}, {"size": "2"}]}}}},
           {"name": "w", "op": "Const", "attr": {"dtype": {"type": "%2$s"},
             "value": {"tensor": {"dtype": "%2$s", "tensorShape": {"dim": [%3$s]}}}}},
           {"name": "y", "op": "%1$s", "input": [%6$s], "attr": {%8$s}}]},
         "weightsManifest": [{"paths": ["%7$s"],
           "weights": [{"name": "w", "shape": [%5$s], "dtype": "%4$s",
                        "quantization": {"dtype": "float16", "original_dtype": "float32"}}]}]}
        """.formatted(op, constType, constDims, weightDtype, weightShape, yInputs, shard, yAttrs);
  }

  /** The valid graph's model.json text. */
  public static String valid() {
    return json("AddV2", "DT_FLOAT", "{\"size\": \"2\"}", "float32", "2", "\"x\", \"w\"", "w.bin");
  }

  /** Writes {@code json} as {@code <dir>/<name>.json} and {@code shard} as {@code <dir>/w.bin} (null: no shard). */
  public static Path write(Path dir, String name, String json, byte[] shard) throws IOException {
    Files.createDirectories(dir);
    if (shard != null) {
      Files.write(dir.resolve("w.bin"), shard);
    }
    return Files.writeString(dir.resolve(name + ".json"), json);
  }
}
