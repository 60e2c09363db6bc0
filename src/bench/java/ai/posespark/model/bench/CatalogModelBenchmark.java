package ai.posespark.model.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.posespark.model.InputPreprocessor;
import ai.posespark.model.LoadedModel;
import ai.posespark.model.ModelCatalog;
import ai.posespark.model.ModelEntry;
import ai.posespark.model.ModelLoader;
import ai.posespark.model.ModelStager;
import ai.posespark.model.TorchThreads;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;

/**
 * Any catalog model alone (ONNX, TorchScript or TF.js, through {@link ModelLoader} as a job loads it), for
 * {@code scripts/bench.sh}'s top-down rows: the detector on whole frames, the pose model on crops. Inputs are random
 * 0..255 images mapped by the entry's own recipe ({@link InputPreprocessor#toModelInput}). One JSON line per batch
 * size (median wall and calling-thread CPU ms per input) and, with {@code --streams S}, one for S threads sharing the
 * model, each sending calls of the size a job sends ({@code --batch}'s largest, within the model's limit).
 *
 * <pre>CatalogModelBenchmark [--role detector|pose] [--batch 1,8] [--iterations N] [--streams S] model</pre>
 */
public final class CatalogModelBenchmark {
  private CatalogModelBenchmark() {}

  public static void main(String[] args) throws Exception {
    int iterations = 64;
    long[] batches = {1, 8};
    int streams = 0;
    String role = "model";
    String name = null;
    for (int k = 0; k < args.length; k++) {
      switch (args[k]) {
        case "--iterations" -> iterations = Integer.parseInt(args[++k]);
        case "--batch" -> batches = Arrays.stream(args[++k].split(",")).mapToLong(Long::parseLong).toArray();
        case "--streams" -> streams = Integer.parseInt(args[++k]);
        case "--role" -> role = args[++k];
        default -> name = args[k];
      }
    }
    if (name == null) {
      System.err.println("usage: CatalogModelBenchmark [--role detector|pose] [--batch 1,8] [--iterations N] "
          + "[--streams S] model");
      System.exit(2);
    }
    ModelCatalog catalog = ModelCatalog.bundled();
    String ref = name;
    ModelEntry entry = catalog.resolve(ref).orElseThrow(() -> new IllegalArgumentException("not a catalog model: "
        + ref));
    Path file = ModelStager.localize(catalog.locate(entry), new Configuration(), ModelCatalog.cacheRoot());
    try (LoadedModel model = ModelLoader.load(entry, file, Device.cpu());
        NDManager root = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
      InputPreprocessor preprocessor = new InputPreprocessor(entry);
      NDArray one = preprocessor.toModelInput(root.randomUniform(0, 255,
          new Shape(1, entry.input().height(), entry.input().width(), 3)));
      int limit = Math.min(entry.batchPerCall(), model.maxBatch());
      for (long batch : batches) {
        if (batch > limit) {
          continue;
        }
        NDArray input = one.repeat(0, batch);
        double[] ms = Timing.median(() -> runOnce(model, input), Math.max(5, iterations / (int) batch),
            (int) Math.max(2, (10 + batch - 1) / batch));
        System.out.printf(Locale.ROOT, "{\"benchmark\":\"model\",\"role\":\"%s\",\"model\":\"%s\",\"format\":\"%s\","
            + "\"batch\":%d,\"msPerImage\":%.2f,\"cpuMsPerImage\":%.2f,\"iterations\":%d,\"threads\":%d}%n", role,
            entry.name(), entry.format(), batch, ms[0] / batch, ms[1] / batch, (int) ms[2], TorchThreads.perTask());
      }
      if (streams > 0) {
        long batch = Math.min(Arrays.stream(batches).max().orElse(1), limit);
        NDArray input = one.repeat(0, batch);
        double[] t = Timing.streams(() -> runOnce(model, input), streams, Math.max(5, iterations / (int) batch),
            batch);
        System.out.printf(Locale.ROOT, "{\"benchmark\":\"model\",\"role\":\"%s\",\"model\":\"%s\",\"format\":\"%s\","
            + "\"batch\":%d,\"streams\":%d,\"imagesPerSecond\":%.2f,\"msPerImage\":%.2f,\"cpuMsPerImage\":%.2f,"
            + "\"iterations\":%d,\"threads\":%d}%n", role, entry.name(), entry.format(), batch, streams, 1000 / t[0],
            t[0], t[1], (int) t[2], TorchThreads.perTask());
      }
    }
  }

  private static void runOnce(LoadedModel model, NDArray input) {
    try (NDManager run = input.getManager().newSubManager()) {
      NDList out = model.run(run, new NDList(input));
      out.forEach(NDArray::toByteArray);
    }
  }
}
