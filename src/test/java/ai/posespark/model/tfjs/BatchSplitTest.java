package ai.posespark.model.tfjs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch split's rules on a small graph the test writes, built to pass through each of them: the
 * {@code Unpack(num=1) → ExpandDims(0)} prelude (MERGED → STACKED → MERGED without copying), an element-wise op on
 * the STACKED form, a size computed from {@code Shape} (a value the same for every item) feeding a resize,
 * reductions and squeezes off axis 0, reshapes to {@code [1, -1]} and {@code [-1]}, a concat on the channel axis,
 * and a {@code Pack} that only works per item. Batched results must equal the items run one by one; the real
 * models are checked the same way in BatchTest.
 */
class BatchSplitTest {
  @TempDir
  Path dir;

  @Test
  void batchedRunEqualsItemByItem() throws IOException {
    Path json = writeGraph();
    try (TfjsGraphModel model = TfjsGraphModel.load(json, Device.cpu());
        NDManager scope = NDManager.newBaseManager()) {
      NDArray batch = scope.randomUniform(0, 1, new Shape(3, 4, 4, 2));
      assertThrows(RuntimeException.class, () -> model.run(scope, new NDList(batch)), "Unpack pins batch 1");
      NDList together = model.runSplitBatch(scope, new NDList(batch));
      List<NDList> single = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        single.add(model.run(scope, new NDList(batch.get(i + ":" + (i + 1)))));
      }
      for (int k = 0; k < together.size(); k++) {
        NDList parts = new NDList();
        for (NDList s : single) {
          parts.add(s.get(k));
        }
        NDArray expected = NDArrays.concat(parts, 0);
        assertEquals(expected.getShape(), together.get(k).getShape(), "output " + k);
        float diff = together.get(k).toType(ai.djl.ndarray.types.DataType.FLOAT32, false)
            .sub(expected.toType(ai.djl.ndarray.types.DataType.FLOAT32, false)).abs().max().getFloat();
        assertEquals(0f, diff, 1e-6f, "output " + k);
      }
      // every step but the Pack and what follows it runs once for the batch
      assertEquals(model.batchSplitSummary().replaceFirst(" of .*", ""),
          String.valueOf(STEPS - 2), model.batchSplitSummary());
    }
  }

  private static final int STEPS = 16;

  /** The graph: x [1, 4, 4, 2] float; outputs flat, packed, concat, size. */
  private Path writeGraph() throws IOException {
    List<String> nodes = new ArrayList<>();
    ByteBuffer bin = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
    List<String> weights = new ArrayList<>();
    nodes.add(node("x", "Placeholder", "", "\"dtype\": {\"type\": \"DT_FLOAT\"}, \"shape\": {\"shape\": {\"dim\": "
        + "[{\"size\": \"1\"}, {\"size\": \"4\"}, {\"size\": \"4\"}, {\"size\": \"2\"}]}}"));
    constant(nodes, weights, bin, "scale", new float[] {2f, -1f});
    constant(nodes, weights, bin, "zero", 0);
    constant(nodes, weights, bin, "begin", new int[] {1});
    constant(nodes, weights, bin, "end", new int[] {3});
    constant(nodes, weights, bin, "strides", new int[] {1});
    constant(nodes, weights, bin, "one", 1);
    constant(nodes, weights, bin, "two", 2);
    constant(nodes, weights, bin, "last", -1);
    constant(nodes, weights, bin, "three", 3);
    constant(nodes, weights, bin, "rowShape", new int[] {1, -1});
    constant(nodes, weights, bin, "flatShape", new int[] {-1});
    nodes.add(node("items", "Unpack", "\"x\"", "\"num\": {\"i\": \"1\"}, \"axis\": {\"i\": \"0\"}"));
    nodes.add(node("scaled", "Mul", "\"items\", \"scale\"", ""));
    nodes.add(node("image", "ExpandDims", "\"scaled\", \"zero\"", ""));
    nodes.add(node("shape", "Shape", "\"image\"", "\"out_type\": {\"type\": \"DT_INT32\"}"));
    nodes.add(node("hw", "StridedSlice", "\"shape\", \"begin\", \"end\", \"strides\"", ""));
    nodes.add(node("size", "Mul", "\"hw\", \"two\"", ""));
    nodes.add(node("resized", "ResizeBilinear", "\"image\", \"size\"", "\"half_pixel_centers\": {\"b\": true}"));
    nodes.add(node("mean", "Mean", "\"resized\", \"three\"", "\"keep_dims\": {\"b\": true}"));
    nodes.add(node("plane", "Squeeze", "\"mean\"", "\"squeeze_dims\": {\"list\": {\"i\": [\"3\"]}}"));
    nodes.add(node("row", "Reshape", "\"plane\", \"rowShape\"", ""));
    nodes.add(node("flat", "Reshape", "\"plane\", \"flatShape\"", ""));
    nodes.add(node("best", "ArgMax", "\"row\", \"one\"", "\"output_type\": {\"type\": \"DT_INT32\"}"));
    nodes.add(node("packed", "Pack", "\"best\", \"best\"", "\"N\": {\"i\": \"2\"}, \"axis\": {\"i\": \"0\"}"));
    nodes.add(node("packedOut", "Identity", "\"packed\"", ""));
    nodes.add(node("both", "ConcatV2", "\"image\", \"image\", \"last\"", "\"N\": {\"i\": \"2\"}"));
    nodes.add(node("sizeOut", "Identity", "\"size\"", ""));
    String json = """
        {"format": "graph-model",
         "signature": {"inputs": {"x:0": {"name": "x:0", "dtype": "DT_FLOAT"}},
                       "outputs": {"flat:0": {"name": "flat:0"}, "packedOut:0": {"name": "packedOut:0"},
                                   "both:0": {"name": "both:0"}, "sizeOut:0": {"name": "sizeOut:0"}}},
         "modelTopology": {"node": [%s]},
         "weightsManifest": [{"paths": ["split.bin"], "weights": [%s]}]}
        """.formatted(String.join(",\n", nodes), String.join(",\n", weights));
    Files.writeString(dir.resolve("split.json"), json);
    byte[] bytes = new byte[bin.position()];
    bin.flip().get(bytes);
    Files.write(dir.resolve("split.bin"), bytes);
    return dir.resolve("split.json");
  }

  private static String node(String name, String op, String inputs, String attrs) {
    return "{\"name\": \"" + name + "\", \"op\": \"" + op + "\", \"input\": [" + inputs + "], \"attr\": {" + attrs
        + "}}";
  }

  /** An int32 scalar. */
  private static void constant(List<String> nodes, List<String> weights, ByteBuffer bin, String name, int v) {
    int32(nodes, weights, bin, name, "[]", v);
  }

  /** An int32 vector. */
  private static void constant(List<String> nodes, List<String> weights, ByteBuffer bin, String name, int[] v) {
    int32(nodes, weights, bin, name, "[" + v.length + "]", v);
  }

  private static void int32(List<String> nodes, List<String> weights, ByteBuffer bin, String name, String shape,
      int... v) {
    nodes.add(node(name, "Const", "", "\"dtype\": {\"type\": \"DT_INT32\"}"));
    weights.add("{\"name\": \"" + name + "\", \"shape\": " + shape + ", \"dtype\": \"int32\"}");
    for (int x : v) {
      bin.putInt(x);
    }
  }

  private static void constant(List<String> nodes, List<String> weights, ByteBuffer bin, String name, float[] v) {
    nodes.add(node(name, "Const", "", "\"dtype\": {\"type\": \"DT_FLOAT\"}"));
    weights.add("{\"name\": \"" + name + "\", \"shape\": [" + v.length + "], \"dtype\": \"float32\"}");
    for (float x : v) {
      bin.putFloat(x);
    }
  }
}
