package ai.posespark.eval;

import ai.posespark.data.AnnotationFormat;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One evaluation metric ({@code evaluation.metrics}): which ground truth it needs, how it scores a run's persons
 * table or a results file, and its outputs under {@code eval/}. {@link Metrics#STANDARD} lists them; a new metric
 * is a class implementing this and a line there.
 */
public interface Metric {
  /** Its name in {@code evaluation.metrics}, lower case. */
  String name();

  /** The Parquet tables it writes under {@code eval/}, each opened as a view of the same name by the report. */
  List<String> tables();

  /** The run report's bar charts of this metric's tables; none by default. */
  default List<TablePlot> plots() {
    return List.of();
  }

  /**
   * Fails when ground truth in {@code format} cannot score this metric.
   *
   * @throws IllegalArgumentException naming {@code evaluation.metrics}, the metric and the format
   */
  void checkGroundTruth(AnnotationFormat format, String uri);

  /** Scores a run's {@code persons} table against {@code gt}. */
  Result evaluatePersons(SparkSession spark, Dataset<Row> persons, GroundTruth gt, EvalSettings settings);

  /** Why it cannot score a results file ({@code input.kind: results}), or null when it can. */
  default String refusesResultsFile() {
    return null;
  }

  /** Scores the results file {@code resultsUri} against {@code gt}; only when {@link #refusesResultsFile} is null. */
  default Result evaluateResultsFile(SparkSession spark, String resultsUri, GroundTruth gt) {
    throw new UnsupportedOperationException(name() + " " + refusesResultsFile());
  }

  /** What a metric computed: its numbers, which it writes under {@code eval/} and sums up in one line. */
  interface Result {
    /** The metric's own numbers ({@link CocoMetrics}, {@link PckhMetrics}, {@link PoseTrackMetrics}). */
    Object numbers();

    /** Persons (or results) of frames the ground truth does not hold, left out. */
    long personsWithoutGroundTruth();

    /** Writes the metric's tables and JSON file under {@code dir}. */
    void write(SparkSession spark, String dir);

    /** One line for the log, e.g. {@code COCO keypoints (maxDets 20): AP=0.5355 ...}. */
    String summary();
  }
}
