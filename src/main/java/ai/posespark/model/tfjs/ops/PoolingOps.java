package ai.posespark.model.tfjs.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.posespark.model.tfjs.TfjsModelException;
import java.util.Map;

/**
 * Pooling: MaxPool and AvgPool on channels-first storage. TF's SAME padding may be asymmetric, so it is applied
 * explicitly: with -inf for max pooling, and for average pooling the window sum is divided by the count of real
 * (unpadded) elements, as TF does.
 */
public final class PoolingOps implements OpFamily {

  @Override
  public Map<String, KernelFactory> factories() {
    return Map.of("MaxPool", node -> pool(node, true), "AvgPool", node -> pool(node, false));
  }

  private static Kernel pool(NodeContext node, boolean max) throws TfjsModelException {
    node.oneOf("data_format", "NHWC", "NHWC");
    long[] window = SpatialPadding.spatial(node, "ksize");
    long[] stride = SpatialPadding.spatial(node, "strides");
    SpatialPadding padding = SpatialPadding.of(node);
    Shape kernel = new Shape(window);
    Shape strides = new Shape(stride);
    Shape none = new Shape(0, 0);
    return (ctx, in) -> {
      NDArray x = in[0].nchw();
      long[] pads = padding.amounts(x.getShape().get(2), x.getShape().get(3), window, stride);
      boolean padded = pads[0] + pads[1] + pads[2] + pads[3] > 0;
      if (max) {
        NDArray source = padded ? x.pad(SpatialPadding.torchPad(pads), Double.NEGATIVE_INFINITY) : x;
        NDArray y = source.getNDArrayInternal().maxPool(kernel, strides, none, false);
        if (padded) {
          source.close();
        }
        return Tensors.one(Value.channelsFirst(y));
      }
      if (!padded) {
        return Tensors.one(Value.channelsFirst(x.getNDArrayInternal().avgPool(kernel, strides, none, false,
            true)));
      }
      try (NDArray source = x.pad(SpatialPadding.torchPad(pads), 0);
          NDArray ones = ctx.manager().ones(new Shape(1, 1, x.getShape().get(2), x.getShape().get(3)));
          NDArray mask = ones.pad(SpatialPadding.torchPad(pads), 0);
          NDArray sums = source.getNDArrayInternal().avgPool(kernel, strides, none, false, true);
          NDArray counts = mask.getNDArrayInternal().avgPool(kernel, strides, none, false, true)) {
        return Tensors.one(Value.channelsFirst(sums.div(counts)));
      }
    };
  }
}
