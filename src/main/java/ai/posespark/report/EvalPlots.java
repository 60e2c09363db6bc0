package ai.posespark.report;

import ai.posespark.eval.Metric;
import ai.posespark.eval.Metrics;
import ai.posespark.eval.TablePlot;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The evaluation plots of a run, from its {@code eval/} tables and {@code coco.json}: COCO precision/recall curves
 * per OKS threshold, AP and AR per threshold and by area, then each registered metric's {@link Metric#plots} (per
 * keypoint rates, PCKh per joint, PoseTrack MOTA and AP per joint). A metric the run did not compute gives no plot.
 */
final class EvalPlots {
  /** One plot: a title and its PNG. */
  record Plot(String title, byte[] png) {}

  private EvalPlots() {}

  /** The plots for the run in {@code runDir} whose tables are open as views ({@link RunTables#open}). */
  static List<Plot> of(SparkSession spark, String runDir, List<String> views) throws IOException {
    List<Plot> plots = new ArrayList<>();
    JsonNode coco = readJson(spark, runDir + "/eval/coco.json");
    if (coco != null) {
      cocoCurves(coco, plots);
    }
    if (views.contains("coco_summary")) {
      Map<String, List<Double>> series = new LinkedHashMap<>();
      for (String metric : List.of("AP", "AR")) {
        series.put(metric, column(spark, "SELECT CASE WHEN value < 0 THEN NULL ELSE value END FROM coco_summary "
            + "WHERE metric = '" + metric + "' AND oks = '0.50:0.95' ORDER BY stat_index"));
      }
      plots.add(new Plot("COCO AP and AR by object area (OKS 0.50:0.95)",
          Charts.bars("AP / AR by area", "", List.of("all", "medium", "large"), series)));
    }
    for (String name : Metrics.STANDARD.names()) {
      for (TablePlot p : Metrics.STANDARD.get(name).plots()) {
        if (views.contains(p.table())) {
          plots.add(new Plot(p.title(), Charts.bars(p.chart(), p.yLabel(), strings(spark, "SELECT "
              + p.labelColumn() + " FROM " + p.table() + " ORDER BY " + p.orderColumn()),
              series(spark, p.table(), p.orderColumn(), p.series().toArray(String[]::new)))));
        }
      }
    }
    return plots;
  }

  private static void cocoCurves(JsonNode coco, List<Plot> plots) throws IOException {
    JsonNode curves = coco.path("precision_at_recall");
    if (curves.isObject()) {
      Map<String, double[][]> series = new LinkedHashMap<>();
      for (String oks : List.of("0.50", "0.75", "0.85", "0.95")) {
        JsonNode c = curves.path(oks);
        double[][] points = new double[c.size()][];
        for (int r = 0; r < c.size(); r++) {
          points[r] = new double[] {r / (double) (c.size() - 1), c.get(r).asDouble()};
        }
        series.put("OKS " + oks, points);
      }
      plots.add(new Plot("COCO precision / recall per OKS threshold (area all, maxDets 20)",
          Charts.lines("precision / recall", "recall", "precision", series)));
    }
    Map<String, double[][]> perThreshold = new LinkedHashMap<>();
    for (String kind : List.of("ap", "ar")) {
      JsonNode all = coco.path(kind + "_per_oks_by_area").path("all");
      List<double[]> points = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = all.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        points.add(new double[] {Double.parseDouble(e.getKey()), e.getValue().asDouble()});
      }
      perThreshold.put(kind.toUpperCase(), points.toArray(double[][]::new));
    }
    plots.add(new Plot("COCO AP and AR per OKS threshold (area all)",
        Charts.lines("AP / AR per OKS threshold", "OKS threshold", "", perThreshold)));
  }

  private static Map<String, List<Double>> series(SparkSession spark, String table, String order, String... cols) {
    Map<String, List<Double>> out = new LinkedHashMap<>();
    for (String c : cols) {
      out.put(c, column(spark, "SELECT " + c + " FROM " + table + " ORDER BY " + order));
    }
    return out;
  }

  private static List<Double> column(SparkSession spark, String sql) {
    return spark.sql(sql).collectAsList().stream().map(r -> r.isNullAt(0) ? null : ((Number) r.get(0))
        .doubleValue()).toList();
  }

  private static List<String> strings(SparkSession spark, String sql) {
    return spark.sql(sql).collectAsList().stream().map(r -> r.getString(0)).toList();
  }

  /** A JSON file of the run, or null when absent. */
  static JsonNode readJson(SparkSession spark, String file) throws IOException {
    if (!RunTables.exists(spark, file)) {
      return null;
    }
    Path p = new Path(file);
    try (InputStream in = p.getFileSystem(spark.sparkContext().hadoopConfiguration()).open(p)) {
      return new ObjectMapper().readTree(in);
    }
  }
}
