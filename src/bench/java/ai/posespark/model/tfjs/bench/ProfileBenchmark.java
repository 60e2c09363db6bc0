package ai.posespark.model.tfjs.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.posespark.model.ModelCatalog;
import ai.posespark.model.ModelEntry;
import ai.posespark.model.Npy;
import ai.posespark.model.bench.Timing;
import ai.posespark.model.tfjs.MallocTuning;
import ai.posespark.model.tfjs.TfjsGraphModel;
import ai.posespark.model.tfjs.exec.RunProfile;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where one batch-1 inference's time goes, per op family: a Markdown table for {@code scripts/bench-model.sh
 * --profile}. A measuring tool, not a test.
 *
 * <pre>
 * java -cp ... ai.posespark.model.tfjs.bench.ProfileBenchmark [--iterations N] [--input input.npy]
 *     [--by op|family|node] model
 * </pre>
 *
 * Per family: steps per run, milliseconds inside the kernel calls (libtorch's compute with the JNI crossings and
 * DJL wrapping each call makes), milliseconds of the executor around them (inputs gathered, outputs adopted,
 * values freed), and the floor of the per-call cost: steps × the time of one trivial libtorch call from Java
 * (a one-element add, measured here), which no kernel can go under while each op is its own call. Then the run's
 * fixed part (outside every step) and the unprofiled median for comparison. The last column sums each node's
 * fastest kernel call over the runs: on a loaded machine (other processes preempting this one) it estimates the
 * quiet machine's kernel time, which the means cannot. Run with
 * {@code -Dai.djl.pytorch.num_threads=1} for the single-thread figures.
 */
public final class ProfileBenchmark {
  private ProfileBenchmark() {}

  /** Runs the profile; see the class comment for arguments. */
  public static void main(String[] args) throws Exception {
    int iterations = 200;
    Path inputFile = null;
    RunProfile.Key key = RunProfile.Key.FAMILY;
    String name = null;
    for (int k = 0; k < args.length; k++) {
      switch (args[k]) {
        case "--iterations" -> iterations = Integer.parseInt(args[++k]);
        case "--input" -> inputFile = Path.of(args[++k]);
        case "--by" -> key = RunProfile.Key.valueOf(args[++k].toUpperCase(Locale.ROOT));
        default -> name = args[k];
      }
    }
    if (name == null) {
      System.err.println("usage: ProfileBenchmark [--iterations N] [--input X.npy] [--by op|family|node] model");
      System.exit(2);
    }
    ModelCatalog catalog = ModelCatalog.bundled();
    String modelName = name;
    ModelEntry entry = catalog.resolve(modelName).orElseThrow(() -> new IllegalArgumentException(
        "not a catalog model: " + modelName));
    MallocTuning.apply();
    try (TfjsGraphModel model = TfjsGraphModel.load(Path.of(catalog.locate(entry)), Device.cpu());
         NDManager root = NDManager.newBaseManager(Device.cpu())) {
      NDArray input = inputFile != null ? Npy.read(root, inputFile) : randomInput(model, root);
      double[] plain = Timing.median(() -> runOnce(model, input, null), iterations, 20);
      RunProfile profile = new RunProfile(key);
      for (int k = 0; k < iterations; k++) {
        runOnce(model, input, profile);
      }
      double callMicros = trivialCallMicros(root);
      print(entry.name(), profile, plain[0], callMicros);
    }
  }

  private static void print(String model, RunProfile p, double plainMs, double callMicros) {
    double runs = p.runs();
    double total = p.runNanos() / 1e6 / runs;
    System.out.printf(Locale.ROOT, "%n### Profile: %s, batch 1, %s thread(s), %d runs%n%n", model,
        System.getProperty("ai.djl.pytorch.num_threads", "default"), p.runs());
    System.out.println("| family | steps/run | kernel ms | around ms | total ms | share | per-call floor ms |"
        + " kernel ms, fastest per node |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
    double steps = 0;
    double fastest = 0;
    for (Map.Entry<String, RunProfile.Entry> e : p.entries().entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue().kernelNanos() + b.getValue().aroundNanos(),
            a.getValue().kernelNanos() + a.getValue().aroundNanos())).toList()) {
      RunProfile.Entry v = e.getValue();
      double n = v.steps() / runs;
      double kernel = v.kernelNanos() / 1e6 / runs;
      double around = v.aroundNanos() / 1e6 / runs;
      double quiet = v.fastestKernelNanos() / 1e6;
      steps += n;
      fastest += quiet;
      System.out.printf(Locale.ROOT, "| %s | %.0f | %.3f | %.3f | %.3f | %.1f%% | %.3f | %.3f |%n", e.getKey(), n,
          kernel, around, kernel + around, 100 * (kernel + around) / total, n * callMicros / 1e3, quiet);
    }
    double outside = p.outsideStepsNanos() / 1e6 / runs;
    System.out.printf(Locale.ROOT, "| (run: sub-manager, inputs, hand-out, freeing) | | | %.3f | %.3f | %.1f%% | |"
        + " |%n", outside, outside, 100 * outside / total);
    System.out.printf(Locale.ROOT, "| **all** | %.0f | | | %.3f | 100%% | %.3f | %.3f |%n%n", steps, total,
        steps * callMicros / 1e3, fastest);
    System.out.printf(Locale.ROOT, "Unprofiled median %.3f ms per run. One trivial libtorch call from Java (a"
        + " one-element add: JNI, dispatch, allocation, DJL wrapping) %.1f µs: the per-call floor is steps × that.%n",
        plainMs, callMicros);
  }

  /** Median microseconds of a one-element add through DJL: the fixed cost of any op called on its own. */
  private static double trivialCallMicros(NDManager root) throws Exception {
    try (NDManager scope = root.newSubManager()) {
      NDArray one = scope.ones(new Shape(1));
      int calls = 1000;
      double[] ms = Timing.median(() -> {
        try (NDManager s = scope.newSubManager()) {
          for (int k = 0; k < calls; k++) {
            one.add(one).close();
          }
        }
      }, 15, 3);
      return ms[0] * 1e3 / calls;
    }
  }

  private static NDArray randomInput(TfjsGraphModel model, NDManager root) {
    long[] shape = model.inputs().get(0).shape();
    for (int d = 0; d < shape.length; d++) {
      shape[d] = d == 0 ? 1 : shape[d] >= 0 ? shape[d] : d == shape.length - 1 ? 3 : 256;
    }
    NDArray x = root.randomUniform(0, 255, new Shape(shape));
    DataType type = model.inputs().get(0).dataType();
    return type != null && type != DataType.FLOAT32 ? x.toType(type, false) : x;
  }

  private static void runOnce(TfjsGraphModel model, NDArray input, RunProfile profile) {
    try (NDManager run = input.getManager().newSubManager()) {
      NDList out = profile == null ? model.run(run, new NDList(input)) : model.profile(run, new NDList(input), profile);
      out.forEach(NDArray::toByteArray);
    }
  }
}
