package ai.posespark.model.tfjs.ops;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Maps TF op names to kernel factories; {@link #standard()} holds every op the interpreter supports. */
public final class OpRegistry {
  private final Map<String, KernelFactory> factories;

  /** A registry of the given families; an op defined by two families is a programming error. */
  public OpRegistry(List<OpFamily> families) {
    Map<String, KernelFactory> all = new TreeMap<>();
    for (OpFamily family : families) {
      family.factories().forEach((op, factory) -> {
        if (all.putIfAbsent(op, factory) != null) {
          throw new IllegalStateException("op " + op + " defined twice (" + family.getClass() + ")");
        }
      });
    }
    this.factories = Collections.unmodifiableMap(all);
  }

  /** The registry of all op families of this package. */
  public static OpRegistry standard() {
    return Holder.STANDARD;
  }

  /** The factory for {@code op}, or {@code null} when unsupported. */
  public KernelFactory factory(String op) {
    return factories.get(op);
  }

  /** Every supported op name, sorted. */
  public Set<String> ops() {
    return factories.keySet();
  }

  private static final class Holder {
    static final OpRegistry STANDARD = new OpRegistry(List.of(
        new GraphOps(), new ConvolutionOps(), new PoolingOps(), new ActivationOps(), new ArithmeticOps(),
        new ComparisonOps(), new ReductionOps(), new ShapeOps(), new SliceOps(), new ImageOps(),
        new MatMulOps()));
  }
}
