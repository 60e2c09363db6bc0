package ai.posespark.model.tfjs.ops;

import ai.djl.ndarray.NDArray;
import ai.posespark.model.tfjs.TfjsModelException;
import java.util.List;
import java.util.Map;

/** Matrix products: MatMul, BatchMatMul(V2) and the converter-fused {@code _FusedMatMul} (BiasAdd + activation). */
public final class MatMulOps implements OpFamily {

  @Override
  public Map<String, KernelFactory> factories() {
    return Map.of(
        "MatMul", node -> matMul(node, "transpose_a", "transpose_b", false),
        "_FusedMatMul", node -> matMul(node, "transpose_a", "transpose_b", true),
        "BatchMatMul", node -> matMul(node, "adj_x", "adj_y", false),
        "BatchMatMulV2", node -> matMul(node, "adj_x", "adj_y", false));
  }

  private static Kernel matMul(NodeContext node, String transposeA, String transposeB, boolean fused)
      throws TfjsModelException {
    boolean ta = node.bool(transposeA, false);
    boolean tb = node.bool(transposeB, false);
    ActivationOps.Fused activation = ActivationOps.Fused.NONE;
    float leakyAlpha = 0.2f;
    if (fused) {
      List<String> ops = node.strings("fused_ops", List.of());
      node.integer("num_args", 0);
      node.floatValue("epsilon", 0f);
      leakyAlpha = node.floatValue("leakyrelu_alpha", 0.2f);
      if (ops.isEmpty() || !ops.get(0).equals("BiasAdd") || ops.size() > 2
          || (ops.size() == 2 && ActivationOps.Fused.parse(ops.get(1)) == null)) {
        throw node.error("unsupported fused_ops %s", ops);
      }
      activation = ops.size() == 2 ? ActivationOps.Fused.parse(ops.get(1)) : ActivationOps.Fused.NONE;
    }
    ActivationOps.Fused act = activation;
    float alphaLeaky = leakyAlpha;
    return (ctx, in) -> {
      NDArray a = in[0].nhwc();
      NDArray b = in[1].nhwc();
      NDArray at = ta ? a.swapAxes(-1, -2) : a;
      NDArray bt = tb ? b.swapAxes(-1, -2) : b;
      NDArray y = at.matMul(bt);
      if (fused) {
        NDArray withBias = y.add(in[2].nhwc());
        y.close();
        y = ActivationOps.applyFused(act, withBias, alphaLeaky,
            act == ActivationOps.Fused.PRELU ? in[3].nhwc() : null);
      }
      return Tensors.one(Value.of(y));
    };
  }
}
