package ai.posespark.model.tfjs.exec;

import ai.djl.ndarray.NDArray;
import ai.posespark.model.tfjs.TfjsModelException;
import ai.posespark.model.tfjs.graph.NodeDef;
import ai.posespark.model.tfjs.ops.NodeContext;
import ai.posespark.model.tfjs.ops.Tensors;
import ai.posespark.model.tfjs.ops.Value;

/**
 * The most one constant-folded tensor may take: a model.json is data, and a 1 KB {@code Fill} or {@code Tile} of
 * constants can ask load to materialise gigabytes. Ops that expand their input are sized from their constant
 * inputs before they run; every folded result is checked after. 512 MiB is far above any real graph's constant
 * (the npm models' largest folded tensor is a few hundred KB) and below what kills an executor.
 */
final class FoldBound {
  /** Bytes one folded tensor may take. */
  static final long MAX_BYTES = 512L << 20;

  private FoldBound() {}

  /** Fails, naming the node, when {@code node}'s output would exceed the bound; unknown sizes pass to the run. */
  static void before(NodeDef node, Value[] inputs, NodeContext context) throws TfjsModelException {
    double elements = switch (node.op()) {
      case "Fill", "BroadcastTo" -> product(Tensors.longs(inputs[node.op().equals("Fill") ? 0 : 1].nhwc()));
      case "Tile" -> inputs[0].shape().size() * product(Tensors.longs(inputs[1].nhwc()));
      case "Range" -> {
        float[] start = Tensors.floats(inputs[0].nhwc());
        float[] limit = Tensors.floats(inputs[1].nhwc());
        float[] delta = Tensors.floats(inputs[2].nhwc());
        yield delta[0] == 0 ? 0 : Math.max(0, Math.ceil((limit[0] - start[0]) / (double) delta[0]));
      }
      default -> 0;
    };
    check(elements * 4, context); // float32 / int32: 4 bytes an element (TF.js has no wider type)
  }

  /** Fails, naming the node, when a folded result exceeds the bound. */
  static void after(NDArray folded, NodeContext context) throws TfjsModelException {
    check((double) folded.getShape().size() * folded.getDataType().getNumOfBytes(), context);
  }

  private static void check(double bytes, NodeContext context) throws TfjsModelException {
    if (bytes > MAX_BYTES) {
      throw context.error("constant folding would make a %.0f MiB tensor, over the %d MiB bound on one folded"
          + " tensor (README: TF.js graph models)", bytes / (1 << 20), MAX_BYTES >> 20);
    }
  }

  /** The product as a double: a hostile dims list overflows a long. */
  private static double product(long[] dims) {
    double p = 1;
    for (long d : dims) {
      p *= Math.max(0, d);
    }
    return p;
  }
}
