package ai.posespark.model.tfjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile model.json whose constants fold into gigabytes (issue 22): a few bytes of {@code Fill} dims or
 * {@code Tile} multiples are a load error naming the node, before anything is allocated; the same graph with
 * sensible constants loads and runs.
 */
class FoldBoundTest {
  @TempDir
  Path dir;

  /**
   * x (Placeholder [1, 2]) + big, where big = {@code op}(a, b) of int32 Consts: Fill(dims [2], value []) or
   * Tile(input [2], multiples [1]). Everything but x is constant, so load folds big.
   */
  private static String graph(String op) {
    String dtypeAttr = op.equals("Fill") ? "\"index_type\": {\"type\": \"DT_INT32\"}" : "\"Tmultiples\": {\"type\":"
        + " \"DT_INT32\"}";
    return """
        {"format": "graph-model",
         "signature": {"inputs": {"x:0": {"name": "x:0", "dtype": "DT_INT32"}},
                       "outputs": {"y:0": {"name": "y:0", "dtype": "DT_INT32"}}},
         "modelTopology": {"node": [
           {"name": "x", "op": "Placeholder", "attr": {"dtype": {"type": "DT_INT32"},
             "shape": {"shape": {"dim": [{"size": "1"}, {"size": "2"}]}}}},
           {"name": "a", "op": "Const", "attr": {"dtype": {"type": "DT_INT32"},
             "value": {"tensor": {"dtype": "DT_INT32", "tensorShape": {"dim": [{"size": "2"}]}}}}},
           {"name": "b", "op": "Const", "attr": {"dtype": {"type": "DT_INT32"},
             "value": {"tensor": {"dtype": "DT_INT32", "tensorShape": {"dim": [%3$s]}}}}},
           {"name": "big", "op": "%1$s", "input": ["a", "b"], "attr": {"T": {"type": "DT_INT32"}, %2$s}},
           {"name": "y", "op": "AddV2", "input": ["x", "big"], "attr": {"T": {"type": "DT_INT32"}}}]},
         "weightsManifest": [{"paths": ["w.bin"],
           "weights": [{"name": "a", "shape": [2], "dtype": "int32"},
                       {"name": "b", "shape": [%4$s], "dtype": "int32"}]}]}
        """.formatted(op, dtypeAttr, op.equals("Fill") ? "" : "{\"size\": \"1\"}", op.equals("Fill") ? "" : "1");
  }

  private static byte[] ints(int... values) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : values) {
      b.putInt(v);
    }
    return b.array();
  }

  private Path write(String name, String json, byte[] shard) throws IOException {
    return TinyGraph.write(dir.resolve(name), name, json, shard);
  }

  private String loadError(Path file) {
    IOException e = assertThrows(IOException.class, () -> TfjsGraphModel.load(file, Device.cpu()).close());
    return e.getMessage();
  }

  @Test
  void aFillThatFoldsIntoGigabytesIsALoadErrorNamingTheNode() throws IOException {
    // dims [65536, 65536] of int32: 16 GiB from 12 bytes of weights
    String m = loadError(write("fill-bomb", graph("Fill"), ints(65536, 65536, 7)));
    assertTrue(m.startsWith("fill-bomb: "), m);
    assertTrue(m.contains("'big'") && m.contains("Fill"), "names the node and op: " + m);
    assertTrue(m.contains("16384 MiB") && m.contains("512 MiB"), "says how much and the bound: " + m);
  }

  @Test
  void aTileThatFoldsIntoGigabytesIsALoadErrorNamingTheNode() throws IOException {
    // input [2] tiled 1,073,741,824 times: 8 GiB
    String m = loadError(write("tile-bomb", graph("Tile"), ints(1, 2, 1 << 30)));
    assertTrue(m.contains("'big'") && m.contains("Tile") && m.contains("8192 MiB"), m);
  }

  @Test
  void sensibleFoldsStillLoadAndRun() throws IOException {
    try (TfjsGraphModel fill = TfjsGraphModel.load(write("fill", graph("Fill"), ints(1, 2, 7)), Device.cpu());
         TfjsGraphModel tile = TfjsGraphModel.load(write("tile", graph("Tile"), ints(1, 2, 1)), Device.cpu());
         NDManager scope = NDManager.newBaseManager(Device.cpu())) {
      NDList x = new NDList(scope.create(new int[] {10, 20}, new Shape(1, 2)));
      assertArrayEquals(new int[] {17, 27}, fill.run(scope, x).get(0).toIntArray());
      assertArrayEquals(new int[] {11, 22}, tile.run(scope, x).get(0).toIntArray());
    }
  }
}
