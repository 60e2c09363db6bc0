package ai.posespark.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The model catalog ({@code conf/models.yaml}, packaged in the jar as {@code /conf/models.yaml}): maps the names a
 * job file uses to model files and to the recipe that feeds and decodes them.
 */
public final class ModelCatalog {
  /** Env var naming the model cache root; {@code scripts/install-models.sh} installs into it. */
  public static final String MODELS_DIR_ENV = "POSESPARK_MODELS_DIR";

  private final String packageDir;
  private final Map<String, ModelEntry> models;

  private ModelCatalog(String packageDir, Map<String, ModelEntry> models) {
    this.packageDir = packageDir;
    this.models = models;
  }

  /** The catalog bundled with PoseSpark, read once per JVM. */
  public static ModelCatalog bundled() {
    return Bundled.CATALOG;
  }

  /** Holder: the classpath catalog is parsed on first use. */
  private static final class Bundled {
    static final ModelCatalog CATALOG = read();
  }

  private static ModelCatalog read() {
    try (InputStream in = ModelCatalog.class.getResourceAsStream("/conf/models.yaml")) {
      if (in == null) {
        throw new IllegalStateException("conf/models.yaml is missing from the classpath");
      }
      var mapper = new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
      CatalogFile file = mapper.readValue(in, CatalogFile.class);
      Map<String, ModelEntry> named = new LinkedHashMap<>();
      file.models().forEach((name, e) -> named.put(name, new ModelEntry(name, e.file(), e.format(), e.input(),
          e.resize(), e.decoder(), e.keypoints(), e.batch(), e.splitBatch() == null ? 1 : e.splitBatch(),
          e.output())));
      return new ModelCatalog(file.packageDir(), named);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read conf/models.yaml", e);
    }
  }

  /** Every catalog entry by name, in file order. */
  public Map<String, ModelEntry> models() {
    return models;
  }

  /**
   * Resolves what a job file names: a catalog name, or a path/URI to a model file whose stem is a catalog name
   * (the catalog still says how to feed and decode it).
   */
  public Optional<ModelEntry> resolve(String ref) {
    ModelEntry byName = models.get(ref);
    if (byName != null) {
      return Optional.of(byName);
    }
    String fileName = ref.substring(ref.lastIndexOf('/') + 1);
    int dot = fileName.lastIndexOf('.');
    String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
    ModelEntry byStem = models.get(stem);
    if (byStem == null || !(fileName.endsWith(".json") || fileName.endsWith(".pt"))) {
      return Optional.empty();
    }
    return Optional.of(byStem.withFile(ref, fileName.endsWith(".pt") ? "torchscript" : "tfjs"));
  }

  /** Where the model package lives on this machine ({@code $POSESPARK_MODELS_DIR/<package>/models}). */
  public Path packageFolder() {
    return cacheRoot().resolve(packageDir).resolve("models");
  }

  /** The model cache root: {@code $POSESPARK_MODELS_DIR}, default {@code ~/.cache/posespark/models}. */
  public static Path cacheRoot() {
    String root = System.getenv(MODELS_DIR_ENV);
    if (root == null || root.isBlank()) {
      root = System.getProperty("posespark.models.dir",
          Path.of(System.getProperty("user.home"), ".cache", "posespark", "models").toString());
    }
    return Path.of(root);
  }

  /** The location of an entry's file: a URI/absolute path as given, or a file of the installed package. */
  public String locate(ModelEntry entry) {
    String f = entry.file();
    if (f.contains(":") || f.startsWith("/") || f.startsWith(".")) {
      return f;
    }
    return packageFolder().resolve(f).toString();
  }

  /** YAML shape of conf/models.yaml. */
  record CatalogFile(@com.fasterxml.jackson.annotation.JsonProperty("package") String packageDir,
                     Map<String, EntryFile> models) {}

  /** YAML shape of one catalog entry (its name is the map key). */
  record EntryFile(String file, String format, ModelInputSpec input, String resize, String decoder,
                   String keypoints, int batch, Integer splitBatch, ModelOutputSpec output) {}
}
