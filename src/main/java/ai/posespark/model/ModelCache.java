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
 * One loaded model per (model, location, device) per executor JVM: loading costs seconds and hundreds of MB, so every
 * task of the JVM shares it (models are thread-safe), and a pipeline's detector and pose model each load once.
 * Closed when the JVM exits.
 */
public final class ModelCache {
  private static final Map<String, LoadedModel> CACHE = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(ModelCache::closeAll, "posespark-model-close"));
  }

  private ModelCache() {}

  /** {@code model} loaded on {@code device}, staged from its location on first use. */
  public static LoadedModel get(ResolvedModel model, Device device, Configuration conf) {
    ModelEntry entry = model.entry();
    return CACHE.computeIfAbsent(entry.name() + "|" + model.location() + "|" + device, k -> {
      MallocTuning.apply(); // process-wide and idempotent: this JVM runs models
      try {
        Path local = ModelStager.localize(model.location(), conf, ModelCatalog.cacheRoot());
        return ModelLoader.load(entry, local, device);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load model " + entry.name() + " from " + model.location(), e);
      }
    });
  }

  /** Releases every cached model (tests and shutdown). */
  public static synchronized void closeAll() {
    CACHE.values().forEach(LoadedModel::close);
    CACHE.clear();
  }
}
