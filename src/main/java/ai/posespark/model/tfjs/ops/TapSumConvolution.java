package ai.posespark.model.tfjs.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * A convolution as the sum over its filter taps of channel-mixing matrix products on strided slices of the input
 * (depthwise: element-wise products), made of plain NDArray ops — slicing, {@code matmul} (BLAS), multiply, add —
 * and none of oneDNN's convolution kernels. The reference {@link ConvolutionCheck} compares oneDNN's result with,
 * and what runs instead where oneDNN is wrong on this CPU. Differentiable (the training path may take it).
 */
final class TapSumConvolution {
  private TapSumConvolution() {}

  /**
   * @param x        NCHW input
   * @param weight   OIHW filter ({@code I = C / groups})
   * @param bias     [O] or null
   * @param padRows  zero rows added above and below
   * @param padCols  zero columns added left and right
   */
  static NDArray of(NDArray x, NDArray weight, NDArray bias, long[] stride, long padRows, long padCols,
      long[] dilation, long groups) {
    NDManager m = x.getManager();
    try (NDManager scratch = m.newSubManager()) {
      NDArray xp = x;
      if (padRows != 0 || padCols != 0) {
        xp = x.pad(new Shape(padCols, padCols, padRows, padRows), 0);
        xp.attach(scratch);
      }
      Shape s = xp.getShape();
      long n = s.get(0);
      long c = s.get(1);
      long out = weight.getShape().get(0);
      long kh = weight.getShape().get(2);
      long kw = weight.getShape().get(3);
      long oh = (s.get(2) - ((kh - 1) * dilation[0] + 1)) / stride[0] + 1;
      long ow = (s.get(3) - ((kw - 1) * dilation[1] + 1)) / stride[1] + 1;
      long perGroupIn = c / groups;
      long perGroupOut = out / groups;
      NDArray sum = null;
      for (long dy = 0; dy < kh; dy++) {
        for (long dx = 0; dx < kw; dx++) {
          NDArray slice = xp.get(new NDIndex(":, :, {}:{}:{}, {}:{}:{}", dy * dilation[0],
              dy * dilation[0] + (oh - 1) * stride[0] + 1, stride[0], dx * dilation[1],
              dx * dilation[1] + (ow - 1) * stride[1] + 1, stride[1]));
          slice.attach(scratch);
          NDArray tap = weight.get(new NDIndex(":, :, {}, {}", dy, dx)); // [O, I]
          tap.attach(scratch); // not the weights' manager, which lives as long as the model
          NDArray term;
          if (perGroupIn == 1 && groups == c) { // depthwise: output o reads input o / multiplier
            NDArray spread = perGroupOut == 1 ? slice : slice.repeat(1, perGroupOut);
            term = spread.mul(tap.reshape(1, out, 1, 1));
          } else {
            List<NDArray> parts = new ArrayList<>();
            for (long g = 0; g < groups; g++) {
              NDArray in = slice.get(new NDIndex(":, {}:{}", g * perGroupIn, (g + 1) * perGroupIn))
                  .reshape(n, perGroupIn, oh * ow);
              NDArray w = tap.get(new NDIndex("{}:{}", g * perGroupOut, (g + 1) * perGroupOut));
              parts.add(w.matMul(in));
            }
            term = (groups == 1 ? parts.get(0) : NDArrays.concat(new NDList(parts), 1)).reshape(n, out, oh, ow);
          }
          sum = sum == null ? term : sum.add(term);
        }
      }
      NDArray y = sum;
      if (bias != null) {
        NDArray b = bias.reshape(1, out, 1, 1);
        b.attach(scratch);
        y = sum.add(b);
      }
      y.attach(m);
      return y;
    }
  }
}
