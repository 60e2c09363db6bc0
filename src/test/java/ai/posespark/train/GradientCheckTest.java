package ai.posespark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.posespark.model.tfjs.graph.TensorRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Autograd through the interpreter's kernels against central finite differences, one test per op family that
 * MoveNet's training graph passes through (convolution, arithmetic, activation, image resize). Each graph is
 * run as {@link TrainableGraph} runs the real one: every weight fed, so the run-time kernel paths are the ones
 * checked. The loss is a fixed random projection of the output; the check compares, for the input and every
 * weight, the autograd directional derivative along a random direction with (L(θ+εv) − L(θ−εv)) / 2ε: in float64,
 * except for the resize kernel, which computes in float32 (its interpolation matrices are float32, and DJL's
 * {@code toType} leaves autograd's graph, so a float64 input would reach it detached).
 */
class GradientCheckTest {

  @Test
  void convolutionFamily() throws Exception {
    try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
      TinyGraph g = new TinyGraph()
          .weight("w1", random(m, 3, 3, 3, 4)).weight("b1", random(m, 4))
          .node("c1", "_FusedConv2D", TinyGraph.conv(2, "SAME", "BiasAdd", "Relu6"), "x", "w1", "b1")
          .weight("dw", random(m, 3, 3, 4, 1)).weight("db", random(m, 4))
          .node("d1", "FusedDepthwiseConv2dNative", TinyGraph.conv(1, "SAME", "BiasAdd", "Relu"), "c1", "dw", "db")
          .weight("dw2", random(m, 3, 3, 4, 1))
          .node("d2", "DepthwiseConv2dNative", TinyGraph.conv(2, "SAME"), "d1", "dw2")
          .weight("w2", random(m, 1, 1, 4, 5))
          .node("c2", "Conv2D", TinyGraph.conv(1, "VALID"), "d2", "w2");
      check(m, g, "c2", random(m, 2, 9, 8, 3));
    }
  }

  @Test
  void arithmeticFamily() throws Exception {
    try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
      TinyGraph g = new TinyGraph()
          .weight("a", random(m, 1, 1, 1, 3)).weight("b", random(m, 3)).weight("c", random(m, 4, 5, 3))
          .node("add", "AddV2", "{}", "x", "a")
          .node("mul", "Mul", "{}", "add", "b")
          .node("sub", "Sub", "{}", "mul", "c")
          .node("sq", "SquaredDifference", "{}", "sub", "x");
      check(m, g, "sq", random(m, 2, 4, 5, 3));
    }
  }

  @Test
  void activationFamily() throws Exception {
    try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
      TinyGraph g = new TinyGraph()
          .weight("k", random(m, 1, 1, 2, 2))
          .node("c", "Conv2D", TinyGraph.conv(1, "VALID"), "x", "k")
          .node("sig", "Sigmoid", "{}", "c")
          .node("relu", "Relu", "{}", "x")
          .node("relu6", "Relu6", "{}", "c")
          .node("sum", "AddV2", "{}", "sig", "relu")
          .node("out", "Mul", "{}", "sum", "relu6");
      check(m, g, "out", random(m, 2, 3, 4, 2).mul(4));
    }
  }

  @Test
  void imageFamily() throws Exception {
    try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
      TinyGraph g = new TinyGraph()
          .weight("k", random(m, 1, 1, 2, 3).toType(DataType.FLOAT32, false))
          .node("c", "Conv2D", TinyGraph.conv(1, "VALID"), "x", "k")
          .weight("size", m.create(new int[] {7, 9}))
          .node("up", "ResizeBilinear", "{\"half_pixel_centers\":{\"b\":true},\"align_corners\":{\"b\":false}}",
              "c", "size")
          .node("legacy", "ResizeBilinear", "{\"half_pixel_centers\":{\"b\":false},\"align_corners\":{\"b\":false}}",
              "c", "size")
          .node("out", "AddV2", "{}", "up", "legacy");
      check(m, g, "out", random(m, 2, 3, 4, 2).toType(DataType.FLOAT32, false));
    }
  }

  /** Autograd vs finite differences for the input and every float weight of {@code g}, output {@code out}. */
  private static void check(NDManager m, TinyGraph g, String out, NDArray x) throws Exception {
    DataType type = x.getDataType();
    boolean exact = type == DataType.FLOAT64;
    double eps = exact ? 1e-4 : 1e-2;
    double tolerance = exact ? 1e-5 : 1e-3;
    List<String> fed = g.weights.keySet().stream().filter(w -> g.weights.get(w).getDataType() == type).toList();
    try (TrainableGraph graph = TrainableGraph.build("tiny", g.nodes, g.weights, "x",
        List.of(new TensorRef(out, 0)), fed, Device.cpu())) {
      List<NDArray> params = new ArrayList<>();
      fed.forEach(w -> params.add(g.weights.get(w)));
      NDArray projection = random(m, graph.run(m, x, params).get(0).getShape().getShape()).toType(type, false);
      List<NDArray> all = new ArrayList<>(params);
      all.add(0, x);
      List<NDArray> grads = gradients(m, graph, all, projection);
      for (int k = 0; k < all.size(); k++) {
        String name = k == 0 ? "input" : fed.get(k - 1);
        NDArray v = random(m, all.get(k).getShape().getShape()).toType(type, false);
        double analytic = scalar(grads.get(k).mul(v).sum());
        double numeric = (loss(m, graph, shifted(all, k, v, eps), projection)
            - loss(m, graph, shifted(all, k, v, -eps), projection)) / (2 * eps);
        assertTrue(Math.abs(analytic) > 1e-6, name + ": no gradient reached it");
        assertEquals(numeric, analytic, tolerance * Math.max(1, Math.abs(numeric)), name + " of " + out);
      }
    }
  }

  private static List<NDArray> gradients(NDManager m, TrainableGraph graph, List<NDArray> all, NDArray r) {
    List<NDArray> leaves = new ArrayList<>();
    all.forEach(a -> {
      NDArray leaf = a.stopGradient();
      leaf.setRequiresGradient(true);
      leaves.add(leaf);
    });
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray y = graph.run(m, leaves.get(0), leaves.subList(1, leaves.size())).get(0);
      collector.backward(y.mul(r).sum());
    }
    return leaves.stream().map(NDArray::getGradient).toList();
  }

  private static double loss(NDManager m, TrainableGraph graph, List<NDArray> all, NDArray r) {
    NDArray y = graph.run(m, all.get(0), all.subList(1, all.size())).get(0);
    return scalar(y.mul(r).sum());
  }

  private static double scalar(NDArray a) {
    return a.getDataType() == DataType.FLOAT64 ? a.getDouble() : a.getFloat();
  }

  private static List<NDArray> shifted(List<NDArray> all, int k, NDArray v, double eps) {
    List<NDArray> copy = new ArrayList<>(all);
    copy.set(k, all.get(k).add(v.mul(eps)));
    return copy;
  }

  private static final Random SEED = new Random(16);

  private static NDArray random(NDManager m, long... shape) {
    int n = (int) new Shape(shape).size();
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = SEED.nextGaussian() * 0.5;
    }
    return m.create(values, new Shape(shape));
  }
}
