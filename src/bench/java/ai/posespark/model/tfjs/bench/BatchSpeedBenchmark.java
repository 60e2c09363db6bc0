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
import ai.posespark.model.tfjs.TensorSpec;
import ai.posespark.model.tfjs.TfjsGraphModel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

  /** Median wall and calling-thread CPU milliseconds per batch after {@code warmup} runs, and the run count. */
  private static double[] time(TfjsGraphModel model, NDArray input, boolean split, int iterations, int warmup) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int k = 0; k < warmup; k++) {
      runOnce(model, input, split);
    }
    List<Double> wall = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    for (int k = 0; k < iterations; k++) {
      long c = threads.getCurrentThreadCpuTime();
      long t = System.nanoTime();
      runOnce(model, input, split);
      wall.add((System.nanoTime() - t) / 1e6);
      cpu.add((threads.getCurrentThreadCpuTime() - c) / 1e6);
    }
    return new double[] {median(wall), median(cpu), iterations};
  }

  /**
   * {@code streams} threads sharing {@code model}, each running {@code perStream} batch-1 inferences after a
   * warm-up: wall ms per image of all streams together (elapsed time / images), CPU ms per image (all streams'
   * thread CPU time / images) and the image count.
   */
  private static double[] throughput(TfjsGraphModel model, NDArray input, boolean split, int streams,
      int perStream) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(streams + 1);
    java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(streams);
    long[] cpu = new long[streams];
    Throwable[] failure = new Throwable[1];
    List<Thread> workers = new ArrayList<>();
    for (int s = 0; s < streams; s++) {
      int stream = s;
      Thread worker = new Thread(() -> {
        try {
          for (int k = 0; k < Math.max(3, perStream / 4); k++) { // a quarter of the timed runs, untimed
            runOnce(model, input, split);
          }
          start.await();
          long c = threads.getCurrentThreadCpuTime();
          for (int k = 0; k < perStream; k++) {
            runOnce(model, input, split);
          }
          cpu[stream] = threads.getCurrentThreadCpuTime() - c;
        } catch (Throwable e) {
          synchronized (failure) {
            failure[0] = e;
          }
          start.reset();
        } finally {
          done.countDown();
        }
      }, "bench-stream-" + s);
      worker.start();
      workers.add(worker);
    }
    start.await();
    long t = System.nanoTime();
    done.await();
    double wall = (System.nanoTime() - t) / 1e6;
    for (Thread w : workers) {
      w.join();
    }
    if (failure[0] != null) {
      throw new IllegalStateException("a stream failed: " + failure[0], failure[0]);
    }
    double images = (double) streams * perStream * input.getShape().get(0);
    return new double[] {wall / images, Arrays.stream(cpu).sum() / 1e6 / images, images};
  }

  private static void runOnce(TfjsGraphModel model, NDArray input, boolean split) {
    try (NDManager run = input.getManager().newSubManager()) {
      NDList out = split ? model.runSplitBatch(run, new NDList(input)) : model.run(run, new NDList(input));
      out.forEach(NDArray::toByteArray); // wait for every result, as a caller reading them would
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
