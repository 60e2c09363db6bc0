package ai.posespark.model.tfjs.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.posespark.model.tfjs.TfjsModelException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reductions: Sum, Max, Min, Mean, Prod, All, Any over the axes of input 1 ({@code keep_dims} honoured), and
 * ArgMax/ArgMin (TF.js returns int32 by default, {@code output_type} says). A channels-first input reduced with
 * {@code keep_dims} stays channels-first (squeeze-excite blocks: Mean over H, W between convolutions).
 */
public final class ReductionOps implements OpFamily {

  private interface Reduce {
    NDArray apply(NDArray x, int[] axes, boolean keepDims);
  }

  @Override
  public Map<String, KernelFactory> factories() {
    Map<String, KernelFactory> f = new HashMap<>();
    f.put("Sum", node -> reduction(node, NDArray::sum));
    f.put("Max", node -> reduction(node, NDArray::max));
    f.put("Min", node -> reduction(node, NDArray::min));
    f.put("Mean", node -> reduction(node, NDArray::mean));
    f.put("Prod", node -> reduction(node, NDArray::prod));
    f.put("All", node -> reduction(node, (x, axes, keep) -> logical(x, axes, keep, true)));
    f.put("Any", node -> reduction(node, (x, axes, keep) -> logical(x, axes, keep, false)));
    f.put("ArgMax", node -> argReduction(node, true));
    f.put("ArgMin", node -> argReduction(node, false));
    return f;
  }

  private static NDArray logical(NDArray x, int[] axes, boolean keep, boolean all) {
    try (NDArray asInt = x.toType(DataType.INT32, true);
        NDArray r = all ? asInt.min(axes, keep) : asInt.max(axes, keep)) {
      return r.toType(DataType.BOOLEAN, true);
    }
  }

  private static Kernel reduction(NodeContext node, Reduce reduce) throws TfjsModelException {
    node.requireInputs(2, 2);
    boolean keepDims = node.bool("keep_dims", false);
    long[] constantAxes = node.constantLongs(1);
    return (ctx, in) -> {
      Value x = in[0];
      long[] axes = constantAxes != null ? constantAxes : Tensors.longs(in[1].nhwc());
      if (axes.length == 0) {
        return Tensors.one(x);
      }
      int rank = x.rank();
      int[] resolved = new int[axes.length];
      boolean channelsFirst = x.isChannelsFirst() && keepDims;
      for (int k = 0; k < axes.length; k++) {
        int a = Tensors.axis(axes[k], rank);
        resolved[k] = channelsFirst ? Tensors.nchwAxis(a) : a;
      }
      if (channelsFirst) {
        return Tensors.one(Value.channelsFirst(reduceEach(reduce, x.storage(), resolved, true)));
      }
      return Tensors.one(Value.of(reduceEach(reduce, x.nhwc(), resolved, keepDims)));
    };
  }

  /** Reduces one axis at a time: DJL's PyTorch reductions take a single axis. */
  private static NDArray reduceEach(Reduce reduce, NDArray x, int[] axes, boolean keepDims) {
    if (axes.length == 1) {
      return reduce.apply(x, axes, keepDims);
    }
    NDArray current = x;
    for (int axis : axes) {
      NDArray next = reduce.apply(current, new int[] {axis}, true);
      if (current != x) {
        current.close();
      }
      current = next;
    }
    if (keepDims) {
      return current;
    }
    NDArray squeezed = current.squeeze(axes);
    current.close();
    return squeezed;
  }

  private static Kernel argReduction(NodeContext node, boolean max) throws TfjsModelException {
    node.requireInputs(2, 2);
    DataType outType = node.type("output_type", DataType.INT64);
    long[] constantAxis = node.constantLongs(1);
    return (ctx, in) -> {
      NDArray x = in[0].nhwc();
      long axis = constantAxis != null ? constantAxis[0] : Tensors.longs(in[1].nhwc())[0];
      int a = Tensors.axis(axis, x.getShape().dimension());
      try (NDArray index = max ? x.argMax(a) : x.argMin(a)) {
        return Tensors.one(Value.of(index.toType(outType, true)));
      }
    };
  }
}
