package ai.posespark.eval;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The job's evaluation step: scores the {@code persons} table against ground truth with each requested
 * {@link Metric} and writes its {@code eval/} outputs. Persons are matched to a ground-truth image when its
 * {@code file_name} is a suffix of their {@code uri}; ground-truth images without any person count as images with
 * no detections (pycocotools evaluates over all GT images); persons of frames not in the ground truth are left out
 * and counted.
 */
public final class Evaluator {
  private Evaluator() {}

  /**
   * Evaluates {@code metrics} in registration order ({@link Metrics#STANDARD}) and writes each one's tables and
   * JSON file under {@code evalOutDir}.
   *
   * @param persons    rows of the persons table (COCO-17 keypoints for COCO models)
   * @param gt         ground truth read for these metrics ({@link GroundTruth#load})
   * @param metrics    names in {@code evaluation.metrics}
   * @param evalOutDir output folder, e.g. {@code <out>/eval}
   */
  public static EvalReport evaluate(SparkSession spark, Dataset<Row> persons, GroundTruth gt, List<String> metrics,
      String evalOutDir, EvalSettings settings) {
    List<Metric.Result> results = new ArrayList<>();
    for (Metric m : Metrics.of(metrics)) {
      Metric.Result r = m.evaluatePersons(spark, persons, gt, settings);
      r.write(spark, evalOutDir);
      results.add(r);
    }
    return new EvalReport(results, evalOutDir);
  }
}
