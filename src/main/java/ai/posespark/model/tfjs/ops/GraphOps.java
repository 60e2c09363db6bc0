package ai.posespark.model.tfjs.ops;

import java.util.Map;

/**
 * Graph plumbing: Const and Placeholder (their values are set by the executor, the factories only validate),
 * Identity and its look-alikes, which pass their input through.
 */
public final class GraphOps implements OpFamily {

  @Override
  public Map<String, KernelFactory> factories() {
    KernelFactory passThrough = node -> {
      node.requireInputs(1, 1);
      return (ctx, in) -> Tensors.one(in[0]);
    };
    return Map.of(
        "Const", node -> {
          node.accept("value", "dtype");
          return GraphOps::notExecuted;
        },
        "Placeholder", node -> {
          node.accept("shape", "dtype");
          return GraphOps::notExecuted;
        },
        "Identity", passThrough,
        "StopGradient", passThrough,
        "Snapshot", passThrough,
        "IdentityN", node -> (ctx, in) -> in.clone());
  }

  private static Value[] notExecuted(RunContext ctx, Value[] in) {
    throw new IllegalStateException("Const/Placeholder values are set by the executor, not computed");
  }
}
