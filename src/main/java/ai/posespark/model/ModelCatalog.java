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
import java.util.function.UnaryOperator;
import org.apache.hadoop.conf.Configuration;

/**
 * The model catalog ({@code conf/models.yaml}, packaged in the jar as {@code /conf/models.yaml}): maps the names a
 * job file uses to model files and to the recipe that feeds and decodes them.
 */
public final class ModelCatalog {
  /** Env var naming the model cache root; {@code scripts/install-models.sh} installs into it. */
  public static final String MODELS_DIR_ENV = "POSESPARK_MODELS_DIR";

  /** A model file's extension → its format. */
  private static final Map<String, String> FORMATS = Map.of("json", "tfjs", "pt", "torchscript", "onnx", "onnx");

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
      CatalogFile file = parse(in);
      return new ModelCatalog(file.packageDir(), entries(file, f -> f));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read conf/models.yaml", e);
    }
  }

  private static CatalogFile parse(InputStream in) throws IOException {
    return new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .readValue(in, CatalogFile.class);
  }

  private static Map<String, ModelEntry> entries(CatalogFile file, UnaryOperator<String> locateFile) {
    Map<String, ModelEntry> named = new LinkedHashMap<>();
    if (file.models() != null) {
      file.models().forEach((name, e) -> named.put(name, new ModelEntry(name, locateFile.apply(e.file()),
          e.format(), e.input(), e.resize(), e.decoder(), e.keypoints(), e.batch(),
          e.splitBatch() == null ? 1 : e.splitBatch(), e.output(), e.codec())));
    }
    return named;
  }

  /**
   * This catalog with a user's catalog file laid over it ({@code model.catalog}): the file's entries are added,
   * or replace the bundled entry of the same name. A relative {@code file:} in it is relative to the catalog
   * file's folder.
   *
   * @param catalogFile local path or Hadoop URI of a YAML file shaped as {@code conf/models.yaml} ({@code models:}
   *                    map; no {@code package:})
   * @throws IOException when it cannot be read or parsed, with the file named
   */
  public ModelCatalog withUserFile(String catalogFile, Configuration conf) throws IOException {
    CatalogFile file;
    org.apache.hadoop.fs.Path folder;
    try {
      org.apache.hadoop.fs.Path given = new org.apache.hadoop.fs.Path(catalogFile);
      org.apache.hadoop.fs.FileSystem fs = given.getFileSystem(conf);
      org.apache.hadoop.fs.Path path = fs.makeQualified(given);
      folder = path.getParent();
      try (InputStream in = fs.open(path)) {
        file = parse(in);
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new IOException(catalogFile + ": " + e.getMessage(), e);
    }
    Map<String, ModelEntry> merged = new LinkedHashMap<>(models);
    merged.putAll(entries(file, f -> f == null || f.contains(":") || f.startsWith("/") ? f
        : new org.apache.hadoop.fs.Path(folder, f).toString()));
    return new ModelCatalog(packageDir, merged);
  }

  /** Every catalog entry by name, in file order. */
  public Map<String, ModelEntry> models() {
    return models;
  }

  /**
   * Resolves what a job file names: a catalog name, or a path/URI to a model file ({@code .json}, {@code .pt},
   * {@code .onnx}) whose stem is a catalog name (the catalog still says how to feed and decode it).
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
    String format = FORMATS.get(fileName.substring(dot + 1));
    if (byStem == null || dot <= 0 || format == null) {
      return Optional.empty();
    }
    return Optional.of(byStem.withFile(ref, format));
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
                   String keypoints, int batch, Integer splitBatch, ModelOutputSpec output,
                   Map<String, Object> codec) {}
}
