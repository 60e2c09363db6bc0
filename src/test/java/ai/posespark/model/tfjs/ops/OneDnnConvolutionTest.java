package ai.posespark.model.tfjs.ops;

import static ai.posespark.model.tfjs.ops.OpHarness.b64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.posespark.model.tfjs.TfjsModelException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fused oneDNN convolutions against DJL's plain convolution + activation (the path GPUs and
 * {@code -Dposespark.onednn=false} take): every fused activation, regular and depthwise, strides, dilation and
 * TF's asymmetric SAME padding. TfSemanticsTest checks the same kernels against TF's definition by hand, and
 * ConcurrencyTest one model's packed filters shared by concurrent runs.
 */
class OneDnnConvolutionTest {
  private NDManager manager;

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

  @ParameterizedTest(name = "{0} {1} stride {2} dilation {3} {4}x{5} kernel {6}")
  @CsvSource({
    "_FusedConv2D, Relu6, 2, 1, 9, 8, 3", "_FusedConv2D, Relu, 1, 1, 7, 7, 1", "_FusedConv2D, LeakyRelu, 2, 1, 8, 8, 3",
    "_FusedConv2D, Sigmoid, 1, 2, 9, 9, 3", "_FusedConv2D, Elu, 1, 1, 6, 5, 3", "_FusedConv2D, Prelu, 2, 1, 8, 9, 3",
    "_FusedConv2D, '', 1, 1, 6, 6, 1", "FusedDepthwiseConv2dNative, Relu6, 2, 1, 8, 8, 3",
    "FusedDepthwiseConv2dNative, Relu6, 1, 1, 9, 7, 3", "FusedDepthwiseConv2dNative, '', 2, 1, 7, 10, 5",
    "FusedDepthwiseConv2dNative, Relu, 1, 2, 9, 9, 3"})
  void matchesThePlainPath(String op, String activation, int stride, int dilation, int h, int w, int k)
      throws TfjsModelException {
    boolean depthwise = op.contains("Depthwise");
    int c = 5;
    int out = depthwise ? c * 2 : 4;
    NDArray x = manager.randomUniform(-2, 2, new Shape(1, h, w, c));
    NDArray filter = manager.randomUniform(-1, 1, new Shape(k, k, c, depthwise ? 2 : out));
    NDArray bias = manager.randomUniform(-1, 1, new Shape(out));
    NDArray alpha = manager.randomUniform(0, 0.5f, new Shape(out));
    String fused = activation.isEmpty() ? "\"BiasAdd\"" : "\"BiasAdd\", \"" + activation + "\"";
    boolean prelu = activation.equals("Prelu");
    String attrs = "{\"padding\": {\"s\": \"" + b64("SAME") + "\"}, \"strides\": {\"list\": {\"i\": [\"1\", \""
        + stride + "\", \"" + stride + "\", \"1\"]}}, \"dilations\": {\"list\": {\"i\": [\"1\", \"" + dilation
        + "\", \"" + dilation + "\", \"1\"]}}, \"fused_ops\": {\"list\": {\"s\": [" + b64List(fused)
        + "]}}, \"num_args\": {\"i\": \"" + (prelu ? 2 : 1) + "\"}, \"leakyrelu_alpha\": {\"f\": 0.1}}";
    boolean[] constant = prelu ? new boolean[] {false, true, true, true} : new boolean[] {false, true, true};
    NDArray[] inputs = prelu ? new NDArray[] {x, filter, bias, alpha} : new NDArray[] {x, filter, bias};
    NDArray fast = OpHarness.run(manager, op, attrs, constant, inputs)[0];
    NDArray plain;
    System.setProperty("posespark.onednn", "false");
    try {
      plain = OpHarness.run(manager, op, attrs, constant, inputs)[0];
    } finally {
      System.clearProperty("posespark.onednn");
    }
    assertEquals(plain.getShape(), fast.getShape());
    float[] want = plain.toFloatArray();
    float[] got = fast.toFloatArray();
    for (int i = 0; i < want.length; i++) {
      assertEquals(want[i], got[i], 1e-4f * Math.max(1f, Math.abs(want[i])), "element " + i);
    }
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
