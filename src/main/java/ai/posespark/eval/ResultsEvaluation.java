package ai.posespark.eval;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * {@code input.kind: results}: evaluates an existing results file (no model run) and writes the same
 * {@code eval/} outputs as {@link Evaluator}, each metric reading the file in its own layout
 * ({@link Metric#evaluateResultsFile}).
 */
public final class ResultsEvaluation {
  private ResultsEvaluation() {}

  /**
   * Evaluates {@code resultsUri} against {@code annotationsUri} and writes under {@code evalOutDir}.
   *
   * @param format ground-truth format ({@code coco | mpii | aic | posetrack}) or null to detect
   * @param metrics metrics that read results files ({@code coco}, {@code pckh})
   */
  public static EvalReport evaluateResultsFile(SparkSession spark, String resultsUri, String annotationsUri,
      String format, List<String> metrics, String evalOutDir) {
    List<Metric> wanted = Metrics.of(metrics);
    for (Metric m : wanted) {
      if (m.refusesResultsFile() != null) {
        throw new IllegalArgumentException("evaluation.metrics: " + m.name() + " " + m.refusesResultsFile());
      }
    }
    GroundTruth gt = GroundTruth.load(annotationsUri, format, metrics, spark.sparkContext().hadoopConfiguration());
    List<Metric.Result> results = new ArrayList<>();
    for (Metric m : wanted) {
      Metric.Result r = m.evaluateResultsFile(spark, resultsUri, gt);
      r.write(spark, evalOutDir);
      results.add(r);
    }
    return new EvalReport(results, evalOutDir);
  }
}
