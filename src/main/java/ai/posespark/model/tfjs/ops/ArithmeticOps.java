package ai.posespark.model.tfjs.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.posespark.model.tfjs.TfjsModelException;
import java.util.HashMap;
import java.util.Map;

/**
 * Element-wise arithmetic with TF broadcasting: Add/AddV2/Sub/Mul/RealDiv/Div/FloorDiv/FloorMod/Maximum/Minimum/
 * Pow/SquaredDifference/BiasAdd/AddN, unary math (Neg, Abs, Exp, Log, Sqrt, Rsqrt, Square, Reciprocal, Floor,
 * Ceil, Round, Sign) and Cast. All keep channels-first storage (see {@link ElementWise}).
 */
public final class ArithmeticOps implements OpFamily {

  @Override
  public Map<String, KernelFactory> factories() {
    Map<String, KernelFactory> f = new HashMap<>();
    f.put("Add", node -> ElementWise.binary(NDArray::add));
    f.put("AddV2", node -> ElementWise.binary(NDArray::add));
    f.put("Sub", node -> ElementWise.binary(NDArray::sub));
    f.put("Mul", node -> ElementWise.binary(NDArray::mul));
    f.put("RealDiv", node -> ElementWise.binary(NDArray::div));
    f.put("Div", node -> ElementWise.binary(ArithmeticOps::divide));
    f.put("DivNoNan", node -> ElementWise.binary(ArithmeticOps::divideNoNan));
    f.put("FloorDiv", node -> ElementWise.binary(ArithmeticOps::floorDiv));
    f.put("FloorMod", node -> ElementWise.binary(NDArray::mod)); // torch.remainder: sign of divisor, as TF
    f.put("Maximum", node -> ElementWise.binary(NDArray::maximum));
    f.put("Minimum", node -> ElementWise.binary(NDArray::minimum));
    f.put("Pow", node -> ElementWise.binary(NDArray::pow));
    f.put("SquaredDifference", node -> ElementWise.binary(ArithmeticOps::squaredDifference));
    f.put("BiasAdd", ArithmeticOps::biasAdd);
    f.put("AddN", node -> (ctx, in) -> Tensors.one(addN(in)));
    f.put("Neg", node -> ElementWise.unary(NDArray::neg));
    f.put("Abs", node -> ElementWise.unary(NDArray::abs));
    f.put("Exp", node -> ElementWise.unary(ArithmeticOps::exp));
    f.put("Log", node -> ElementWise.unary(NDArray::log));
    f.put("Sqrt", node -> ElementWise.unary(NDArray::sqrt));
    f.put("Rsqrt", node -> ElementWise.unary(x -> x.pow(-0.5f)));
    f.put("Square", node -> ElementWise.unary(NDArray::square));
    f.put("Reciprocal", node -> ElementWise.unary(x -> x.getNDArrayInternal().rdiv(1f)));
    f.put("Floor", node -> ElementWise.unary(NDArray::floor));
    f.put("Ceil", node -> ElementWise.unary(NDArray::ceil));
    f.put("Round", node -> ElementWise.unary(NDArray::round)); // half to even, as TF
    f.put("Sign", node -> ElementWise.unary(NDArray::sign));
    f.put("Cast", ArithmeticOps::cast);
    return f;
  }

  private static boolean isInteger(NDArray a) {
    return a.getDataType().isInteger();
  }

  /** TF FloorDiv: rounds toward negative infinity, also for integers (torch's int division is true division). */
  static NDArray floorDiv(NDArray a, NDArray b) {
    if (!isInteger(a)) {
      try (NDArray q = a.div(b)) {
        return q.floor();
      }
    }
    try (NDArray a64 = a.toType(DataType.FLOAT64, true); NDArray b64 = b.toType(DataType.FLOAT64, true);
        NDArray q = a64.div(b64); NDArray fl = q.floor()) {
      return fl.toType(a.getDataType(), true);
    }
  }

  /** TF Div: true division for floats, truncation for integers. */
  static NDArray divide(NDArray a, NDArray b) {
    if (!isInteger(a)) {
      return a.div(b);
    }
    try (NDArray q = a.div(b)) {
      return q.toType(a.getDataType(), true); // float to int truncates toward zero
    }
  }

  private static NDArray divideNoNan(NDArray a, NDArray b) {
    try (NDArray q = a.div(b); NDArray zero = b.eq(0f); NDArray zeros = q.zerosLike()) {
      return zeros.getNDArrayInternal().where(zero, q);
    }
  }

  private static NDArray squaredDifference(NDArray a, NDArray b) {
    try (NDArray d = a.sub(b)) {
      return d.mul(d);
    }
  }

  private static Value addN(Value[] in) {
    Value sum = ElementWise.apply(in[0], in[1], NDArray::add);
    for (int k = 2; k < in.length; k++) {
      Value next = ElementWise.apply(sum, in[k], NDArray::add);
      sum.close();
      sum = next;
    }
    return sum;
  }

  private static Kernel biasAdd(NodeContext node) throws TfjsModelException {
    node.oneOf("data_format", "NHWC", "NHWC");
    return (ctx, in) -> {
      Value x = in[0];
      if (x.isChannelsFirst()) {
        try (NDArray bias = in[1].nhwc().reshape(1, -1, 1, 1)) {
          return Tensors.one(Value.channelsFirst(x.storage().add(bias)));
        }
      }
      return Tensors.one(Value.of(x.nhwc().add(in[1].nhwc())));
    };
  }

  private static Kernel cast(NodeContext node) throws TfjsModelException {
    DataType to = node.type("DstT", null);
    if (to == null) {
      throw node.error("missing attribute 'DstT'");
    }
    node.type("SrcT", null);
    node.bool("Truncate", false);
    // float to int truncates toward zero in torch, as in TF; bool to number gives 0/1
    return ElementWise.unary(x -> x.toType(to, true));
  }

  /** Below this, float32 exp is subnormal. */
  private static final float EXP_NORMAL_FLOOR = -87f;

  /**
   * e^x, with float32 results that would be subnormal (x &lt; -87, e^x &lt; 1.65e-38) given as e^-87 instead. On
   * x86, producing and reading subnormals takes a microcode assist per element: MoveNet multipose's Gaussian
   * weighting, exp of squared distances over [64, 64, 6, 17], took 5.5 ms per image that way against 0.7 ms
   * clamped (the whole model ~120 ms). TF's own CPU kernels flush subnormals to zero for the same reason; the
   * difference from e^x is below 1.65e-38 absolute.
   */
  static NDArray exp(NDArray x) {
    if (x.getDataType() != ai.djl.ndarray.types.DataType.FLOAT32) {
      return x.exp();
    }
    try (NDArray floor = x.maximum(EXP_NORMAL_FLOOR)) {
      return floor.exp();
    }
  }
}
