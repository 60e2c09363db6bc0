package ai.posespark.model.tfjs.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.posespark.model.ModelCatalog;
import ai.posespark.model.ModelEntry;
import ai.posespark.model.Npy;
import ai.posespark.model.tfjs.TensorSpec;
import ai.posespark.model.tfjs.TfjsGraphModel;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

/**
 * Memory over many inferences: runs a catalog model (default {@code movenet-lightning}) 2,000 times in a loop the
 * way a job's executor does (one root manager per model; per batch a sub-manager holding the input, built from
 * host memory, and the outputs, read back to the host, then closed) and prints the process RSS every 200 runs,
 * with the JVM heap (used / committed: the committed heap is part of RSS) and the number of resources still
 * attached to the root manager. A flat RSS after warm-up means nothing leaks per inference.
 *
 * <pre>
 * java -cp ... ai.posespark.model.tfjs.bench.RssBenchmark [--runs 2000] [--every 200] [--batch B] [--malloc-tuning]
 *     [model]
 * </pre>
 *
 * {@code --batch B} (default 1) sends B images per run through {@link TfjsGraphModel#runSplitBatch}, the job's
 * path for graphs that pin batch 1; runs still count images.
 *
 * {@code --malloc-tuning} applies {@link ai.posespark.model.tfjs.MallocTuning} first (the job does not). Run it
 * with a fixed, pre-touched heap ({@code -Xms256m -Xmx256m -XX:+AlwaysPreTouch}, as {@code bench-model.sh --rss}
 * does): otherwise RSS climbs for a while as the collector first touches heap pages, which looks like a leak.
 */
public final class RssBenchmark {
  private RssBenchmark() {}

  /** Runs the loop; see the class comment for arguments. */
  public static void main(String[] args) throws IOException {
    int runs = 2000;
    int every = 200;
    boolean tuning = false;
    int batchSize = 1;
    String name = "movenet-lightning";
    for (int k = 0; k < args.length; k++) {
      switch (args[k]) {
        case "--runs" -> runs = Integer.parseInt(args[++k]);
        case "--every" -> every = Integer.parseInt(args[++k]);
        case "--malloc-tuning" -> tuning = true;
        case "--batch" -> batchSize = Integer.parseInt(args[++k]);
        default -> name = args[k];
      }
    }
    if (tuning) {
      System.out.println("malloc tuning applied: " + ai.posespark.model.tfjs.MallocTuning.apply());
    }
    ModelCatalog catalog = ModelCatalog.bundled();
    String modelName = name;
    ModelEntry entry = catalog.resolve(name).orElseThrow(() -> new IllegalArgumentException(
        "not a catalog model: " + modelName));
    System.out.printf("%s: RSS before loading %.1f MiB%n", entry.name(), rssMiB());
    try (TfjsGraphModel model = TfjsGraphModel.load(Path.of(catalog.locate(entry)), Device.cpu());
         NDManager root = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
      Npy.Array image = randomImage(model.inputs().get(0));
      System.out.printf("%s: loaded, RSS %.1f MiB; %d images in batches of %d, input %s%n", entry.name(),
          rssMiB(), runs, batchSize, Arrays.toString(image.shape()));
      System.out.println("| runs | RSS MiB | JVM heap used / committed MiB | resources attached to root |");
      System.out.println("|---:|---:|---:|---:|");
      for (int run = batchSize; run <= runs; run += batchSize) {
        try (NDManager batch = root.newSubManager()) {
          NDArray input = image.toNDArray(batch);
          NDList out = batchSize == 1 ? model.run(batch, new NDList(input))
              : model.runSplitBatch(batch, new NDList(input.repeat(0, batchSize)));
          out.forEach(a -> a.toType(DataType.FLOAT32, false).toFloatArray());
        }
        if (run % every == 0) {
          Runtime rt = Runtime.getRuntime();
          System.out.printf("| %d | %.1f | %.0f / %.0f | %s |%n", run, rssMiB(),
              (rt.totalMemory() - rt.freeMemory()) / 1048576.0, rt.totalMemory() / 1048576.0,
              attachedCount(root));
        }
      }
    }
  }

  /** A random image in the input's declared shape (batch 1, unknown sizes 256) and type. */
  private static Npy.Array randomImage(TensorSpec spec) {
    long[] shape = spec.shape();
    for (int d = 0; d < shape.length; d++) {
      shape[d] = shape[d] >= 0 ? shape[d] : d == 0 ? 1 : d == shape.length - 1 ? 3 : 256;
    }
    int n = (int) Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    Random random = new Random(42);
    if (spec.dataType() == DataType.INT32) {
      return Npy.Array.of(random.ints(n, 0, 256).toArray(), shape);
    }
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = random.nextFloat();
    }
    return Npy.Array.of(values, shape);
  }

  /** VmRSS of this process from /proc/self/status, in MiB (NaN where /proc is absent). */
  static double rssMiB() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return Double.NaN;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    return Double.NaN;
  }

  /**
   * How many resources (arrays, sub-managers) are attached to {@code manager}: DJL keeps them in BaseNDManager's
   * protected {@code resources} map and has no public count, so this reads it reflectively; "n/a" where that
   * field is not there (another DJL version).
   */
  static String attachedCount(NDManager manager) {
    for (Class<?> c = manager.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField("resources");
        f.setAccessible(true);
        return Integer.toString(((Map<?, ?>) f.get(manager)).size());
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (ReflectiveOperationException | RuntimeException e) {
        return "n/a";
      }
    }
    return "n/a";
  }
}
