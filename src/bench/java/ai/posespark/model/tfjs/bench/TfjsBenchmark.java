package ai.posespark.model.tfjs.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.posespark.model.tfjs.TensorSpec;
import ai.posespark.model.tfjs.TfjsGraphModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Measures inference time of TF.js graph models in this interpreter: ms per image at the given batch sizes, after
 * warm-up, fed random images of each model's declared input size. A measuring tool, not a test.
 *
 * <pre>
 * java -cp ... ai.posespark.model.tfjs.bench.TfjsBenchmark [--dir MODELS] [--iterations N] [--batch 1,4]
 *     [--device cpu|gpu] [--size 256] model...
 * </pre>
 *
 * The calling thread's CPU time is printed too: with {@code -Dai.djl.pytorch.num_threads=1} PyTorch computes
 * on that thread, so it measures the work even when other processes load the machine.
 *
 * <p>Applies {@link ai.posespark.model.tfjs.MallocTuning} first (MoveNet lightning 30 to 22 ms/image on the 2-core
 * dev machine); {@code -Dposespark.bench.noMallocTuning=true} measures without it.
 *
 * <p>{@code MODELS} defaults to {@code $POSESPARK_MODELS_DIR/human-models-3.0.4/models}; {@code --size} sets unknown
 * spatial dimensions (multipose declares [1, -1, -1, 3]).
 *
 * <p>{@code -Dposespark.bench.profile=true} adds a profile: ms per run summed by op, the
 * {@code -Dposespark.bench.top=N} (default 12) most expensive; with {@code -Dposespark.profile.nodes=true} per node
 * (op, output shape, node name) instead.
 */
public final class TfjsBenchmark {
  private TfjsBenchmark() {}

  /** Runs the benchmark; see the class comment for arguments. */
  public static void main(String[] args) throws Exception {
    String root = System.getenv("POSESPARK_MODELS_DIR");
    Path dir = root == null ? null : Path.of(root, "human-models-3.0.4", "models");
    int iterations = 30;
    long[] batches = {1};
    long size = 256;
    Device device = Device.cpu();
    java.util.List<String> models = new java.util.ArrayList<>();
    for (int k = 0; k < args.length; k++) {
      switch (args[k]) {
        case "--dir" -> dir = Path.of(args[++k]);
        case "--iterations" -> iterations = Integer.parseInt(args[++k]);
        case "--batch" -> batches = Arrays.stream(args[++k].split(",")).mapToLong(Long::parseLong).toArray();
        case "--size" -> size = Long.parseLong(args[++k]);
        case "--device" -> device = args[++k].equals("gpu") ? Device.gpu() : Device.cpu();
        default -> models.add(args[k]);
      }
    }
    if (dir == null || models.isEmpty()) {
      System.err.println("usage: TfjsBenchmark [--dir MODELS] [--iterations N] [--batch 1,4] "
          + "[--device cpu|gpu] [--size S] model...");
      System.exit(2);
    }
    if (!Boolean.getBoolean("posespark.bench.noMallocTuning")) {
      System.out.println("malloc tuning applied: " + ai.posespark.model.tfjs.MallocTuning.apply());
    }
    for (String name : models) {
      Path json = dir.resolve(name + ".json");
      if (!Files.exists(json)) {
        System.err.println(json + " not found");
        continue;
      }
      long t0 = System.nanoTime();
      try (TfjsGraphModel model = TfjsGraphModel.load(json, device)) {
        System.out.printf("%s: loaded in %.0f ms, %,d parameters, %d nodes%n", name,
            (System.nanoTime() - t0) / 1e6, model.parameterCount(),
            model.opInventory().values().stream().mapToInt(Integer::intValue).sum());
        for (long batch : batches) {
          measure(model, batch, size, iterations, device);
        }
      }
    }
  }

  private static void measure(TfjsGraphModel model, long batch, long size, int iterations, Device device) {
    TensorSpec spec = model.inputs().get(0);
    long[] shape = spec.shape();
    shape[0] = batch;
    for (int d = 1; d < shape.length; d++) {
      shape[d] = shape[d] < 0 ? (d == 3 && shape.length == 4 ? 3 : size) : shape[d];
    }
    try (NDManager scope = NDManager.newBaseManager(device)) {
      NDArray input = scope.randomUniform(0, 255, new Shape(shape));
      if (spec.dataType() != null && spec.dataType() != DataType.FLOAT32) {
        input = input.toType(spec.dataType(), false);
      }
      try {
        for (int k = 0; k < Math.max(3, iterations / 5); k++) {
          runOnce(model, scope, input);
        }
      } catch (RuntimeException e) {
        System.out.printf("  batch %d %s: fails: %s%n", batch, Arrays.toString(shape), e.getMessage());
        return;
      }
      double[] ms = new double[iterations];
      double[] cpu = new double[iterations];
      java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
      for (int k = 0; k < iterations; k++) {
        long c = threads.getCurrentThreadCpuTime();
        long t = System.nanoTime();
        runOnce(model, scope, input);
        ms[k] = (System.nanoTime() - t) / 1e6;
        cpu[k] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
      }
      Arrays.sort(ms);
      Arrays.sort(cpu);
      if (Boolean.getBoolean("posespark.bench.profile")) {
        java.util.Map<String, Double> ops = new java.util.TreeMap<>();
        long profileStart = System.nanoTime();
        for (int k = 0; k < iterations; k++) {
          runProfiled(model, scope, input, ops);
        }
        System.out.printf("    all ops %.2f ms/run of %.2f ms/run%n",
            ops.values().stream().mapToDouble(Double::doubleValue).sum() / iterations,
            (System.nanoTime() - profileStart) / 1e6 / iterations);
        ops.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
            .limit(Integer.getInteger("posespark.bench.top", 12))
            .forEach(e -> System.out.printf("    %-28s %7.2f ms/run%n", e.getKey(),
                e.getValue() / iterations));
      }
      double median = ms[iterations / 2];
      System.out.printf("  batch %d %s: median %.1f ms/batch = %.1f ms/image (min %.1f, max %.1f ms/batch); "
          + "calling thread CPU median %.1f ms/image%n", batch, Arrays.toString(shape), median,
          median / batch, ms[0], ms[iterations - 1], cpu[iterations / 2] / batch);
    }
  }

  private static void runProfiled(TfjsGraphModel model, NDManager scope, NDArray input,
      java.util.Map<String, Double> ops) {
    try (NDManager run = scope.newSubManager()) {
      NDList out = model.profile(run, new NDList(input), ops);
      out.get(0).toFloatArray();
    }
  }

  private static void runOnce(TfjsGraphModel model, NDManager scope, NDArray input) {
    try (NDManager run = scope.newSubManager()) {
      NDList out = model.run(run, new NDList(input));
      out.get(0).toFloatArray(); // wait for the device
    }
  }
}
