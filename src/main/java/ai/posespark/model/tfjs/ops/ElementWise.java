package ai.posespark.model.tfjs.ops;

import ai.djl.ndarray.NDArray;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * Kernels for element-wise ops that keep the storage layout: a unary op maps the storage as is; a binary op
 * works on NCHW storage when either operand is channels-first (the other is broadcast in its NCHW form), so
 * per-channel arithmetic between convolutions needs no transpose.
 */
final class ElementWise {
  private ElementWise() {}

  /** A layout-preserving unary kernel. */
  static Kernel unary(UnaryOperator<NDArray> f) {
    return (ctx, in) -> Tensors.one(map(in[0], f));
  }

  /** Applies {@code f} to the storage, keeping the layout. */
  static Value map(Value v, UnaryOperator<NDArray> f) {
    NDArray out = f.apply(v.storage());
    return v.isChannelsFirst() ? Value.channelsFirst(out) : Value.of(out);
  }

  /** A broadcasting binary kernel. */
  static Kernel binary(BinaryOperator<NDArray> f) {
    return (ctx, in) -> Tensors.one(apply(in[0], in[1], f));
  }

  /** Applies {@code f} with TF broadcasting, in NCHW when either operand is channels-first. */
  static Value apply(Value a, Value b, BinaryOperator<NDArray> f) {
    if (sharesChannelsFirst(a, b)) {
      return Value.channelsFirst(f.apply(a.nchw(), b.nchw()));
    }
    return Value.of(f.apply(a.nhwc(), b.nhwc()));
  }

  /** Whether a binary op on these operands can run on NCHW storage. */
  static boolean sharesChannelsFirst(Value a, Value b) {
    return (a.isChannelsFirst() || b.isChannelsFirst()) && a.rank() <= 4 && b.rank() <= 4;
  }
}
