package ai.posespark.model.tfjs.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.posespark.model.tfjs.TfjsModelException;
import java.util.Map;

/** Activations: Relu, Relu6, Elu, Selu, LeakyRelu, Sigmoid, Tanh, Softplus, Prelu; also the fused forms. */
public final class ActivationOps implements OpFamily {

  /** An activation fused into a convolution or matmul ({@code fused_ops[1]}). */
  public enum Fused {
    NONE, RELU, RELU6, ELU, LEAKY_RELU, SIGMOID, PRELU;

    /** Parses a {@code fused_ops} activation name; {@code null} when unknown. */
    static Fused parse(String name) {
      return switch (name) {
        case "Relu" -> RELU;
        case "Relu6" -> RELU6;
        case "Elu" -> ELU;
        case "LeakyRelu" -> LEAKY_RELU;
        case "Sigmoid" -> SIGMOID;
        case "Prelu" -> PRELU;
        default -> null;
      };
    }
  }

  @Override
  public Map<String, KernelFactory> factories() {
    return Map.of(
        "Relu", node -> ElementWise.unary(Activation::relu),
        "Relu6", node -> ElementWise.unary(ActivationOps::relu6),
        "Elu", node -> ElementWise.unary(x -> x.getNDArrayInternal().elu(1f)),
        "Selu", node -> ElementWise.unary(x -> x.getNDArrayInternal().selu()),
        "Sigmoid", node -> ElementWise.unary(Activation::sigmoid),
        "Tanh", node -> ElementWise.unary(Activation::tanh),
        "Softplus", node -> ElementWise.unary(Activation::softPlus),
        "LeakyRelu", ActivationOps::leakyRelu,
        "Prelu", node -> ElementWise.binary(ActivationOps::prelu));
  }

  private static Kernel leakyRelu(NodeContext node) throws TfjsModelException {
    float alpha = node.floatValue("alpha", 0.2f);
    return ElementWise.unary(x -> x.getNDArrayInternal().leakyRelu(alpha));
  }

  /** min(max(x, 0), 6); relu then minimum is ~5x faster than DJL's clip (torch.clamp with scalars). */
  static NDArray relu6(NDArray x) {
    try (NDArray r = Activation.relu(x)) {
      return r.minimum(6f);
    }
  }

  /** PReLU: {@code x} where positive, {@code alpha * x} elsewhere ({@code alpha} broadcast). */
  static NDArray prelu(NDArray x, NDArray alpha) {
    try (NDArray positive = x.maximum(0f); NDArray negative = x.minimum(0f);
        NDArray scaled = negative.mul(alpha)) {
      return positive.add(scaled);
    }
  }

  /**
   * Applies a fused activation to a fresh result, closing {@code x} when a new array replaces it.
   *
   * @param alpha PReLU slope (broadcastable to {@code x}) or {@code null}
   */
  static NDArray applyFused(Fused fused, NDArray x, float leakyAlpha, NDArray alpha) {
    NDArray y = switch (fused) {
      case NONE -> x;
      case RELU -> Activation.relu(x);
      case RELU6 -> relu6(x);
      case ELU -> x.getNDArrayInternal().elu(1f);
      case LEAKY_RELU -> x.getNDArrayInternal().leakyRelu(leakyAlpha);
      case SIGMOID -> Activation.sigmoid(x);
      case PRELU -> prelu(x, alpha);
    };
    if (y != x) {
      x.close();
    }
    return y;
  }
}
