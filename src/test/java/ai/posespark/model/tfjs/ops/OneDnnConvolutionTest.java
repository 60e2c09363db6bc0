package ai.posespark.model.tfjs.ops;

import static ai.posespark.model.tfjs.ops.OpHarness.b64;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.posespark.model.CpuModel;
import ai.posespark.model.tfjs.TfjsModelException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The convolution paths against TF's definition: every fused activation, regular and depthwise (multiplier 1
 * and 2), strides, dilation and TF's asymmetric SAME padding; ConcurrencyTest checks one model's packed filters
 * shared by concurrent runs. Which kernels libtorch picks depends on the CPU, so the test prints it.
 */
class OneDnnConvolutionTest {
  private NDManager manager;

  @BeforeAll
  static void printTheCpu() {
    System.out.println("OneDnnConvolutionTest on " + CpuModel.describe());
  }

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void availableOnTheCpuEngine() {
    assertTrue(OneDnnConvolution.usable(Device.cpu()), "this libtorch build should register oneDNN's fused conv");
  }

  /**
   * Each of the three ways a convolution runs on the CPU against TF's definition summed in double: the packed
   * oneDNN primitive (constant filter), DJL's plain convolution ({@code -Dposespark.onednn=false}, and what GPUs
   * run) and a fed filter (the training path). Depthwise with multiplier 1 and 2, regular convolutions with
   * output channels past a block of 16 (17, 34: the 96 to 34 1×1 at 48×48 is MoveNet's offset head), channels-last
   * activations as the executor holds them. Without ConvolutionCheck, the packed multiplier-2 and 34-channel 25×25
   * cases and the plain 96 to 34 1×1 failed on an AMD EPYC (Zen 5) by up to 1.0, 3.1 and 9.3 (README, known issues).
   */
  @ParameterizedTest(name = "{0} {1} stride {2} dilation {3} {4}x{5} kernel {6} channels {7} to {8}")
  @CsvSource({
    "_FusedConv2D, Relu6, 2, 1, 9, 8, 3, 5, 4", "_FusedConv2D, Relu, 1, 1, 7, 7, 1, 5, 4",
    "_FusedConv2D, LeakyRelu, 2, 1, 8, 8, 3, 5, 4", "_FusedConv2D, Sigmoid, 1, 2, 9, 9, 3, 5, 4",
    "_FusedConv2D, Elu, 1, 1, 6, 5, 3, 5, 4", "_FusedConv2D, Prelu, 2, 1, 8, 9, 3, 5, 4",
    "_FusedConv2D, '', 1, 1, 6, 6, 1, 5, 4", "_FusedConv2D, '', 1, 1, 48, 48, 1, 96, 34",
    "_FusedConv2D, Relu, 1, 1, 12, 12, 1, 96, 17", "_FusedConv2D, '', 1, 1, 12, 12, 3, 16, 17",
    "_FusedConv2D, '', 1, 1, 25, 25, 3, 34, 17", "_FusedConv2D, Relu6, 2, 1, 25, 25, 2, 34, 17",
    "FusedDepthwiseConv2dNative, Relu6, 2, 1, 8, 8, 3, 5, 1", "FusedDepthwiseConv2dNative, Relu6, 2, 1, 8, 8, 3, 5, 2",
    "FusedDepthwiseConv2dNative, Relu6, 1, 1, 9, 7, 3, 5, 1", "FusedDepthwiseConv2dNative, Relu6, 1, 1, 9, 7, 3, 5, 2",
    "FusedDepthwiseConv2dNative, '', 2, 1, 7, 10, 5, 5, 1", "FusedDepthwiseConv2dNative, '', 2, 1, 7, 10, 5, 5, 2",
    "FusedDepthwiseConv2dNative, Relu, 1, 2, 9, 9, 3, 5, 1", "FusedDepthwiseConv2dNative, Relu, 1, 2, 9, 9, 3, 5, 2",
    "FusedDepthwiseConv2dNative, '', 1, 1, 9, 7, 3, 16, 2", "FusedDepthwiseConv2dNative, Elu, 2, 1, 9, 7, 3, 16, 3",
    "FusedDepthwiseConv2dNative, '', 1, 1, 24, 24, 3, 24, 1"})
  void everyPathFollowsTf(String op, String activation, int stride, int dilation, int h, int w, int k, int c,
      int outOrMultiplier) throws TfjsModelException {
    boolean depthwise = op.contains("Depthwise");
    int out = depthwise ? c * outOrMultiplier : outOrMultiplier;
    Random random = new Random(31L * h + 7L * c + outOrMultiplier);
    float[] x = uniform(random, h * w * c, 2);
    float[] f = uniform(random, k * k * c * outOrMultiplier, 1);
    float[] b = uniform(random, out, 1);
    float[] a = uniform(random, out, 0.5f);
    String fused = activation.isEmpty() ? "\"BiasAdd\"" : "\"BiasAdd\", \"" + activation + "\"";
    boolean prelu = activation.equals("Prelu");
    String attrs = "{\"padding\": {\"s\": \"" + b64("SAME") + "\"}, \"strides\": {\"list\": {\"i\": [\"1\", \""
        + stride + "\", \"" + stride + "\", \"1\"]}}, \"dilations\": {\"list\": {\"i\": [\"1\", \"" + dilation
        + "\", \"" + dilation + "\", \"1\"]}}, \"fused_ops\": {\"list\": {\"s\": [" + b64List(fused)
        + "]}}, \"num_args\": {\"i\": \"" + (prelu ? 2 : 1) + "\"}, \"leakyrelu_alpha\": {\"f\": 0.1}}";
    NDArray[] inputs = {manager.create(x, new Shape(1, h, w, c)),
        manager.create(f, new Shape(k, k, c, outOrMultiplier)), manager.create(b, new Shape(out)),
        manager.create(a, new Shape(out))};
    TfConvolutionReference tf = new TfConvolutionReference(h, w, c, k, k, stride, dilation, true);
    double[] sums = depthwise ? tf.depthwise(x, f, outOrMultiplier) : tf.conv2d(x, f, out);
    double[] want = new double[sums.length];
    for (int i = 0; i < sums.length; i++) {
      want[i] = activate(activation, sums[i] + b[i % out], a[i % out]);
    }
    NDArray[] used = Arrays.copyOf(inputs, prelu ? 4 : 3);
    boolean[] constantFilter = prelu ? new boolean[] {false, true, true, true} : new boolean[] {false, true, true};
    boolean[] fedFilter = prelu ? new boolean[] {false, false, true, true} : new boolean[] {false, false, true};
    double tolerance = 1e-5 * Math.max(1, k * k * (depthwise ? 1 : c) / 9.0);
    TfSemanticsTest.assertCloseTo(want, OpHarness.run(manager, op, attrs, constantFilter, used)[0].toFloatArray(),
        tolerance);
    TfSemanticsTest.assertCloseTo(want, OpHarness.run(manager, op, attrs, fedFilter, used)[0].toFloatArray(),
        tolerance);
    System.setProperty("posespark.onednn", "false");
    try {
      TfSemanticsTest.assertCloseTo(want,
          OpHarness.run(manager, op, attrs, constantFilter, used)[0].toFloatArray(), tolerance);
    } finally {
      System.clearProperty("posespark.onednn");
    }
  }

  private static double activate(String activation, double v, double alpha) {
    return switch (activation) {
      case "" -> v;
      case "Relu" -> Math.max(0, v);
      case "Relu6" -> Math.min(6, Math.max(0, v));
      case "LeakyRelu" -> v < 0 ? 0.1f * v : v;
      case "Sigmoid" -> 1 / (1 + Math.exp(-v));
      case "Elu" -> v < 0 ? Math.expm1(v) : v;
      case "Prelu" -> v < 0 ? alpha * v : v;
      default -> throw new IllegalArgumentException(activation);
    };
  }

  private static float[] uniform(Random random, int n, float range) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (random.nextFloat() * 2 - 1) * range;
    }
    return out;
  }

  private static String b64List(String quotedNames) {
    StringBuilder out = new StringBuilder();
    for (String name : quotedNames.split(",")) {
      String n = name.trim().replace("\"", "");
      out.append(out.length() == 0 ? "" : ", ").append('"').append(b64(n)).append('"');
    }
    return out.toString();
  }
}
