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
import ai.posespark.model.tfjs.MallocTuning;
import ai.posespark.model.bench.Timing;
import ai.posespark.model.tfjs.TensorSpec;
import ai.posespark.model.tfjs.TfjsGraphModel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Machine-readable speed figures of one catalog model in this interpreter, for {@code scripts/bench-model.sh}: one
 * JSON line per batch size with median wall and calling-thread CPU milliseconds per image.
 *
 * <pre>
 * java -cp ... ai.posespark.model.tfjs.bench.BatchSpeedBenchmark [--batch 1,8] [--iterations N]
 *     [--input input.npy] [--size 256] [--streams S] model
 * </pre>
 *
 * {@code --iterations} counts images: each batch size is timed over {@code max(5, N / batch)} batches after a
 * warm-up of at least 10 images. Same method as {@link TfjsBenchmark} otherwise (random input in the declared
 * shape unless {@code --input} gives a batch-1 {@code .npy}, repeated to the batch; the median of timed runs, each in a
 * sub-manager; {@link MallocTuning} unless {@code -Dposespark.bench.noMallocTuning=true}). What it adds: batches
 * beyond the catalog's {@code batch} limit (graphs that pin batch 1: MoveNet, CenterNet, NanoDet, ...) go through
 * {@link TfjsGraphModel#runSplitBatch} as a job would split them, where TfjsBenchmark would report a failure; and
 * its output is JSON for a script to tabulate rather than prose.
 *
 * <p>{@code --streams S} (S &gt; 0) adds a throughput figure: S threads share the one loaded model and each runs
 * batches back to back, {@code max(5, N / batch)} of them, each the size a job sends per model call (the
 * catalog's {@code batch} or {@code splitBatch}, at most the largest {@code --batch}): what S Spark tasks of one
 * executor do with {@code execution.batchSize} 8; after each has warmed up, one more JSON line gives
 * the images per second of all streams together ({@code "streams":S}) and
 * {@code msPerImage} = 1000 / that rate (wall time per image of the whole machine, not the latency of one image,
 * which is {@code streams} times longer). Compare it with PyTorch at 1 thread per stream: each stream computes on
 * its own thread.
 */
public final class BatchSpeedBenchmark {
  private BatchSpeedBenchmark() {}

  /** Runs the benchmark; see the class comment for arguments. */
  public static void main(String[] args) throws Exception {
    int iterations = 20;
    long[] batches = {1, 8};
    long size = 256;
    Path inputFile = null;
    int streams = 0;
    String name = null;
    for (int k = 0; k < args.length; k++) {
      switch (args[k]) {
        case "--iterations" -> iterations = Integer.parseInt(args[++k]);
        case "--batch" -> batches = Arrays.stream(args[++k].split(",")).mapToLong(Long::parseLong).toArray();
        case "--size" -> size = Long.parseLong(args[++k]);
        case "--input" -> inputFile = Path.of(args[++k]);
        case "--streams" -> streams = Integer.parseInt(args[++k]);
        default -> name = args[k];
      }
    }
    if (name == null) {
      System.err.println("usage: BatchSpeedBenchmark [--batch 1,8] [--iterations N] [--input X.npy] "
          + "[--size S] [--streams S] model");
      System.exit(2);
    }
    ModelCatalog catalog = ModelCatalog.bundled();
    String modelName = name;
    ModelEntry entry = catalog.resolve(modelName).orElseThrow(() -> new IllegalArgumentException(
        "not a catalog model: " + modelName));
    boolean tuned = !Boolean.getBoolean("posespark.bench.noMallocTuning") && MallocTuning.apply();
    try (TfjsGraphModel model = TfjsGraphModel.load(Path.of(catalog.locate(entry)), Device.cpu());
         NDManager root = NDManager.newBaseManager(Device.cpu())) {
      NDArray one = inputFile != null ? Npy.read(root, inputFile) : randomInput(model, root, size);
      try (NDManager count = root.newSubManager()) {
        long macs = model.multiplyAdds(count, new NDList(one));
        System.out.printf(Locale.ROOT, "{\"model\":\"%s\",\"multiplyAdds\":%d,\"gflopPerImage\":%.4f}%n",
            entry.name(), macs, 2 * macs / 1e9);
      }
      for (long batch : batches) {
        NDArray input = one.repeat(0, batch);
        boolean split = batch > entry.graphBatch();
        double[] ms = time(model, input, split, Math.max(5, iterations / (int) batch),
            (int) Math.max(2, (10 + batch - 1) / batch));
        System.out.printf(Locale.ROOT, "{\"model\":\"%s\",\"batch\":%d,\"path\":\"%s\",\"input\":\"%s\","
            + "\"msPerImage\":%.2f,\"cpuMsPerImage\":%.2f,\"iterations\":%d,\"threads\":%s,"
            + "\"mallocTuning\":%b}%n", entry.name(), batch, split ? "runSplitBatch" : "run",
            inputFile != null ? "npy" : "random", ms[0] / batch, ms[1] / batch, (int) ms[2],
            System.getProperty("ai.djl.pytorch.num_threads", "\"default\""), tuned);
      }
      if (streams > 0) {
        // what a job sends per model call: the catalog's batch or splitBatch, up to the largest --batch
        long batch = Math.min(Arrays.stream(batches).max().orElse(1), entry.batchPerCall());
        boolean split = batch > entry.graphBatch();
        double[] t = throughput(model, one.repeat(0, batch), split, streams,
            Math.max(5, iterations / (int) batch));
        System.out.printf(Locale.ROOT, "{\"model\":\"%s\",\"batch\":%d,\"streams\":%d,\"path\":\"%s\","
            + "\"input\":\"%s\",\"imagesPerSecond\":%.2f,\"msPerImage\":%.2f,\"cpuMsPerImage\":%.2f,"
            + "\"iterations\":%d,\"threads\":%s,\"mallocTuning\":%b}%n", entry.name(), batch, streams,
            split ? "runSplitBatch" : "run",
            inputFile != null ? "npy" : "random", 1000 / t[0], t[0], t[1], (int) t[2],
            System.getProperty("ai.djl.pytorch.num_threads", "\"default\""), tuned);
      }
    }
  }

  private static NDArray randomInput(TfjsGraphModel model, NDManager root, long size) {
    TensorSpec spec = model.inputs().get(0);
    long[] shape = spec.shape();
    shape[0] = 1;
    for (int d = 1; d < shape.length; d++) {
      shape[d] = shape[d] >= 0 ? shape[d] : d == shape.length - 1 ? 3 : size;
    }
    NDArray input = root.randomUniform(0, 255, new Shape(shape));
    return spec.dataType() != null && spec.dataType() != DataType.FLOAT32
        ? input.toType(spec.dataType(), false) : input;
  }

  private static double[] time(TfjsGraphModel model, NDArray input, boolean split, int iterations, int warmup)
      throws Exception {
    return Timing.median(() -> runOnce(model, input, split), iterations, warmup);
  }

  /** {@code streams} threads sharing {@code model}, each running {@code perStream} batches ({@link Timing}). */
  private static double[] throughput(TfjsGraphModel model, NDArray input, boolean split, int streams,
      int perStream) throws Exception {
    return Timing.streams(() -> runOnce(model, input, split), streams, perStream, input.getShape().get(0));
  }

  private static void runOnce(TfjsGraphModel model, NDArray input, boolean split) {
    try (NDManager run = input.getManager().newSubManager()) {
      NDList out = split ? model.runSplitBatch(run, new NDList(input)) : model.run(run, new NDList(input));
      out.forEach(NDArray::toByteArray); // wait for every result, as a caller reading them would
    }
  }
}
