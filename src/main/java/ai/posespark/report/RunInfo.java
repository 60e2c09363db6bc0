package ai.posespark.report;

import ai.posespark.jobfile.JobSpec;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * {@code run.json} beside the tables: what the tables alone cannot say about a run — the job as run (after
 * {@code --set}), versions, the Spark master and device asked for, when it finished and its wall time. The report
 * reads it back; a run folder without one (an older run) gets a report without these lines.
 */
public final class RunInfo {
  /** The file's name in the run folder. */
  public static final String FILE = "run.json";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunInfo() {}

  /** Writes {@code run.json} for {@code spec}'s finished run. */
  public static void write(SparkSession spark, JobSpec spec, JobSummary summary) throws IOException {
    ObjectNode json = JSON.createObjectNode();
    json.put("run", spec.name());
    json.put("finished", Instant.now().toString());
    json.put("seconds", summary.seconds());
    json.put("frames", summary.frames());
    json.put("errors", summary.errors());
    json.put("persons", summary.persons());
    if (spec.model() != null) {
      json.put("pipeline", spec.model().pipeline());
      json.put("model", spec.model().pose());
    }
    json.put("device", String.valueOf(spec.execution().device()).toLowerCase());
    json.put("master", spark.sparkContext().master());
    json.put("default_parallelism", spark.sparkContext().defaultParallelism());
    ObjectNode versions = json.putObject("versions");
    versions().forEach(versions::put);
    json.put("job", jobYaml(spec));
    Path path = new Path(summary.runDir() + "/" + FILE);
    try (OutputStream out = RunFiles.create(path, spark.sparkContext().hadoopConfiguration())) {
      JSON.writeValue(out, json);
    }
  }

  /** {@code run.json} of {@code runDir}, or null when the run wrote none. */
  static JsonNode read(SparkSession spark, String runDir) throws IOException {
    return EvalPlots.readJson(spark, runDir + "/" + FILE);
  }

  /** The job file as run: the validated spec written back as YAML. */
  static String jobYaml(JobSpec spec) {
    try {
      return new ObjectMapper(new YAMLFactory()).setSerializationInclusion(JsonInclude.Include.NON_NULL)
          .writeValueAsString(spec);
    } catch (IOException | RuntimeException e) {
      return spec.toString();
    }
  }

  /** PoseSpark, Spark, DJL, Java and OS versions of this JVM. */
  static Map<String, String> versions() {
    Map<String, String> v = new LinkedHashMap<>();
    String own = RunInfo.class.getPackage().getImplementationVersion();
    v.put("posespark", own != null ? own : "dev");
    v.put("spark", org.apache.spark.package$.MODULE$.SPARK_VERSION());
    v.put("djl", ai.djl.engine.Engine.getDjlVersion());
    v.put("java", System.getProperty("java.version"));
    v.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    return v;
  }
}
