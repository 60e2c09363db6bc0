package ai.posespark.run.bench;

import static org.apache.spark.sql.functions.avg;

import ai.posespark.jobfile.JobSpec;
import ai.posespark.jobfile.JobSpecLoader;
import ai.posespark.model.ModelCache;
import ai.posespark.report.JobSummary;
import ai.posespark.run.PoseJob;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The PoseSpark job in local mode, for {@code scripts/bench.sh}: {@link PoseJob#run} as {@code scripts/submit.sh}
 * runs it (embedded Spark, {@code local[S]}: S task slots in this JVM), on the images given, writing its Parquet
 * tables and results.json. A first run on a few of the images loads the model and warms the JIT, as the loop
 * benchmark's warm-up does; the next runs are timed from the call to its return (listing, planning, inference,
 * tables, results.json, run.json and report.html; no evaluation). With {@code --small} a run on fewer images comes
 * first, and the rate is the marginal one, {@code (N − n) / (T − t)}: what each further image costs, the per-run
 * fixed part (session work, report) cancelled and reported on its own as {@code fixedSeconds}. Prints one JSON line:
 * images/s, the whole big run's images/s, the job's mean ms per stage, CPU utilisation, peak RSS of the JVM (driver
 * and executor in one), model loads.
 *
 * <pre>
 * JobBenchmark --job jobs/quickstart.yaml [--set key=value]... [--slots 2] [--warmup folder] [--small folder]
 *     images-folder out
 * </pre>
 */
public final class JobBenchmark {
  private JobBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path job = Path.of("jobs/quickstart.yaml");
    List<String> overrides = new ArrayList<>();
    List<String> positional = new ArrayList<>();
    int slots = 2;
    String warmup = null;
    String small = null;
    for (int k = 0; k < args.length; k++) {
      switch (args[k]) {
        case "--job" -> job = Path.of(args[++k]);
        case "--set" -> overrides.add(args[++k]);
        case "--slots" -> slots = Integer.parseInt(args[++k]);
        case "--warmup" -> warmup = args[++k];
        case "--small" -> small = args[++k];
        default -> positional.add(args[k]);
      }
    }
    String images = positional.get(0);
    String out = positional.get(1);
    try (SparkSession spark = SparkSession.builder().master("local[" + slots + "]").appName("posespark-bench")
        .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").getOrCreate()) {
      if (warmup != null) {
        PoseJob.run(spark, spec(job, overrides, warmup, out + "/warmup"));
      }
      long smallFrames = 0;
      double smallSeconds = 0;
      if (small != null) {
        long t = System.nanoTime();
        smallFrames = PoseJob.run(spark, spec(job, overrides, small, out + "/small")).frames();
        smallSeconds = (System.nanoTime() - t) / 1e9;
      }
      JobSpec spec = spec(job, overrides, images, out);
      long cpu0 = LoopBenchmark.processCpuNanos();
      long t0 = System.nanoTime();
      JobSummary summary = PoseJob.run(spark, spec);
      double seconds = (System.nanoTime() - t0) / 1e9;
      double cpu = (LoopBenchmark.processCpuNanos() - cpu0) / 1e9;
      double rate = small == null ? summary.frames() / seconds
          : (summary.frames() - smallFrames) / (seconds - smallSeconds);
      ObjectNode line = new ObjectMapper().createObjectNode();
      line.put("benchmark", "job");
      line.put("model", spec.model().pose());
      line.put("slots", slots);
      line.put("images", summary.frames());
      line.put("errors", summary.errors());
      line.put("seconds", seconds);
      line.put("imagesPerSecond", rate);
      line.put("wholeRunImagesPerSecond", summary.frames() / seconds);
      line.put("fixedSeconds", seconds - summary.frames() / rate);
      line.put("cpuUtilisation", cpu / (seconds * Runtime.getRuntime().availableProcessors()));
      line.put("peakRssMb", LoopBenchmark.peakRssKb() / 1024.0);
      line.put("modelLoads", ModelCache.loads());
      line.put("modelLoadsPerExecutor", summary.increment().toString());
      ObjectNode stages = line.putObject("msPerStage");
      Dataset<Row> frames = spark.read().parquet(summary.runDir() + "/frames").where("status = 'ok'");
      List<String> columns = Arrays.stream(frames.columns())
          .filter(c -> c.endsWith("_ms") && !"timestamp_ms".equals(c)).toList();
      // every stage's mean in one pass over the table
      Row means = frames.agg(avg(columns.get(0)), columns.stream().skip(1).map(c -> avg(c)).toArray(Column[]::new))
          .first();
      for (int i = 0; i < columns.size(); i++) {
        String c = columns.get(i);
        stages.put(c.substring(0, c.length() - 3), means.isNullAt(i) ? Double.NaN : means.getDouble(i));
      }
      System.out.println(line);
    }
    System.exit(0);
  }

  private static JobSpec spec(Path job, List<String> overrides, String images, String out) throws Exception {
    List<String> all = new ArrayList<>(overrides);
    Files.createDirectories(Path.of(out));
    all.addAll(List.of("name=bench", "input.paths=[" + images + "]", "input.annotations=", "evaluation.metrics=[]",
        "output.path=" + out, "output.mode=overwrite"));
    return JobSpecLoader.load(job, all);
  }
}
