package ai.posespark.model.tfjs.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.posespark.model.NnpackSwitch;
import ai.posespark.model.tfjs.TfjsModelException;
import java.util.List;
import java.util.Map;

/**
 * Convolutions: Conv2D, DepthwiseConv2dNative, their converter-fused forms {@code _FusedConv2D} and
 * {@code FusedDepthwiseConv2dNative} (BiasAdd + optional activation), and Conv2DBackpropInput (transposed conv).
 *
 * <p>Filters are reordered once at load (HWIO to OIHW; depthwise HW·C·M to (C·M)×1×H×W, groups = C). Outputs
 * are channels-first, so conv chains never transpose activations. On the CPU, convolutions with constant filters
 * run as fused oneDNN primitives ({@link OneDnnConvolution}).
 */
public final class ConvolutionOps implements OpFamily {

  @Override
  public Map<String, KernelFactory> factories() {
    return Map.of(
        "Conv2D", node -> conv(node, false, false),
        "_FusedConv2D", node -> conv(node, false, true),
        "DepthwiseConv2dNative", node -> conv(node, true, false),
        "FusedDepthwiseConv2dNative", node -> conv(node, true, true),
        "Conv2DBackpropInput", ConvolutionOps::transposedConv);
  }

  /** Attributes shared by all convolutions. */
  private record Geometry(long[] stride, long[] dilation, SpatialPadding padding) {
    static Geometry of(NodeContext node) throws TfjsModelException {
      node.oneOf("data_format", "NHWC", "NHWC");
      node.accept("use_cudnn_on_gpu");
      return new Geometry(SpatialPadding.spatial(node, "strides"), SpatialPadding.spatial(node, "dilations"),
          SpatialPadding.of(node));
    }
  }

  private static Kernel conv(NodeContext node, boolean depthwise, boolean fused) throws TfjsModelException {
    NnpackSwitch.offWhereUnsupported();
    Geometry g = Geometry.of(node);
    ActivationOps.Fused activation = ActivationOps.Fused.NONE;
    float leakyAlpha = 0.2f;
    int extra = 0;
    if (fused) {
      List<String> ops = node.strings("fused_ops", List.of());
      long numArgs = node.integer("num_args", 0);
      node.floatValue("epsilon", 0f); // only meaningful with FusedBatchNorm, which is rejected below
      leakyAlpha = node.floatValue("leakyrelu_alpha", 0.2f);
      if (ops.isEmpty() || !ops.get(0).equals("BiasAdd") || ops.size() > 2) {
        throw node.error("unsupported fused_ops %s", ops);
      }
      if (ops.size() == 2) {
        activation = ActivationOps.Fused.parse(ops.get(1));
        if (activation == null) {
          throw node.error("unsupported fused_ops %s", ops);
        }
      }
      extra = activation == ActivationOps.Fused.PRELU ? 2 : 1;
      if (numArgs != extra) {
        throw node.error("unsupported num_args %d for fused_ops %s", numArgs, ops);
      }
    }
    node.requireInputs(2 + extra, 2 + extra);
    NDArray constantFilter = node.constantArray(1);
    NDArray weight = constantFilter == null ? null : prepareFilter(constantFilter, depthwise, node);
    NDArray[] shifted = depthwise && weight != null && g.dilation()[0] == 1 && g.dilation()[1] == 1
        ? shiftedFilters(weight, node) : null;
    NDArray constantBias = fused ? node.constantArray(2) : null;
    NDArray bias = constantBias == null ? null : Tensors.contiguous(constantBias, node.weightManager());
    ActivationOps.Fused act = activation;
    float alphaLeaky = leakyAlpha;
    int inputs = 2 + extra;
    OneDnnConvolution.Packed[] packed = weight != null && (bias != null || !fused)
        && weight.getDataType() == DataType.FLOAT32
        && OneDnnConvolution.usable(node.weightManager().getDevice())
        ? pack(weight, shifted, bias, g, depthwise ? constantFilter.getShape().get(2) : 1, act, leakyAlpha,
            node.weightManager())
        : null;
    // what oneDNN leaves to a separate pass (ELU, PReLU)
    ActivationOps.Fused after = packed == null || OneDnnConvolution.Activation.of(act, leakyAlpha) == null
        ? act : ActivationOps.Fused.NONE;
    // what the packed primitive applies itself, so the check's reference applies it too
    ActivationOps.Fused inPrimitive = after == act ? ActivationOps.Fused.NONE : act;
    ConvolutionCheck check = new ConvolutionCheck(node.name() + " (" + node.op() + ")");
    return (ctx, in) -> {
      NDArray w = weight != null ? weight : prepareFilter(in[1].nhwc(), depthwise, null);
      NDArray b = !fused ? null : bias != null ? bias : in[2].nhwc();
      // depthwise filter [H, W, C, M]: one group per input channel C
      long groups = depthwise ? in[1].shape().get(2) : 1;
      NDArray x = in[0].nchw();
      Placement p = Placement.of(x.getShape(), w.getShape(), g, weight != null && shifted != null);
      NDArray input = p.explicitPad() == null ? x : x.pad(p.explicitPad(), 0);
      NDArray filter = p.filter() == 0 ? w : shifted[p.filter() - 1];
      NDArray y = check.run(input, () -> packed != null
          ? packed[p.filter()].run(input, p.padRows(), p.padColumns(), ctx.manager())
          : input.getNDArrayInternal().convolution(input, filter, b, new Shape(g.stride()),
              new Shape(p.padRows(), p.padColumns()), new Shape(g.dilation()), (int) groups).singletonOrThrow(),
          () -> ActivationOps.applyFused(packed != null ? inPrimitive : ActivationOps.Fused.NONE,
              TapSumConvolution.of(input, filter, b, g.stride(), p.padRows(), p.padColumns(), g.dilation(), groups),
              alphaLeaky, null));
      if (input != x) {
        input.close();
      }
      if (weight == null) {
        w.close();
      }
      NDArray alpha = after == ActivationOps.Fused.PRELU ? in[inputs - 1].nchw() : null;
      return Tensors.one(Value.channelsFirst(ActivationOps.applyFused(after, y, alphaLeaky, alpha)));
    };
  }

  /** The filter and its shifted variants packed for oneDNN, in {@link Placement#filter()} order. */
  private static OneDnnConvolution.Packed[] pack(NDArray weight, NDArray[] shifted, NDArray bias, Geometry g,
      long groups, ActivationOps.Fused act, float leakyAlpha, NDManager owner) {
    OneDnnConvolution.Activation fusedAct = OneDnnConvolution.Activation.of(act, leakyAlpha);
    if (fusedAct == null) {
      fusedAct = OneDnnConvolution.Activation.NONE;
    }
    int variants = 1 + (shifted == null ? 0 : shifted.length);
    OneDnnConvolution.Packed[] packed = new OneDnnConvolution.Packed[variants];
    for (int k = 0; k < variants; k++) {
      packed[k] = OneDnnConvolution.pack(k == 0 ? weight : shifted[k - 1], bias, g.stride(), g.dilation(),
          groups, fusedAct, owner);
    }
    return packed;
  }

  /** HWIO to OIHW, or depthwise [H, W, C, M] to [C·M, 1, H, W] (output channel c·M + m, as TF orders them). */
  static NDArray prepareFilter(NDArray filter, boolean depthwise, NodeContext node) {
    Shape s = filter.getShape();
    NDArray reordered;
    if (depthwise) {
      try (NDArray flat = filter.reshape(s.get(0), s.get(1), s.get(2) * s.get(3))) {
        try (NDArray t = flat.transpose(2, 0, 1)) {
          reordered = t.reshape(s.get(2) * s.get(3), 1, s.get(0), s.get(1));
        }
      }
    } else {
      reordered = filter.transpose(3, 2, 0, 1);
    }
    if (node == null) {
      return reordered;
    }
    NDArray contiguous = Tensors.contiguous(reordered, node.weightManager());
    reordered.close();
    return contiguous;
  }

  /**
   * A filter [O, I, H, W] with a zero row on top, a zero column on the left, and both: {top, left, both}.
   *
   * <p>TF's SAME padding is asymmetric when the total is odd (one more row at the bottom), which PyTorch's conv
   * cannot express; padding the input explicitly copies the whole activation first. Instead, a filter one taller
   * whose first row is zero, with PyTorch padding {@code bottom} on both sides, reads exactly TF's window rows
   * (the extra row, one above the TF window, is multiplied by zero) and gives the same output size. Used for
   * depthwise convolutions (the copy costs more than their compute: MobileNetV2's 96-channel 96×96 stride-2
   * depthwise 450 to 275 µs; across processes MoveNet lightning ~22.0 to ~21.3 ms/image, multipose ~68 to
   * ~66, within the noise of a shared 2-core machine but lower in 7 of 8 alternating runs); not for regular
   * ones, where the 16/9 extra multiply-adds cost more than the copy. Exact for finite activations (the extra
   * terms are 0·x); an infinity or NaN in the row just above a window would leak into it (0·∞ = NaN) where TF
   * would not read that row.
   */
  private static NDArray[] shiftedFilters(NDArray weight, NodeContext node) {
    NDArray[] shifted = new NDArray[3];
    Shape[] pads = {new Shape(0, 0, 1, 0), new Shape(1, 0, 0, 0), new Shape(1, 0, 1, 0)};
    for (int k = 0; k < 3; k++) {
      try (NDArray padded = weight.pad(pads[k], 0)) {
        shifted[k] = Tensors.contiguous(padded, node.weightManager());
      }
    }
    return shifted;
  }

  /**
   * How a convolution meets TF's padding with PyTorch's symmetric one: the filter to use (0 the filter itself;
   * 1, 2, 3 its {@link #shiftedFilters} top, left, both), PyTorch's padding, and the explicit padding to apply
   * to the input first when neither fits (null when none is needed).
   */
  private record Placement(int filter, long padRows, long padColumns, Shape explicitPad) {
    static Placement of(Shape x, Shape ws, Geometry g, boolean hasShifted) {
      long[] window = {(ws.get(2) - 1) * g.dilation()[0] + 1, (ws.get(3) - 1) * g.dilation()[1] + 1};
      long[] pads = g.padding().amounts(x.get(2), x.get(3), window, g.stride());
      boolean tallerBy1 = pads[1] == pads[0] + 1;
      boolean widerBy1 = pads[3] == pads[2] + 1;
      if (SpatialPadding.symmetric(pads)) {
        return new Placement(0, pads[0], pads[2], null);
      }
      if (hasShifted && (tallerBy1 || pads[1] == pads[0]) && (widerBy1 || pads[3] == pads[2])) {
        return new Placement(tallerBy1 && widerBy1 ? 3 : tallerBy1 ? 1 : 2, pads[1], pads[3], null);
      }
      return new Placement(0, 0, 0, SpatialPadding.torchPad(pads));
    }
  }

  /**
   * Conv2DBackpropInput(input_sizes, filter [H, W, out C, in C], out_backprop): the transposed convolution
   * that TF defines as the gradient of a forward SAME/VALID conv producing {@code out_backprop} from an input of
   * {@code input_sizes}. DJL's PyTorch engine has no transposed conv, so it is computed as a plain convolution
   * over the stride-dilated input (zeros between samples) with the filter flipped in space, padded so that the
   * output is exactly {@code input_sizes}.
   */
  private static Kernel transposedConv(NodeContext node) throws TfjsModelException {
    NnpackSwitch.offWhereUnsupported();
    Geometry g = Geometry.of(node);
    if (g.padding().mode() == SpatialPadding.Mode.EXPLICIT) {
      throw node.error("unsupported padding EXPLICIT");
    }
    if (g.dilation()[0] != 1 || g.dilation()[1] != 1) {
      throw node.error("unsupported dilations %s", java.util.Arrays.toString(g.dilation()));
    }
    node.requireInputs(3, 3);
    long[] constantSizes = node.constantLongs(0);
    NDArray filter = node.constantArray(1);
    NDArray weight = filter == null ? null : Tensors.contiguous(flippedFilter(filter), node.weightManager());
    ConvolutionCheck check = new ConvolutionCheck(node.name() + " (" + node.op() + ")");
    return (ctx, in) -> {
      long[] sizes = constantSizes != null ? constantSizes : Tensors.longs(in[0].nhwc());
      NDArray w = weight != null ? weight : flippedFilter(in[1].nhwc());
      long kh = w.getShape().get(2);
      long kw = w.getShape().get(3);
      NDArray x = in[2].nhwc();
      long[] pads = g.padding().amounts(sizes[1], sizes[2], new long[] {kh, kw}, g.stride());
      try (NDArray dilatedNhwc = dilate(x, g.stride()); NDArray dilated = dilatedNhwc.transpose(0, 3, 1, 2)) {
        long dh = dilated.getShape().get(2);
        long dw = dilated.getShape().get(3);
        // output row o reads dilated rows o - (kh-1-top) ..: pad so that exactly sizes[1] rows come out
        long top = kh - 1 - pads[0];
        long left = kw - 1 - pads[2];
        long bottom = sizes[1] + kh - 1 - dh - top;
        long right = sizes[2] + kw - 1 - dw - left;
        if (Math.min(Math.min(top, left), Math.min(bottom, right)) < 0) {
          throw new IllegalArgumentException("Conv2DBackpropInput: input_sizes " + java.util.Arrays
              .toString(sizes) + " inconsistent with out_backprop " + x.getShape());
        }
        try (NDArray padded = dilated.pad(new Shape(left, right, top, bottom), 0)) {
          NDArray y = check.run(padded, () -> padded.getNDArrayInternal().convolution(padded, w, null,
              new Shape(1, 1), new Shape(0, 0), new Shape(1, 1), 1).singletonOrThrow(),
              () -> TapSumConvolution.of(padded, w, null, new long[] {1, 1}, 0, 0, new long[] {1, 1}, 1));
          if (weight == null) {
            w.close();
          }
          return Tensors.one(Value.channelsFirst(y));
        }
      }
    };
  }

  /** TF backprop filter [H, W, out C, in C] to a forward OIHW filter flipped in space. */
  private static NDArray flippedFilter(NDArray filter) {
    try (NDArray flipped = filter.flip(0, 1)) {
      return flipped.transpose(2, 3, 0, 1);
    }
  }

  /**
   * Inserts {@code stride - 1} zeros between samples of NHWC {@code x}: [N, (H-1)·s + 1, (W-1)·s + 1, C], built
   * in NHWC so that the result is channels-last in memory, like every other activation.
   */
  private static NDArray dilate(NDArray x, long[] stride) {
    long sh = stride[0];
    long sw = stride[1];
    if (sh == 1 && sw == 1) {
      return x.duplicate();
    }
    Shape s = x.getShape();
    try (NDArray split = x.reshape(s.get(0), s.get(1), 1, s.get(2), 1, s.get(3));
        NDArray spread = split.pad(new Shape(0, 0, 0, sw - 1, 0, 0, 0, sh - 1), 0);
        NDArray merged = spread.reshape(s.get(0), s.get(1) * sh, s.get(2) * sw, s.get(3))) {
      return merged.get(new ai.djl.ndarray.index.NDIndex(":, :{}, :{}", (s.get(1) - 1) * sh + 1,
          (s.get(2) - 1) * sw + 1));
    }
  }
}
