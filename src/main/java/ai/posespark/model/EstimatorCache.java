package ai.posespark.model;

import ai.djl.Device;
import ai.posespark.model.tfjs.MallocTuning;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;

/**
 * One {@link PoseEstimator} per model and device per executor JVM: loading a model costs seconds and hundreds of
 * MB, so every task of the JVM shares it (models are thread-safe). Closed when the JVM exits.
 */
public final class EstimatorCache {
  private static final Map<String, PoseEstimator> CACHE = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(EstimatorCache::closeAll, "posespark-model-close"));
  }

  private EstimatorCache() {}

  /** The estimator for {@code entry} read from {@code location} on {@code device}, loading it on first use. */
  public static PoseEstimator get(ModelEntry entry, String location, Device device, Configuration conf) {
    return CACHE.computeIfAbsent(entry.name() + "|" + location + "|" + device, k -> {
      MallocTuning.apply(); // process-wide and idempotent: this JVM runs models
      try {
        Path local = ModelStager.localize(location, conf, ModelCatalog.cacheRoot());
        return new PoseEstimator(entry, ModelLoader.load(entry, local, device), device);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load model " + entry.name() + " from " + location, e);
      }
    });
  }

  /** Releases every cached model (tests and shutdown). */
  public static synchronized void closeAll() {
    CACHE.values().forEach(PoseEstimator::close);
    CACHE.clear();
  }
}
