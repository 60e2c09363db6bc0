package ai.posespark.model.tfjs.ops;

import ai.djl.ndarray.NDArray;
import java.util.HashMap;
import java.util.Map;

/** Comparisons and logic: Equal, NotEqual, Greater(Equal), Less(Equal), LogicalAnd/Or/Not, Select, SelectV2. */
public final class ComparisonOps implements OpFamily {

  @Override
  public Map<String, KernelFactory> factories() {
    Map<String, KernelFactory> f = new HashMap<>();
    f.put("Equal", node -> {
      node.bool("incompatible_shape_error", true);
      return ElementWise.binary(NDArray::eq);
    });
    f.put("NotEqual", node -> {
      node.bool("incompatible_shape_error", true);
      return ElementWise.binary(NDArray::neq);
    });
    f.put("Greater", node -> ElementWise.binary(NDArray::gt));
    f.put("GreaterEqual", node -> ElementWise.binary(NDArray::gte));
    f.put("Less", node -> ElementWise.binary(NDArray::lt));
    f.put("LessEqual", node -> ElementWise.binary(NDArray::lte));
    f.put("LogicalAnd", node -> ElementWise.binary(NDArray::logicalAnd));
    f.put("LogicalOr", node -> ElementWise.binary(NDArray::logicalOr));
    f.put("LogicalNot", node -> ElementWise.unary(NDArray::logicalNot));
    f.put("Select", node -> (ctx, in) -> Tensors.one(select(in, false)));
    f.put("SelectV2", node -> (ctx, in) -> Tensors.one(select(in, true)));
    return f;
  }

  /**
   * Select(cond, t, e). SelectV2 broadcasts all three; Select also accepts a rank-1 condition that picks whole
   * rows (first dimension) of higher-rank {@code t}/{@code e}.
   */
  private static Value select(Value[] in, boolean broadcast) {
    NDArray cond = in[0].nhwc();
    NDArray t = in[1].nhwc();
    NDArray e = in[2].nhwc();
    int rank = t.getShape().dimension();
    if (!broadcast && cond.getShape().dimension() == 1 && rank > 1) {
      long[] dims = new long[rank];
      java.util.Arrays.fill(dims, 1);
      dims[0] = cond.getShape().get(0);
      try (NDArray rows = cond.reshape(dims)) {
        return Value.of(t.getNDArrayInternal().where(rows, e));
      }
    }
    return Value.of(t.getNDArrayInternal().where(cond, e));
  }
}
