package ai.posespark.report;

import ai.posespark.sink.OutputSchema;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * {@code report.html} of a run, built from its tables (and {@code run.json}, {@code eval/*.json}): one
 * self-contained page — styles inline, every picture a data URI, no script — that opens from disk. Sections: the
 * run (counts, timings per stage, versions, the job as run), sample frames with skeletons, boxes, scores and track
 * ids, the error frames with their reasons, and the evaluation's plots.
 */
public final class RunReport {
  /** The report's file name in the run folder. */
  public static final String FILE = "report.html";
  /** Sample frames drawn in the grid. */
  static final int SAMPLES = 12;
  /** Error frames listed one by one (the reasons' counts cover them all). */
  static final int ERRORS_LISTED = 100;

  private RunReport() {}

  /** Builds {@code runDir/report.html} from the run's tables (a fine-tuning run: its training summary). */
  public static String write(SparkSession spark, String runDir) throws IOException {
    // a fine-tuning run has no tables, only its training summary
    JsonNode training = TrainingPage.read(spark, runDir);
    List<String> views = training != null ? List.of() : RunTables.open(spark, runDir);
    JsonNode info = RunInfo.read(spark, runDir);
    String name = info != null ? info.path("run").asText() : new Path(runDir).getName();
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>PoseSpark report: ").append(Html.escape(name)).append("</title><style>").append(Html.STYLE)
        .append("</style></head><body>\n<h1>PoseSpark run <code>").append(Html.escape(name)).append("</code></h1>\n")
        .append("<p class=\"muted\">").append(Html.escape(runDir)).append(" · report built ")
        .append(Instant.now()).append("</p>\n");
    html.append(runSection(spark, views, info));
    if (training != null) {
      html.append(TrainingPage.body(training));
    }
    if (views.contains(OutputSchema.FRAMES)) {
      html.append(samplesSection(spark));
      html.append(errorsSection(spark));
    }
    html.append(evaluationSection(spark, runDir, views));
    if (info != null) {
      html.append("<h2>Job file as run</h2>\n<pre>").append(Html.escape(info.path("job").asText()))
          .append("</pre>\n");
    }
    html.append("</body></html>\n");
    String file = runDir + "/" + FILE;
    Path path = new Path(file);
    try (OutputStream out = RunFiles.create(path, spark.sparkContext().hadoopConfiguration())) {
      out.write(html.toString().getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  private static String runSection(SparkSession spark, List<String> views, JsonNode info) {
    List<List<?>> rows = new ArrayList<>();
    if (views.contains(OutputSchema.FRAMES)) {
      Row c = spark.sql("SELECT count(*), sum(CASE WHEN status = 'ok' THEN 1 ELSE 0 END), "
          + "sum(CASE WHEN status = 'error' THEN 1 ELSE 0 END), sum(n_persons), "
          + "concat_ws(', ', collect_set(model)) FROM frames").first();
      rows.add(List.of("frames", c.getLong(0) + " (" + c.getLong(1) + " ok, " + c.getLong(2) + " error)"));
      if (Arrays.asList(spark.table(OutputSchema.FRAMES).columns()).contains("note")) {
        // a stage that did not work as configured (the ILP grouper's greedy fallback) notes why in the row
        long noted = spark.sql("SELECT count(note) FROM frames").first().getLong(0);
        rows.add(List.of("frames with a note", noted + (noted == 0 ? ""
            : " (a fallback stood in; why: SELECT note, count(*) FROM frames GROUP BY note)")));
      }
      rows.add(List.of("persons", c.isNullAt(3) ? 0 : c.getLong(3)));
      rows.add(List.of("model (frames)", c.getString(4)));
      if (Arrays.asList(spark.table(OutputSchema.FRAMES).columns()).contains("device")) {
        // what ran the model, as the frame rows say (the job file's device is only what was asked for)
        Row d = spark.sql("SELECT concat_ws(', ', collect_set(device)) FROM frames WHERE device IS NOT NULL")
            .first();
        rows.add(List.of("device (frames)", d.isNullAt(0) ? "" : d.getString(0)));
      }
    }
    if (info != null) {
      for (String key : List.of("pipeline", "model", "device", "master", "default_parallelism", "finished")) {
        if (info.has(key)) {
          rows.add(List.of("device".equals(key) ? "device asked for" : key, info.get(key).asText()));
        }
      }
      double seconds = info.path("seconds").asDouble();
      rows.add(List.of("wall time", RateFormat.seconds(seconds)));
      if (seconds > 0 && info.path("frames").asLong() > 0) {
        rows.add(List.of("throughput", RateFormat.perSecond(info.path("frames").asLong() / seconds, "frames")));
      }
      info.path("versions").fields().forEachRemaining(e -> rows.add(List.of(e.getKey() + " version",
          e.getValue().asText())));
    }
    StringBuilder sb = new StringBuilder("<h2>Run</h2>\n").append(Html.table(List.of("", ""), rows));
    if (views.contains(OutputSchema.FRAMES)) {
      sb.append("<h3>Time per stage (ok frames)</h3>\n").append(stageTable(spark));
    }
    return sb.toString();
  }

  private static String stageTable(SparkSession spark) {
    // the stage columns: <stage>_ms doubles (timestamp_ms is a frame's time in its video, not a stage)
    List<String> stages = Arrays.stream(spark.table(OutputSchema.FRAMES).schema().fields())
        .filter(f -> f.name().endsWith("_ms") && f.dataType().equals(DataTypes.DoubleType))
        .map(StructField::name).toList();
    List<List<?>> rows = new ArrayList<>();
    for (String col : stages) {
      Row r = spark.sql("SELECT avg(" + col + "), sum(" + col + "), max(" + col + ") FROM frames "
          + "WHERE status = 'ok'").first();
      if (!r.isNullAt(0)) {
        rows.add(List.of(col.substring(0, col.length() - 3), String.format("%.1f", r.getDouble(0)),
            String.format("%.1f", r.getDouble(2)), String.format("%.1f", r.getDouble(1) / 1000)));
      }
    }
    return Html.table(List.of("stage", "mean ms", "max ms", "total s (all tasks)"), rows);
  }

  private static String samplesSection(SparkSession spark) {
    StringBuilder sb = new StringBuilder("<h2>Sample frames</h2>\n<p class=\"muted\">The ok frames with the most "
        + "people; boxes dashed, keypoints with score ≥ " + SkeletonPainter.MIN_KEYPOINT_SCORE
        + ", labels #index score and t&lt;track id&gt;.</p>\n<div class=\"grid\">\n");
    List<SampleFrames.Drawn> drawn = SampleFrames.draw(spark, null, "n_persons DESC, uri, frame_index", SAMPLES,
        480);
    for (SampleFrames.Drawn d : drawn) {
      Row f = d.frame();
      String caption = f.getString(1) + (f.isNullAt(3) ? "" : " frame " + f.getInt(2)) + " · " + f.getInt(6)
          + " persons" + (d.decoded() ? "" : " · (file no longer decodes: skeletons on a blank canvas)");
      sb.append("<figure>").append(Html.jpeg(d.image(), caption)).append("<figcaption>")
          .append(Html.escape(caption)).append("</figcaption></figure>\n");
    }
    if (drawn.isEmpty()) {
      sb.append("<p>No ok frame.</p>");
    }
    return sb.append("</div>\n").toString();
  }

  private static String errorsSection(SparkSession spark) {
    List<Row> reasons = spark.sql("SELECT error, count(*) AS n FROM frames WHERE status = 'error' GROUP BY error "
        + "ORDER BY n DESC, error").collectAsList();
    StringBuilder sb = new StringBuilder("<h2>Error frames</h2>\n");
    if (reasons.isEmpty()) {
      return sb.append("<p>No frame failed.</p>\n").toString();
    }
    sb.append(Html.table(List.of("reason", "frames"), reasons.stream()
        .<List<?>>map(r -> List.of(String.valueOf(r.get(0)), r.getLong(1))).toList()));
    List<Row> frames = spark.sql("SELECT uri, frame_index, error FROM frames WHERE status = 'error' "
        + "ORDER BY uri, frame_index LIMIT " + ERRORS_LISTED).collectAsList();
    sb.append(Html.table(List.of("uri", "frame", "error"), frames.stream()
        .<List<?>>map(r -> List.of(r.getString(0), r.getInt(1), String.valueOf(r.get(2)))).toList()));
    return sb.toString();
  }

  private static String evaluationSection(SparkSession spark, String runDir, List<String> views)
      throws IOException {
    List<EvalPlots.Plot> plots = EvalPlots.of(spark, runDir, views);
    StringBuilder sb = new StringBuilder("<h2>Evaluation</h2>\n");
    if (views.contains("coco_summary")) {
      List<Row> stats = spark.sql("SELECT name, value FROM coco_summary ORDER BY stat_index").collectAsList();
      sb.append(Html.table(stats.stream().map(r -> r.getString(0)).toList(),
          List.of(stats.stream().map(r -> r.getDouble(1) < 0 ? "-" : String.format("%.3f", r.getDouble(1)))
              .toList())));
    }
    if (plots.isEmpty()) {
      return sb.append("<p>This run was not evaluated (no <code>input.annotations</code> and "
          + "<code>evaluation.metrics</code>).</p>\n").toString();
    }
    sb.append("<div class=\"plots\">\n");
    for (EvalPlots.Plot p : plots) {
      sb.append("<h3>").append(Html.escape(p.title())).append("</h3>\n").append(Html.img(p.png(), "image/png",
          p.title())).append('\n');
    }
    return sb.append("</div>\n").toString();
  }
}
