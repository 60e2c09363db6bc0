package ai.posespark.model;

import ai.djl.Device;
import ai.posespark.model.tfjs.MallocTuning;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;

/**
 * One loaded model per (model, location, device) per executor JVM: loading costs seconds and hundreds of MB, so every
 * task of the JVM shares it (models are thread-safe), and a pipeline's detector and pose model each load once.
 * Closed when the JVM exits.
 */
public final class ModelCache {
  private static final Map<String, LoadedModel> CACHE = new ConcurrentHashMap<>();
  private static final AtomicLong LOADS = new AtomicLong();

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
        LoadedModel loaded = ModelLoader.load(entry, local, device);
        LOADS.incrementAndGet();
        return loaded;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load model " + entry.name() + " from " + model.location(), e);
      }
    });
  }

  /** Models this JVM has loaded since it started (a detector and a pose model are two). */
  public static long loads() {
    return LOADS.get();
  }

  /** Releases every cached model (tests and shutdown). */
  public static synchronized void closeAll() {
    CACHE.values().forEach(LoadedModel::close);
    CACHE.clear();
  }
}
