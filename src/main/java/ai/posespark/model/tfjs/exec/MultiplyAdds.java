package ai.posespark.model.tfjs.exec;

import ai.djl.ndarray.types.Shape;
import ai.posespark.model.tfjs.graph.AttrValue;
import ai.posespark.model.tfjs.graph.NodeDef;

/**
 * The multiply-adds one executed node did, from its inputs' and output's logical (TF) shapes: convolutions
 * (plain, depthwise, transposed) and matrix products, which carry a pose model's arithmetic; every other op counts
 * zero (element-wise work is a rounding error beside them and bound by memory, not FMA units). The benchmarks turn
 * the sum into GFLOP per image (2 FLOP per multiply-add) and achieved GFLOP/s.
 */
final class MultiplyAdds {
  private MultiplyAdds() {}

  /** Multiply-adds of {@code node}, given its inputs' shapes (null where unknown) and its first output's. */
  static long of(NodeDef node, Shape[] in, Shape out) {
    if (out == null) {
      return 0;
    }
    return switch (node.op()) {
      // filter [kh, kw, cin, cout]: each output value sums kh·kw·cin products
      case "Conv2D", "_FusedConv2D" -> known(in, 1) ? out.size() * in[1].get(0) * in[1].get(1) * in[1].get(2) : 0;
      // filter [kh, kw, c, multiplier]: each output value sums kh·kw products of its own channel
      case "DepthwiseConv2dNative", "FusedDepthwiseConv2dNative" ->
          known(in, 1) ? out.size() * in[1].get(0) * in[1].get(1) : 0;
      // inputs (sizes, filter [kh, kw, cout, cin], dy): each dy value is scattered over kh·kw·cout outputs
      case "Conv2DBackpropInput" -> known(in, 2) ? in[2].size() * in[1].get(0) * in[1].get(1) * in[1].get(2) : 0;
      case "MatMul", "_FusedMatMul" -> known(in, 0)
          ? out.size() * (flag(node, "transpose_a") ? in[0].get(0) : in[0].get(1)) : 0;
      case "BatchMatMul", "BatchMatMulV2" -> {
        if (!known(in, 0)) {
          yield 0;
        }
        int r = in[0].dimension();
        yield out.size() * (flag(node, "adj_x") ? in[0].get(r - 2) : in[0].get(r - 1));
      }
      default -> 0;
    };
  }

  private static boolean known(Shape[] in, int k) {
    return in.length > k && in[k] != null && in[k].dimension() >= 2;
  }

  private static boolean flag(NodeDef node, String attr) {
    AttrValue v = node.attrs().get(attr);
    return v != null && v.bool();
  }
}
