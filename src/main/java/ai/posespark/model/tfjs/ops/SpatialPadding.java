package ai.posespark.model.tfjs.ops;

import ai.posespark.model.tfjs.TfjsModelException;

/**
 * TF's padding rule for a 2-D window op over NHWC input. SAME pads {@code max((out-1)*stride + window - in, 0)}
 * in total with the odd element at the bottom/right, which PyTorch's symmetric conv padding cannot express;
 * VALID pads nothing; EXPLICIT takes the amounts from {@code explicit_paddings}.
 */
final class SpatialPadding {
  enum Mode { SAME, VALID, EXPLICIT }

  private final Mode mode;
  private final long[] explicit; // top, bottom, left, right

  private SpatialPadding(Mode mode, long[] explicit) {
    this.mode = mode;
    this.explicit = explicit;
  }

  /** Reads {@code padding} (and {@code explicit_paddings}) of a node. */
  static SpatialPadding of(NodeContext node) throws TfjsModelException {
    String p = node.oneOf("padding", null, "SAME", "VALID", "EXPLICIT");
    long[] list = node.integers("explicit_paddings", new long[0]);
    if (!p.equals("EXPLICIT")) {
      return new SpatialPadding(Mode.valueOf(p), null);
    }
    if (list.length != 8 || list[0] != 0 || list[1] != 0 || list[6] != 0 || list[7] != 0) {
      throw node.error("unsupported explicit_paddings %s", java.util.Arrays.toString(list));
    }
    return new SpatialPadding(Mode.EXPLICIT, new long[] {list[2], list[3], list[4], list[5]});
  }

  /**
   * Pads for one input size: {top, bottom, left, right}.
   *
   * @param window effective window extent per axis ({@code (k-1)*dilation + 1})
   */
  long[] amounts(long height, long width, long[] window, long[] stride) {
    return switch (mode) {
      case VALID -> new long[4];
      case EXPLICIT -> explicit.clone();
      case SAME -> {
        long ph = total(height, window[0], stride[0]);
        long pw = total(width, window[1], stride[1]);
        yield new long[] {ph / 2, ph - ph / 2, pw / 2, pw - pw / 2};
      }
    };
  }

  Mode mode() {
    return mode;
  }

  private static long total(long in, long window, long stride) {
    long out = (in + stride - 1) / stride;
    return Math.max((out - 1) * stride + window - in, 0);
  }

  /** Whether amounts are symmetric per axis (then PyTorch's own padding argument can take them). */
  static boolean symmetric(long[] pads) {
    return pads[0] == pads[1] && pads[2] == pads[3];
  }

  /** The PyTorch {@code pad} argument (last dimension first) for NCHW storage. */
  static ai.djl.ndarray.types.Shape torchPad(long[] pads) {
    return new ai.djl.ndarray.types.Shape(pads[2], pads[3], pads[0], pads[1]);
  }

  /** Reads a 4-element NHWC list attribute (strides, dilations, ksize) and returns its {H, W} part. */
  static long[] spatial(NodeContext node, String attr) throws TfjsModelException {
    long[] v = node.integers(attr, new long[] {1, 1, 1, 1});
    if (v.length != 4 || v[0] != 1 || v[3] != 1) {
      throw node.error("unsupported %s %s (only spatial values may differ from 1)", attr,
          java.util.Arrays.toString(v));
    }
    return new long[] {v[1], v[2]};
  }
}
