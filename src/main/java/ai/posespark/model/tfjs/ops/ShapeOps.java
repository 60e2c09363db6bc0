package ai.posespark.model.tfjs.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.posespark.model.tfjs.TfjsModelException;
import java.util.HashMap;
import java.util.Map;

/**
 * Shape and layout transformations: Reshape, Squeeze, ExpandDims, Shape, Size, Pack, Unpack, ConcatV2, Split,
 * SplitV, Tile, Transpose, Pad, PadV2, DepthToSpace, Fill, Range.
 *
 * <p>Shapes and axes come from constant inputs when possible (read once at load); otherwise they are copied to
 * the host at run time, which these ops inherently need. Concat, Pad and DepthToSpace keep channels-first storage.
 */
public final class ShapeOps implements OpFamily {

  @Override
  public Map<String, KernelFactory> factories() {
    Map<String, KernelFactory> f = new HashMap<>();
    f.put("Reshape", ShapeOps::reshape);
    f.put("Squeeze", ShapeOps::squeeze);
    f.put("ExpandDims", ShapeOps::expandDims);
    f.put("Shape", node -> {
      DataType type = node.type("out_type", DataType.INT32);
      return (ctx, in) -> Tensors.one(Value.of(shapeArray(ctx, in[0].shape().getShape(), type)));
    });
    f.put("Size", node -> {
      DataType type = node.type("out_type", DataType.INT32);
      return (ctx, in) -> Tensors.one(Value.of(
          shapeArray(ctx, new long[] {in[0].shape().size()}, type).reshape(new Shape())));
    });
    f.put("Pack", ShapeOps::pack);
    f.put("Unpack", ShapeOps::unpack);
    f.put("ConcatV2", ShapeOps::concat);
    f.put("Split", ShapeOps::split);
    f.put("SplitV", ShapeOps::splitV);
    f.put("Tile", node -> {
      long[] constant = node.constantLongs(1);
      return (ctx, in) -> Tensors.one(Value.of(in[0].nhwc().tile(
          constant != null ? constant : Tensors.longs(in[1].nhwc()))));
    });
    f.put("Transpose", node -> {
      long[] constant = node.constantLongs(1);
      return (ctx, in) -> {
        long[] perm = constant != null ? constant : Tensors.longs(in[1].nhwc());
        int[] axes = new int[perm.length];
        for (int k = 0; k < perm.length; k++) {
          axes[k] = (int) perm[k];
        }
        return Tensors.one(Value.of(in[0].nhwc().transpose(axes)));
      };
    });
    f.put("Pad", node -> pad(node, false));
    f.put("PadV2", node -> pad(node, true));
    f.put("DepthToSpace", ShapeOps::depthToSpace);
    f.put("Fill", node -> {
      node.type("index_type", DataType.INT32);
      return ShapeOps::fill;
    });
    f.put("Range", node -> (ctx, in) -> {
      NDArray start = in[0].nhwc();
      DataType type = start.getDataType();
      float s = Tensors.floats(start)[0];
      float limit = Tensors.floats(in[1].nhwc())[0];
      float delta = Tensors.floats(in[2].nhwc())[0];
      return Tensors.one(Value.of(ctx.manager().arange(s, limit, delta, type)));
    });
    return f;
  }

  /** Fill(dims, value): {@code value} broadcast to {@code dims}. */
  private static Value[] fill(RunContext ctx, Value[] in) {
    long[] dims = Tensors.longs(in[0].nhwc());
    try (NDArray view = in[1].nhwc().broadcast(new Shape(dims))) {
      return Tensors.one(Value.of(view.duplicate()));
    }
  }

  private static NDArray shapeArray(RunContext ctx, long[] dims, DataType type) {
    if (type == DataType.INT64) {
      return Tensors.create(ctx.manager(), dims);
    }
    int[] ints = new int[dims.length];
    for (int k = 0; k < dims.length; k++) {
      ints[k] = Math.toIntExact(dims[k]);
    }
    return Tensors.create(ctx.manager(), ints);
  }

  private static Kernel reshape(NodeContext node) throws TfjsModelException {
    node.requireInputs(2, 2);
    long[] constant = node.constantLongs(1);
    return (ctx, in) -> {
      long[] dims = constant != null ? constant : Tensors.longs(in[1].nhwc());
      return Tensors.one(Value.of(in[0].nhwc().reshape(new Shape(dims))));
    };
  }

  private static Kernel squeeze(NodeContext node) throws TfjsModelException {
    long[] axes = node.integers("squeeze_dims", new long[0]);
    return (ctx, in) -> {
      NDArray x = in[0].nhwc();
      if (axes.length == 0) {
        return Tensors.one(Value.of(x.squeeze()));
      }
      int[] resolved = new int[axes.length];
      for (int k = 0; k < axes.length; k++) {
        resolved[k] = Tensors.axis(axes[k], x.getShape().dimension());
      }
      return Tensors.one(Value.of(x.squeeze(resolved)));
    };
  }

  private static Kernel expandDims(NodeContext node) throws TfjsModelException {
    node.requireInputs(2, 2);
    long[] constant = node.constantLongs(1);
    return (ctx, in) -> {
      NDArray x = in[0].nhwc();
      long axis = constant != null ? constant[0] : Tensors.longs(in[1].nhwc())[0];
      return Tensors.one(Value.of(x.expandDims(Tensors.axis(axis, x.getShape().dimension() + 1))));
    };
  }

  private static Kernel pack(NodeContext node) throws TfjsModelException {
    long axis = node.integer("axis", 0);
    return (ctx, in) -> {
      NDList list = new NDList(in.length);
      for (Value v : in) {
        list.add(v.nhwc());
      }
      int a = Tensors.axis(axis, in[0].rank() + 1);
      return Tensors.one(Value.of(NDArrays.stack(list, a)));
    };
  }

  private static Kernel unpack(NodeContext node) throws TfjsModelException {
    long axis = node.integer("axis", 0);
    long num = node.integer("num", -1);
    return (ctx, in) -> {
      NDArray x = in[0].nhwc();
      int a = Tensors.axis(axis, x.getShape().dimension());
      long n = x.getShape().get(a);
      if (num >= 0 && n != num) {
        throw new IllegalArgumentException("Unpack num " + num + " but axis " + a + " has " + n);
      }
      NDList parts = x.split(n, a);
      Value[] out = new Value[parts.size()];
      for (int k = 0; k < out.length; k++) {
        out[k] = Value.of(parts.get(k).squeeze(a));
        parts.get(k).close();
      }
      return out;
    };
  }

  private static Kernel concat(NodeContext node) throws TfjsModelException {
    int n = node.inputCount() - 1;
    long[] constantAxis = node.constantLongs(n);
    return (ctx, in) -> {
      long axis = constantAxis != null ? constantAxis[0] : Tensors.longs(in[n].nhwc())[0];
      boolean channelsFirst = false;
      boolean allRank4 = true;
      for (int k = 0; k < n; k++) {
        channelsFirst |= in[k].isChannelsFirst();
        allRank4 &= in[k].rank() == 4;
      }
      NDList list = new NDList(n);
      if (channelsFirst && allRank4) {
        for (int k = 0; k < n; k++) {
          list.add(in[k].nchw());
        }
        int a = Tensors.nchwAxis(Tensors.axis(axis, 4));
        return Tensors.one(Value.channelsFirst(n == 1 ? list.get(0).duplicate() : NDArrays.concat(list, a)));
      }
      for (int k = 0; k < n; k++) {
        list.add(in[k].nhwc());
      }
      int a = Tensors.axis(axis, in[0].rank());
      return Tensors.one(Value.of(n == 1 ? list.get(0).duplicate() : NDArrays.concat(list, a)));
    };
  }

  private static Kernel split(NodeContext node) throws TfjsModelException {
    long num = node.integer("num_split", 1);
    long[] constantAxis = node.constantLongs(0);
    return (ctx, in) -> {
      NDArray x = in[1].nhwc();
      long axis = constantAxis != null ? constantAxis[0] : Tensors.longs(in[0].nhwc())[0];
      return Tensors.all(x.split(num, Tensors.axis(axis, x.getShape().dimension())));
    };
  }

  private static Kernel splitV(NodeContext node) throws TfjsModelException {
    node.integer("num_split", 1);
    long[] constantSizes = node.constantLongs(1);
    long[] constantAxis = node.constantLongs(2);
    return (ctx, in) -> {
      NDArray x = in[0].nhwc();
      long[] sizes = constantSizes != null ? constantSizes : Tensors.longs(in[1].nhwc());
      long axis = constantAxis != null ? constantAxis[0] : Tensors.longs(in[2].nhwc())[0];
      int a = Tensors.axis(axis, x.getShape().dimension());
      long total = x.getShape().get(a);
      long known = 0;
      for (long s : sizes) {
        known += s >= 0 ? s : 0;
      }
      long[] cuts = new long[sizes.length - 1];
      long at = 0;
      for (int k = 0; k < cuts.length; k++) {
        at += sizes[k] >= 0 ? sizes[k] : total - known; // one size may be -1: the remainder
        cuts[k] = at;
      }
      return Tensors.all(x.split(cuts, a));
    };
  }

  private static Kernel pad(NodeContext node, boolean withValue) throws TfjsModelException {
    node.requireInputs(withValue ? 3 : 2, withValue ? 3 : 2);
    node.string("mode", "CONSTANT");
    long[] constant = node.constantLongs(1);
    return (ctx, in) -> {
      long[] pads = constant != null ? constant : Tensors.longs(in[1].nhwc()); // [rank, 2] row-major
      double value = withValue ? Tensors.floats(in[2].nhwc())[0] : 0;
      Value x = in[0];
      int rank = x.rank();
      int[] order = new int[rank];
      for (int k = 0; k < rank; k++) {
        order[k] = x.isChannelsFirst() ? new int[] {0, 3, 1, 2}[k] : k; // storage dim k = logical order[k]
      }
      long[] torch = new long[2 * rank]; // last storage dimension first
      for (int k = 0; k < rank; k++) {
        int logical = order[rank - 1 - k];
        torch[2 * k] = pads[2 * logical];
        torch[2 * k + 1] = pads[2 * logical + 1];
      }
      NDArray y = x.storage().pad(new Shape(torch), value);
      return Tensors.one(x.isChannelsFirst() ? Value.channelsFirst(y) : Value.of(y));
    };
  }

  /**
   * DepthToSpace (NHWC, TF's DCR order): output[b, h·s + i, w·s + j, c] = input[b, h, w, (i·s + j)·C' + c],
   * i.e. reshape [N, H, W, s, s, C'], permute to [N, H, s, W, s, C'], reshape; done on the NHWC view so the
   * result stays channels-last in memory.
   */
  private static Kernel depthToSpace(NodeContext node) throws TfjsModelException {
    node.oneOf("data_format", "NHWC", "NHWC");
    long s = node.integer("block_size", 0);
    if (s < 2) {
      throw node.error("unsupported block_size %d", s);
    }
    return (ctx, in) -> {
      NDArray x = in[0].nhwc();
      Shape d = x.getShape();
      long c = d.get(3) / (s * s);
      try (NDArray split = x.reshape(d.get(0), d.get(1), d.get(2), s, s, c);
          NDArray moved = split.transpose(0, 1, 3, 2, 4, 5)) {
        return Tensors.one(Value.of(moved.reshape(d.get(0), d.get(1) * s, d.get(2) * s, c)));
      }
    };
  }
}
