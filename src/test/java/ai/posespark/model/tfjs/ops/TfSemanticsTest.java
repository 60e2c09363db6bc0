package ai.posespark.model.tfjs.ops;

import static ai.posespark.model.tfjs.ops.OpHarness.b64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.posespark.model.tfjs.TfjsModelException;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * TF semantics that PyTorch does not share, checked against plain-Java reference implementations of TF's
 * definitions (the golden models do not exercise all of them: no graph uses align_corners or negative strides).
 */
class TfSemanticsTest {
  private NDManager manager;

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  private static final boolean[] DATA_THEN_CONSTANTS = {false, true, true, true};

  @ParameterizedTest(name = "align_corners={0} half_pixel_centers={1} {2}x{3} -> {4}x{5}")
  @CsvSource({
    "false, false, 5, 7, 8, 3", "false, true, 5, 7, 8, 3", "true, false, 5, 7, 8, 3",
    "false, false, 4, 4, 9, 9", "true, false, 4, 4, 1, 9", "false, true, 6, 6, 6, 6"})
  void resizeBilinearFollowsTfSampling(boolean align, boolean halfPixel, int h, int w, int oh, int ow)
      throws TfjsModelException {
    int c = 2;
    float[] x = random(h * w * c, 1);
    NDArray out = OpHarness.run(manager, "ResizeBilinear", "{\"align_corners\": {\"b\": " + align
        + "}, \"half_pixel_centers\": {\"b\": " + halfPixel + "}}", DATA_THEN_CONSTANTS,
        manager.create(x, new Shape(1, h, w, c)), manager.create(new int[] {oh, ow}))[0];
    assertEquals(new Shape(1, oh, ow, c), out.getShape());
    float[] got = out.toFloatArray();
    for (int y = 0; y < oh; y++) {
      for (int xx = 0; xx < ow; xx++) {
        for (int ch = 0; ch < c; ch++) {
          float want = bilinearReference(x, h, w, c, y, xx, ch, oh, ow, align, halfPixel);
          assertEquals(want, got[(y * ow + xx) * c + ch], 1e-5f, "at " + y + "," + xx + "," + ch);
        }
      }
    }
  }

  /** TF's resize_bilinear for one output element (tensorflow/core/kernels/image/resize_bilinear_op.cc). */
  private static float bilinearReference(float[] x, int h, int w, int c, int oy, int ox, int ch, int oh, int ow,
      boolean align, boolean halfPixel) {
    double sy = align && oh > 1 ? (h - 1) / (double) (oh - 1) : h / (double) oh;
    double sx = align && ow > 1 ? (w - 1) / (double) (ow - 1) : w / (double) ow;
    double inY = halfPixel ? (oy + 0.5) * sy - 0.5 : oy * sy;
    double inX = halfPixel ? (ox + 0.5) * sx - 0.5 : ox * sx;
    int y0 = (int) Math.max(Math.floor(inY), 0);
    int y1 = (int) Math.min(Math.ceil(inY), h - 1);
    int x0 = (int) Math.max(Math.floor(inX), 0);
    int x1 = (int) Math.min(Math.ceil(inX), w - 1);
    double dy = inY - Math.floor(inY);
    double dx = inX - Math.floor(inX);
    double top = x[(y0 * w + x0) * c + ch] + (x[(y0 * w + x1) * c + ch] - x[(y0 * w + x0) * c + ch]) * dx;
    double bottom = x[(y1 * w + x0) * c + ch] + (x[(y1 * w + x1) * c + ch] - x[(y1 * w + x0) * c + ch]) * dx;
    return (float) (top + (bottom - top) * dy);
  }

  @ParameterizedTest(name = "input {0}x{1}, kernel {2}, stride {3}, {4}")
  @CsvSource({"8, 8, 3, 2, SAME", "7, 9, 3, 2, SAME", "8, 6, 2, 1, SAME", "9, 9, 5, 2, SAME", "8, 8, 3, 2, VALID"})
  void conv2dPadsSameLikeTf(int h, int w, int k, int stride, String padding) throws TfjsModelException {
    int ci = 3;
    int co = 2;
    float[] x = random(h * w * ci, 2);
    float[] f = random(k * k * ci * co, 3);
    NDArray out = OpHarness.run(manager, "Conv2D", "{\"padding\": {\"s\": \"" + b64(padding)
        + "\"}, \"strides\": {\"list\": {\"i\": [\"1\", \"" + stride + "\", \"" + stride + "\", \"1\"]}}}",
        new boolean[] {false, true}, manager.create(x, new Shape(1, h, w, ci)),
        manager.create(f, new Shape(k, k, ci, co)))[0];
    TfConvolutionReference tf = new TfConvolutionReference(h, w, ci, k, k, stride, 1, padding.equals("SAME"));
    assertEquals(new Shape(1, tf.outHeight(), tf.outWidth(), co), out.getShape());
    assertCloseTo(tf.conv2d(x, f, co), out.toFloatArray(), 1e-4);
  }

  @Test
  void stridedSliceMasksAndNegativeStrides() throws TfjsModelException {
    NDArray x = manager.arange(24f).reshape(2, 3, 4);
    // x[1, ::-1, 1:4:2] : shrink axis 0, reversed axis 1 (begin/end masked), strided axis 2
    NDArray out = stridedSlice(x, new int[] {1, 0, 1}, new int[] {2, 0, 4}, new int[] {1, -1, 2},
        "\"begin_mask\": {\"i\": \"2\"}, \"end_mask\": {\"i\": \"2\"}, \"shrink_axis_mask\": {\"i\": \"1\"}");
    assertEquals(new Shape(3, 2), out.getShape());
    assertArrayEquals(new float[] {21, 23, 17, 19, 13, 15}, out.toFloatArray());
    // x[..., tf.newaxis, -1] : ellipsis, new axis, negative index with shrink
    out = stridedSlice(x, new int[] {0, 0, -1}, new int[] {0, 0, 0}, new int[] {1, 1, 1},
        "\"ellipsis_mask\": {\"i\": \"1\"}, \"new_axis_mask\": {\"i\": \"2\"}, \"shrink_axis_mask\": {\"i\": \"4\"}");
    assertEquals(new Shape(2, 3, 1), out.getShape());
    assertArrayEquals(new float[] {3, 7, 11, 15, 19, 23}, out.toFloatArray());
    // x[:, 5:1:-2] clamps to x[:, 2:1:-2] = one row; empty range gives a zero-size result
    out = stridedSlice(x, new int[] {0, 5}, new int[] {0, 1}, new int[] {1, -2},
        "\"begin_mask\": {\"i\": \"1\"}, \"end_mask\": {\"i\": \"1\"}");
    assertEquals(new Shape(2, 1, 4), out.getShape());
    out = stridedSlice(x, new int[] {0, 2}, new int[] {0, 2}, new int[] {1, 1},
        "\"begin_mask\": {\"i\": \"1\"}, \"end_mask\": {\"i\": \"1\"}");
    assertEquals(new Shape(2, 0, 4), out.getShape());
  }

  private NDArray stridedSlice(NDArray x, int[] begin, int[] end, int[] strides, String masks)
      throws TfjsModelException {
    return OpHarness.run(manager, "StridedSlice", "{" + masks + "}", DATA_THEN_CONSTANTS, x,
        manager.create(begin), manager.create(end), manager.create(strides))[0];
  }

  @Test
  void floorDivisionAndModuloRoundTowardNegativeInfinity() throws TfjsModelException {
    NDArray a = manager.create(new int[] {7, -7, 7, -7, 6});
    NDArray b = manager.create(new int[] {2, 2, -2, -2, 3});
    NDArray q = OpHarness.run(manager, "FloorDiv", "", null, a, b)[0];
    NDArray r = OpHarness.run(manager, "FloorMod", "", null, a, b)[0];
    assertEquals(DataType.INT32, q.getDataType());
    int[] av = a.toIntArray();
    int[] bv = b.toIntArray();
    for (int k = 0; k < av.length; k++) {
      assertEquals(Math.floorDiv(av[k], bv[k]), q.toIntArray()[k]);
      assertEquals(Math.floorMod(av[k], bv[k]), r.toIntArray()[k]);
    }
    NDArray fq = OpHarness.run(manager, "FloorDiv", "", null, manager.create(new float[] {-7.5f, 7.5f}),
        manager.create(2f))[0];
    assertArrayEquals(new float[] {-4, 3}, fq.toFloatArray());
  }

  @Test
  void castToIntTruncatesAndArgMaxIsInt32() throws TfjsModelException {
    NDArray cast = OpHarness.run(manager, "Cast", "{\"DstT\": {\"type\": \"DT_INT32\"}}", null,
        manager.create(new float[] {1.7f, -1.7f, -0.2f}))[0];
    assertArrayEquals(new int[] {1, -1, 0}, cast.toIntArray());
    NDArray arg = OpHarness.run(manager, "ArgMax", "{\"output_type\": {\"type\": \"DT_INT32\"}}",
        new boolean[] {false, true}, manager.create(new float[] {1, 5, 5, 2}, new Shape(2, 2)),
        manager.create(1))[0];
    assertEquals(DataType.INT32, arg.getDataType());
    assertArrayEquals(new int[] {1, 0}, arg.toIntArray(), "first maximum wins, as in TF");
  }

  @Test
  void maxPoolSamePadsWithMinusInfinity() throws TfjsModelException {
    float[] x = random(4 * 4, 4);
    for (int k = 0; k < x.length; k++) {
      x[k] -= 10; // all negative: zero padding would show up as maxima
    }
    NDArray out = OpHarness.run(manager, "MaxPool", "{\"ksize\": {\"list\": {\"i\": [\"1\", \"3\", \"3\", \"1\"]}},"
        + "\"strides\": {\"list\": {\"i\": [\"1\", \"2\", \"2\", \"1\"]}}, \"padding\": {\"s\": \"" + b64("SAME")
        + "\"}}", null, manager.create(x, new Shape(1, 4, 4, 1)))[0];
    assertEquals(new Shape(1, 2, 2, 1), out.getShape());
    float[] got = out.toFloatArray();
    for (int y = 0; y < 2; y++) {
      for (int xx = 0; xx < 2; xx++) {
        float max = Float.NEGATIVE_INFINITY;
        for (int dy = 0; dy < 3; dy++) { // SAME: total pad 1, on the bottom/right
          for (int dx = 0; dx < 3; dx++) {
            int iy = 2 * y + dy;
            int ix = 2 * xx + dx;
            if (iy < 4 && ix < 4) {
              max = Math.max(max, x[iy * 4 + ix]);
            }
          }
        }
        assertEquals(max, got[y * 2 + xx], 0f);
      }
    }
  }

  @Test
  void unsupportedAttributeValuesFailNamingTheValue() {
    TfjsModelException e = assertThrows(TfjsModelException.class, () -> OpHarness.run(manager, "Conv2D",
        "{\"padding\": {\"s\": \"" + b64("SAME") + "\"}, \"data_format\": {\"s\": \"" + b64("NCHW") + "\"}}",
        new boolean[] {false, true}, manager.zeros(new Shape(1, 4, 4, 1)), manager.zeros(new Shape(1, 1, 1, 1))));
    assertTrue(e.getMessage().contains("test: node 'n' (Conv2D): unsupported data_format NCHW"), e.getMessage());
    e = assertThrows(TfjsModelException.class, () -> OpHarness.run(manager, "_FusedConv2D",
        "{\"padding\": {\"s\": \"" + b64("SAME") + "\"}, \"num_args\": {\"i\": \"1\"}, \"fused_ops\": "
            + "{\"list\": {\"s\": [\"" + b64("BiasAdd") + "\", \"" + b64("Gelu") + "\"]}}}",
        new boolean[] {false, true, true}, manager.zeros(new Shape(1, 4, 4, 1)),
        manager.zeros(new Shape(1, 1, 1, 1)), manager.zeros(new Shape(1))));
    assertTrue(e.getMessage().contains("unsupported fused_ops [BiasAdd, Gelu]"), e.getMessage());
  }

  /**
   * DepthwiseConv2dNative with SAME padding, odd and even sizes, non-square, strides 1 to 3, depth multiplier 1
   * and 2: a constant filter takes the shifted-filter path for asymmetric padding, a fed one the explicit pad;
   * both must match TF's definition.
   */
  @ParameterizedTest(name = "{0}x{1} kernel {2}x{3} stride {4} multiplier {5} constant filter {6}")
  @CsvSource({
    "8, 8, 3, 3, 2, 1, true", "8, 8, 3, 3, 2, 1, false", "7, 10, 3, 3, 2, 2, true", "9, 6, 5, 3, 2, 1, true",
    "6, 9, 4, 4, 1, 1, true", "10, 7, 3, 5, 3, 2, true", "7, 7, 3, 3, 1, 1, true", "5, 8, 2, 3, 2, 1, true"})
  void depthwiseSamePaddingFollowsTf(int h, int w, int kh, int kw, int stride, int multiplier, boolean constant)
      throws TfjsModelException {
    int c = 3;
    float[] x = random(h * w * c, 7);
    float[] f = random(kh * kw * c * multiplier, 8);
    NDArray out = OpHarness.run(manager, "DepthwiseConv2dNative", "{\"padding\": {\"s\": \"" + b64("SAME")
        + "\"}, \"strides\": {\"list\": {\"i\": [\"1\", \"" + stride + "\", \"" + stride + "\", \"1\"]}}}",
        new boolean[] {false, constant}, manager.create(x, new Shape(1, h, w, c)),
        manager.create(f, new Shape(kh, kw, c, multiplier)))[0];
    TfConvolutionReference tf = new TfConvolutionReference(h, w, c, kh, kw, stride, 1, true);
    assertEquals(new Shape(1, tf.outHeight(), tf.outWidth(), c * multiplier), out.getShape());
    assertCloseTo(tf.depthwise(x, f, multiplier), out.toFloatArray(), 1e-5);
  }

  /**
   * Conv2DBackpropInput (transposed convolution) by TF's definition: every input value spreads through the filter
   * to the output positions the forward convolution would read it from; output channels past a block of 16 too.
   */
  @ParameterizedTest(name = "output {0}x{1}, kernel {2}, stride {3}, {4}, channels {5} to {6}")
  @CsvSource({"8, 8, 3, 2, SAME, 4, 2", "7, 9, 3, 2, SAME, 3, 17", "16, 16, 4, 2, SAME, 8, 34",
    "9, 9, 3, 1, SAME, 5, 1", "9, 7, 3, 2, VALID, 2, 3", "24, 24, 2, 2, VALID, 34, 17"})
  void transposedConvFollowsTf(int h, int w, int k, int stride, String padding, int ci, int co)
      throws TfjsModelException {
    boolean same = padding.equals("SAME");
    int ih = same ? (h + stride - 1) / stride : (h - k) / stride + 1;
    int iw = same ? (w + stride - 1) / stride : (w - k) / stride + 1;
    float[] x = random(ih * iw * ci, 4);
    float[] f = random(k * k * co * ci, 5);
    NDArray out = OpHarness.run(manager, "Conv2DBackpropInput", "{\"padding\": {\"s\": \"" + b64(padding)
        + "\"}, \"strides\": {\"list\": {\"i\": [\"1\", \"" + stride + "\", \"" + stride + "\", \"1\"]}}}",
        new boolean[] {true, true, false}, manager.create(new int[] {1, h, w, co}),
        manager.create(f, new Shape(k, k, co, ci)), manager.create(x, new Shape(1, ih, iw, ci)))[0];
    int top = same ? Math.max((ih - 1) * stride + k - h, 0) / 2 : 0;
    int left = same ? Math.max((iw - 1) * stride + k - w, 0) / 2 : 0;
    double[] want = new double[h * w * co];
    for (int i = 0; i < ih; i++) {
      for (int j = 0; j < iw; j++) {
        for (int dy = 0; dy < k; dy++) {
          for (int dx = 0; dx < k; dx++) {
            int y = i * stride - top + dy;
            int xx = j * stride - left + dx;
            if (y < 0 || y >= h || xx < 0 || xx >= w) {
              continue;
            }
            for (int o = 0; o < co; o++) {
              for (int c = 0; c < ci; c++) {
                want[(y * w + xx) * co + o] += x[(i * iw + j) * ci + c] * f[((dy * k + dx) * co + o) * ci + c];
              }
            }
          }
        }
      }
    }
    assertEquals(new Shape(1, h, w, co), out.getShape());
    assertCloseTo(want, out.toFloatArray(), 1e-4);
  }

  /** Element by element, naming the first that differs by more than {@code tolerance}. */
  static void assertCloseTo(double[] want, float[] got, double tolerance) {
    assertEquals(want.length, got.length, "element count");
    for (int i = 0; i < want.length; i++) {
      assertEquals(want[i], got[i], tolerance, "element " + i + " (NHWC order)");
    }
  }

  private static float[] random(int n, long seed) {
    Random r = new Random(seed);
    float[] out = new float[n];
    for (int k = 0; k < n; k++) {
      out[k] = r.nextFloat() * 2 - 1;
    }
    return out;
  }
}
