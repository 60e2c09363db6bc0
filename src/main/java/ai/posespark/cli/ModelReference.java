package ai.posespark.cli;

import ai.posespark.model.ModelCatalog;
import ai.posespark.model.ModelEntry;
import ai.posespark.model.ModelStager;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;

/**
 * What {@code --model M} names, resolved to a local file: a catalog name ({@code conf/models.yaml}), a local path
 * to a {@code model.json} or {@code .pt}, or a {@code file:}, {@code hdfs://} or {@code s3a://} URI (remote ones are
 * staged into the model cache by {@link ModelStager}).
 *
 * @param label what the user typed
 * @param format {@code tfjs} or {@code torchscript}
 * @param file the local model file
 */
public record ModelReference(String label, String format, Path file) {

  /** Resolves {@code model}; a name that is neither a catalog entry nor a .json/.pt location is an error. */
  public static ModelReference resolve(String model) throws ModelCliException {
    ModelCatalog catalog = ModelCatalog.bundled();
    ModelEntry entry = catalog.models().get(model);
    String location;
    String format;
    if (entry != null) {
      location = catalog.locate(entry);
      format = entry.format();
    } else if (model.endsWith(".json") || model.endsWith(".pt")) {
      location = model;
      format = model.endsWith(".pt") ? "torchscript" : "tfjs";
    } else {
      throw new ModelCliException("unknown model '" + model + "': not a catalog name ("
          + String.join(", ", catalog.models().keySet()) + ") nor a path or URI ending in .json or .pt");
    }
    try {
      Path local = ModelStager.localize(location, hadoopConf(), catalog.packageFolder().getParent());
      return new ModelReference(model, format, local);
    } catch (IOException | IllegalArgumentException e) {
      throw new ModelCliException("model '" + model + "': " + oneLine(e), e);
    }
  }

  /**
   * Hadoop settings for a remote model: like a job's Spark session, model-cli takes the {@code spark.hadoop.*}
   * JVM system properties (e.g. {@code -Dspark.hadoop.fs.s3a.endpoint=...}) as Hadoop keys without the prefix.
   */
  static Configuration hadoopConf() {
    Configuration conf = new Configuration();
    String prefix = "spark.hadoop.";
    for (String key : System.getProperties().stringPropertyNames()) {
      if (key.startsWith(prefix)) {
        conf.set(key.substring(prefix.length()), System.getProperty(key));
      }
    }
    return conf;
  }

  /** An exception's message on one line (Hadoop and DJL messages may span several). */
  static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
