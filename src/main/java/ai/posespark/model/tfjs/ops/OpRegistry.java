package ai.posespark.model.tfjs.ops;

import ai.posespark.Registry;
import java.util.List;
import java.util.Map;

/** The TF ops the interpreter supports: op name to kernel factory, from every op family of this package. */
public final class OpRegistry {
  private OpRegistry() {}

  /** The ops of {@code families}; an op defined by two families is a programming error. */
  public static Registry<KernelFactory> of(List<OpFamily> families) {
    return new Registry<>("op", families.stream().flatMap(f -> f.factories().entrySet().stream())
        .map(e -> Map.entry(e.getKey(), e.getValue())).toList());
  }

  /** The registry of all op families of this package. */
  public static Registry<KernelFactory> standard() {
    return Holder.STANDARD;
  }

  private static final class Holder {
    static final Registry<KernelFactory> STANDARD = of(List.of(
        new GraphOps(), new ConvolutionOps(), new PoolingOps(), new ActivationOps(), new ArithmeticOps(),
        new ComparisonOps(), new ReductionOps(), new ShapeOps(), new SliceOps(), new ImageOps(),
        new MatMulOps()));
  }
}
