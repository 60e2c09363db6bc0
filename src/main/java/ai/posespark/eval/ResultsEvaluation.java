package ai.posespark.eval;

import ai.posespark.data.CocoResultsReader;
import ai.posespark.data.ImageInfo;
import ai.posespark.data.MpiiPredictionsReader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * {@code input.kind: results}: evaluates an existing results file (no model run) and writes the same
 * {@code eval/} outputs as {@link Evaluator}. COCO: a COCO keypoint results JSON
 * ({@code [{image_id, category_id, keypoints, score}]}, e.g. from another tool), read with pycocotools'
 * {@code loadRes} rules. PCKh: predictions in the {@code {"predictions": [{id, image, joints}]}} layout, matched
 * to the MPII ground truth by person id, in the ground truth's pixel frame.
 */
public final class ResultsEvaluation {
  private ResultsEvaluation() {}

  /**
   * Evaluates {@code resultsUri} against {@code annotationsUri} and writes under {@code evalOutDir}.
   *
   * @param format ground-truth format ({@code coco | mpii | aic | posetrack}) or null to detect
   * @param metrics {@code coco} or {@code pckh}
   */
  public static EvalReport evaluateResultsFile(SparkSession spark, String resultsUri, String annotationsUri,
      String format, List<String> metrics, String evalOutDir) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    if (GroundTruth.wants(metrics, GroundTruth.POSETRACK)) {
      throw new IllegalArgumentException("evaluation.metrics: posetrack evaluates a job's persons table (track "
          + "ids), not a results file");
    }
    GroundTruth gt = GroundTruth.load(annotationsUri, format, metrics, conf);
    CocoMetrics coco = null;
    PckhMetrics pckh = null;
    long withoutGroundTruth = 0;
    if (GroundTruth.wants(metrics, GroundTruth.COCO)) {
      Set<Long> imageIds = new HashSet<>();
      for (ImageInfo im : gt.coco().images()) {
        imageIds.add(im.id());
      }
      ResultDetections.Matched dts = ResultDetections.of(resultsUri, CocoResultsReader.read(resultsUri, conf),
          imageIds);
      withoutGroundTruth = dts.withoutGroundTruth();
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      coco = SparkCocoEvaluation.evaluate(spark, gt.coco(), jsc.parallelize(dts.detections()), OksParams.coco(), 0);
      EvalOutputs.writeCoco(spark, coco, gt.coco().keypointNames(), withoutGroundTruth, evalOutDir);
    }
    if (GroundTruth.wants(metrics, GroundTruth.PCKH)) {
      pckh = PckhEvaluation.evaluatePredictions(spark, gt.mpii(), MpiiPredictionsReader.read(resultsUri, conf),
          resultsUri);
      EvalOutputs.writePckh(spark, pckh, evalOutDir);
    }
    return new EvalReport(coco, pckh, withoutGroundTruth, evalOutDir);
  }
}
