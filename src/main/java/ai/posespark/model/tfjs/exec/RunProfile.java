package ai.posespark.model.tfjs.exec;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a run's time goes, summed over the runs profiled: per key (op or op family) the steps executed, the time
 * inside the kernel call (libtorch's compute plus the JNI crossings and DJL wrapping the kernel makes) and the
 * executor's own work around it (gathering inputs, adopting outputs, freeing values after their last reader); and
 * the run's fixed part outside every step (sub-manager, inputs, handing outputs out). A profiling aid, meaningful
 * on the CPU where kernels run synchronously; not thread-safe (one per profiling thread).
 */
public final class RunProfile {
  /** What a profile's entries are keyed by. */
  public enum Key {
    /** The op, e.g. {@code _FusedConv2D}. */
    OP,
    /** The op's {@link #family}. */
    FAMILY,
    /** Op, output shape and node name: one entry per node. */
    NODE
  }

  /** Totals of one key. */
  public static final class Entry {
    private long steps;
    private long kernelNanos;
    private long aroundNanos;

    /** Steps executed. */
    public long steps() {
      return steps;
    }

    /** Nanoseconds inside kernel calls. */
    public long kernelNanos() {
      return kernelNanos;
    }

    /** Nanoseconds of executor work around those calls. */
    public long aroundNanos() {
      return aroundNanos;
    }

    /**
     * Per run, the sum over this key's nodes of each node's fastest kernel call: what a quiet machine gives,
     * since on a loaded one a call is now and then preempted (adding time) but never made faster.
     */
    public long fastestKernelNanos() {
      return fastest.values().stream().mapToLong(Long::longValue).sum();
    }

    private final Map<String, Long> fastest = new HashMap<>();
  }

  private final Key key;
  private final Map<String, Entry> entries = new TreeMap<>();
  private long runs;
  private long runNanos;
  private long stepNanos;

  /** An empty profile keyed by {@code key}. */
  public RunProfile(Key key) {
    this.key = key;
  }

  /** What entries are keyed by. */
  public Key key() {
    return key;
  }

  void step(String key, String node, long kernelNanos, long aroundNanos) {
    Entry e = entries.computeIfAbsent(key, k -> new Entry());
    e.fastest.merge(node, kernelNanos, Math::min);
    e.steps++;
    e.kernelNanos += kernelNanos;
    e.aroundNanos += aroundNanos;
    stepNanos += kernelNanos + aroundNanos;
  }

  void run(long nanos) {
    runs++;
    runNanos += nanos;
  }

  /** Totals per key. */
  public Map<String, Entry> entries() {
    return entries;
  }

  /** Runs profiled. */
  public long runs() {
    return runs;
  }

  /** Nanoseconds of whole runs, steps included. */
  public long runNanos() {
    return runNanos;
  }

  /** Nanoseconds of runs outside every step: the run's fixed part. */
  public long outsideStepsNanos() {
    return runNanos - stepNanos;
  }

  /**
   * The op family a profile groups {@code op} under: the families whose per-op cost and kernel choice differ
   * (dense and depthwise convolutions, element-wise arithmetic, activations, resizing, layout and shape ops,
   * gathers and reductions); any other op is its own family.
   */
  public static String family(String op) {
    return switch (op) {
      case "Conv2D", "_FusedConv2D" -> "convolution";
      case "DepthwiseConv2dNative", "FusedDepthwiseConv2dNative" -> "depthwise convolution";
      case "AddV2", "Add", "AddN", "Sub", "Mul", "RealDiv", "Div", "FloorDiv", "FloorMod", "SquaredDifference",
          "Sqrt", "Rsqrt", "Exp", "Abs", "Neg", "Reciprocal", "Maximum", "Minimum", "BiasAdd" -> "element-wise";
      case "Relu", "Relu6", "Sigmoid", "Tanh", "LeakyRelu", "Elu", "Prelu", "Softmax" -> "activation";
      case "ResizeBilinear", "ResizeNearestNeighbor" -> "resize";
      case "Reshape", "ExpandDims", "Squeeze", "Pack", "Unpack", "ConcatV2", "Split", "SplitV", "Transpose", "Cast",
          "Identity", "Shape", "Size", "StridedSlice", "Slice", "Tile", "Fill", "Range" -> "layout and shape";
      case "GatherV2", "GatherNd", "ArgMax", "ArgMin", "TopKV2", "Max", "Min", "Sum", "Mean", "Select", "SelectV2",
          "Equal", "Less", "Greater", "GreaterEqual", "LessEqual", "LogicalAnd", "MaxPool" -> "gather and reduce";
      default -> op;
    };
  }
}
