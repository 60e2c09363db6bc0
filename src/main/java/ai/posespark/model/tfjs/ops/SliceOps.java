package ai.posespark.model.tfjs.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.posespark.model.tfjs.TfjsModelException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Selecting elements: StridedSlice, Slice, GatherV2, GatherNd, TopKV2, SparseToDense. Index arrays stay on the
 * device (gathers use PyTorch advanced indexing); slice bounds are host values, constant-folded where possible.
 */
public final class SliceOps implements OpFamily {

  @Override
  public Map<String, KernelFactory> factories() {
    Map<String, KernelFactory> f = new HashMap<>();
    f.put("StridedSlice", SliceOps::stridedSlice);
    f.put("Slice", SliceOps::slice);
    f.put("GatherV2", SliceOps::gather);
    f.put("GatherNd", node -> (ctx, in) -> Tensors.one(Value.of(gatherNd(ctx, in[0].nhwc(), in[1].nhwc()))));
    f.put("TopKV2", SliceOps::topK);
    f.put("SparseToDense", SliceOps::sparseToDense);
    return f;
  }

  private static Kernel stridedSlice(NodeContext node) throws TfjsModelException {
    node.requireInputs(4, 4);
    StridedSliceSpec.Masks masks = new StridedSliceSpec.Masks(node.integer("begin_mask", 0),
        node.integer("end_mask", 0), node.integer("ellipsis_mask", 0), node.integer("new_axis_mask", 0),
        node.integer("shrink_axis_mask", 0));
    long[] cb = node.constantLongs(1);
    long[] ce = node.constantLongs(2);
    long[] cs = node.constantLongs(3);
    return (ctx, in) -> {
      NDArray x = in[0].nhwc();
      long[] shape = x.getShape().getShape();
      StridedSliceSpec spec = StridedSliceSpec.resolve(shape,
          cb != null ? cb : Tensors.longs(in[1].nhwc()), ce != null ? ce : Tensors.longs(in[2].nhwc()),
          cs != null ? cs : Tensors.longs(in[3].nhwc()), masks);
      return Tensors.one(Value.of(select(x, spec.start(), spec.count(), spec.step(), spec.outputShape())));
    };
  }

  /** Slice(x, begin, size): size -1 means "to the end". */
  private static Kernel slice(NodeContext node) throws TfjsModelException {
    node.requireInputs(3, 3);
    long[] cb = node.constantLongs(1);
    long[] cs = node.constantLongs(2);
    return (ctx, in) -> {
      NDArray x = in[0].nhwc();
      long[] shape = x.getShape().getShape();
      long[] begin = cb != null ? cb : Tensors.longs(in[1].nhwc());
      long[] size = (cs != null ? cs : Tensors.longs(in[2].nhwc())).clone();
      long[] step = new long[shape.length];
      for (int d = 0; d < shape.length; d++) {
        size[d] = size[d] < 0 ? shape[d] - begin[d] : size[d];
        step[d] = 1;
      }
      return Tensors.one(Value.of(select(x, begin, size, step, size)));
    };
  }

  /**
   * Elements {@code start + i·step, i < count} per dimension, reshaped to {@code outputShape}. PyTorch slices
   * need positive steps, so a negative step is taken as a flip of the covered range.
   */
  static NDArray select(NDArray x, long[] start, long[] count, long[] step, long[] outputShape) {
    long[] shape = x.getShape().getShape();
    NDIndex index = new NDIndex();
    List<Integer> flips = new ArrayList<>();
    boolean identity = true;
    for (int d = 0; d < shape.length; d++) {
      long n = count[d];
      long s = step[d];
      if (s > 0) {
        index.addSliceDim(start[d], n == 0 ? start[d] : start[d] + (n - 1) * s + 1, s);
      } else {
        long last = start[d] + (n - 1) * s; // smallest index taken
        index.addSliceDim(n == 0 ? 0 : last, n == 0 ? 0 : start[d] + 1, -s);
        if (n > 1) {
          flips.add(d);
        }
      }
      identity &= start[d] == 0 && n == shape[d] && s == 1;
    }
    NDArray picked = identity ? x : x.get(index);
    NDArray flipped = flips.isEmpty() ? picked : picked.flip(flips.stream().mapToInt(Integer::intValue).toArray());
    NDArray out = flipped.reshape(new Shape(outputShape));
    if (flipped != picked) {
      flipped.close();
    }
    if (picked != x) {
      picked.close();
    }
    return out;
  }

  /** GatherV2(params, indices, axis), batch_dims 0: out = params[:axis] + indices.shape + params[axis+1:]. */
  private static Kernel gather(NodeContext node) throws TfjsModelException {
    long batchDims = node.integer("batch_dims", 0);
    if (batchDims != 0) {
      throw node.error("unsupported batch_dims %d", batchDims);
    }
    long[] constantAxis = node.constantLongs(2);
    return (ctx, in) -> {
      NDArray params = in[0].nhwc();
      long axis = constantAxis != null ? constantAxis[0] : Tensors.longs(in[2].nhwc())[0];
      int a = Tensors.axis(axis, params.getShape().dimension());
      try (NDArray indices = in[1].nhwc().toType(DataType.INT64, true)) {
        String prefix = ":, ".repeat(a);
        return Tensors.one(Value.of(params.get(new NDIndex(prefix + "{}", indices))));
      }
    };
  }

  /**
   * GatherNd(params, indices[..., M]): each index row addresses the first M dimensions of params. Computed as
   * one advanced-indexing gather on params reshaped to [prod(first M dims), rest...] with linearised indices.
   */
  static NDArray gatherNd(RunContext ctx, NDArray params, NDArray indices) {
    long[] p = params.getShape().getShape();
    long[] idx = indices.getShape().getShape();
    int m = (int) idx[idx.length - 1];
    long[] strides = new long[m];
    long leading = 1;
    for (int k = m - 1; k >= 0; k--) {
      strides[k] = leading;
      leading *= p[k];
    }
    long[] flatShape = new long[p.length - m + 1];
    flatShape[0] = leading;
    System.arraycopy(p, m, flatShape, 1, p.length - m);
    try (NDArray idx64 = indices.toType(DataType.INT64, true);
        NDArray strideArray = Tensors.create(ctx.manager(), strides).toDevice(indices.getDevice(), false);
        NDArray weighted = idx64.mul(strideArray);
        NDArray linear = weighted.sum(new int[] {idx.length - 1});
        NDArray flat = params.reshape(new Shape(flatShape))) {
      return flat.get(new NDIndex("{}", linear));
    }
  }

  /** TopKV2(x, k) along the last axis: values and int32 indices, largest first. */
  private static Kernel topK(NodeContext node) throws TfjsModelException {
    node.bool("sorted", true);
    long[] constantK = node.constantLongs(1);
    return (ctx, in) -> {
      NDArray x = in[0].nhwc();
      int k = (int) (constantK != null ? constantK[0] : Tensors.longs(in[1].nhwc())[0]);
      NDList result = x.topK(k, -1, true, true);
      try (NDArray indices = result.get(1)) {
        return new Value[] {Value.of(result.get(0)), Value.of(indices.toType(DataType.INT32, true))};
      }
    };
  }

  /**
   * SparseToDense(indices, output_shape, values, default): built on the host — in the graphs here all inputs
   * are constants, so this runs once at load.
   */
  private static Kernel sparseToDense(NodeContext node) throws TfjsModelException {
    node.bool("validate_indices", true);
    return (ctx, in) -> {
      long[] indices = Tensors.longs(in[0].nhwc());
      long[] shape = Tensors.longs(in[1].nhwc());
      NDArray valuesArray = in[2].nhwc();
      DataType type = valuesArray.getDataType();
      try (NDArray valuesF = valuesArray.toType(DataType.FLOAT64, true);
          NDArray defaultF = in[3].nhwc().toType(DataType.FLOAT64, true)) {
        double[] values = valuesF.toDoubleArray();
        double fill = defaultF.toDoubleArray()[0];
        int rank = shape.length;
        long total = 1;
        for (long d : shape) {
          total *= d;
        }
        double[] dense = new double[Math.toIntExact(total)];
        java.util.Arrays.fill(dense, fill);
        long rows = rank == 0 ? 1 : indices.length / Math.max(rank, 1);
        for (int r = 0; r < rows; r++) {
          long flat = 0;
          for (int d = 0; d < rank; d++) {
            flat = flat * shape[d] + indices[r * rank + d];
          }
          dense[(int) flat] = values.length == 1 ? values[0] : values[r];
        }
        try (NDArray d = Tensors.owned(ctx.manager().create(dense, new Shape(shape)))) {
          return Tensors.one(Value.of(d.toType(type, true)));
        }
      }
    };
  }
}
