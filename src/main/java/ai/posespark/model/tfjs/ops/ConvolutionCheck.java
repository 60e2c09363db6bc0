package ai.posespark.model.tfjs.ops;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.posespark.model.CpuModel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One convolution node's guard against wrong CPU kernels. libtorch 2.7.1's oneDNN computes some convolution shapes
 * wrongly on some CPUs (an AMD EPYC Zen 5 here: depthwise with a channel multiplier, 34 input channels at 25×25,
 * 96 to 34 channels 1×1 on channels-last input; README, known issues) and which ones depends on the CPU, the layout
 * and the shape. So the first run of each input shape on the CPU also computes {@link TapSumConvolution}, which uses
 * no oneDNN convolution, and compares: where oneDNN agrees (every npm model shape at batch 1 here) it keeps running
 * alone at full speed; where not, the shape runs the tap sum from then on and one warning names the node, shape,
 * error and CPU. One check per node and shape per JVM (a few ms each, once).
 */
final class ConvolutionCheck {
  private static final Logger LOG = LoggerFactory.getLogger(ConvolutionCheck.class);
  /** Differences beyond summation order: a wrong kernel is off by O(1) on O(1) values, a right one by ~1e-6. */
  static final double TOLERANCE = 1e-3;

  private final String node;
  private final Map<Shape, Boolean> fastIsRight = new ConcurrentHashMap<>();

  ConvolutionCheck(String node) {
    this.node = node;
  }

  /**
   * {@code fast}'s result for this input, or {@code reference}'s where {@code fast} was found wrong for its shape.
   *
   * @param input     the convolution's input (its shape keys the verdict)
   * @param fast      the oneDNN / libtorch path, including any activation it fuses
   * @param reference the same convolution and activation without oneDNN
   */
  NDArray run(NDArray input, Supplier<NDArray> fast, Supplier<NDArray> reference) {
    if (!Device.Type.CPU.equals(input.getDevice().getDeviceType()) || input.getDataType() != DataType.FLOAT32) {
      return fast.get(); // oneDNN's float kernels only (float64, e.g. gradient checks, runs libtorch's own)
    }
    Shape shape = input.getShape();
    Boolean right = fastIsRight.get(shape);
    if (right != null) {
      return right ? fast.get() : reference.get();
    }
    NDArray y = fast.get();
    NDArray want = reference.get();
    double scale = Math.max(1, want.abs().max().getFloat());
    double error = y.sub(want).abs().max().getFloat();
    boolean ok = error <= TOLERANCE * scale;
    fastIsRight.put(shape, ok);
    if (ok) {
      want.close();
      return y;
    }
    LOG.warn("convolution {} on input {}: libtorch's kernel is off by {} on this CPU ({}); this shape runs "
        + "without oneDNN from now on (README, known issues)", node, shape, String.format("%.3g", error),
        CpuModel.describe());
    y.close();
    return want;
  }
}
