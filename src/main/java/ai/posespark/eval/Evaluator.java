package ai.posespark.eval;

import ai.posespark.data.CocoDataset;
import ai.posespark.data.FileNameIndex;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job's evaluation step: scores the {@code persons} table against ground truth and writes the {@code eval/}
 * outputs. Persons are matched to a ground-truth image when its {@code file_name} is a suffix of their
 * {@code uri}; ground-truth images without any person count as images with no detections (pycocotools evaluates
 * over all GT images); persons of frames not in the ground truth are left out and counted.
 */
public final class Evaluator {
  private static final Logger LOG = LoggerFactory.getLogger(Evaluator.class);

  private Evaluator() {}

  /**
   * Evaluates and writes {@code coco_summary}, {@code coco_per_keypoint}, {@code coco.json} (metric {@code coco}),
   * {@code pckh_per_joint}, {@code pckh.json} (metric {@code pckh}) and {@code posetrack_mota},
   * {@code posetrack.json} (metric {@code posetrack}, every keypoint submitted) under {@code evalOutDir}.
   *
   * @param persons           rows of the persons table (COCO-17 keypoints for COCO models)
   * @param annotationsUri    ground truth, any Hadoop URI
   * @param annotationsFormat {@code coco | mpii | aic | posetrack}, or null to detect it from the file
   * @param metrics           {@code coco}, {@code pckh}, {@code posetrack}
   * @param evalOutDir        output folder, e.g. {@code <out>/eval}
   */
  public static EvalReport evaluate(SparkSession spark, Dataset<Row> persons, String annotationsUri,
      String annotationsFormat, List<String> metrics, String evalOutDir) {
    long t0 = System.nanoTime();
    GroundTruth gt = GroundTruth.load(annotationsUri, annotationsFormat, metrics,
        spark.sparkContext().hadoopConfiguration());
    LOG.info("evaluation: read {} ground truth {} in {} s", gt.format(), annotationsUri, seconds(t0));
    return evaluate(spark, persons, gt, metrics, evalOutDir);
  }

  /** As {@link #evaluate(SparkSession, Dataset, String, String, List, String)} on ground truth already read. */
  public static EvalReport evaluate(SparkSession spark, Dataset<Row> persons, GroundTruth gt, List<String> metrics,
      String evalOutDir) {
    return evaluate(spark, persons, gt, metrics, evalOutDir, 0);
  }

  /**
   * As {@link #evaluate(SparkSession, Dataset, GroundTruth, List, String)}, with the keypoint threshold of the
   * {@code posetrack} metric: predicted keypoints scoring below {@code minKeypointScore} are not submitted (the
   * job passes {@code model.minKeypointScore}). PoseTrack evaluation follows poseval ({@link PoseTrackRules#POSEVAL}).
   */
  public static EvalReport evaluate(SparkSession spark, Dataset<Row> persons, GroundTruth gt, List<String> metrics,
      String evalOutDir, double minKeypointScore) {
    return evaluate(spark, persons, gt, metrics, evalOutDir, minKeypointScore, PoseTrackRules.POSEVAL);
  }

  /** As {@link #evaluate(SparkSession, Dataset, GroundTruth, List, String, double)} under PoseTrack {@code rules}. */
  public static EvalReport evaluate(SparkSession spark, Dataset<Row> persons, GroundTruth gt, List<String> metrics,
      String evalOutDir, double minKeypointScore, PoseTrackRules rules) {
    CocoMetrics coco = null;
    PckhMetrics pckh = null;
    long unmatched = 0;
    if (GroundTruth.wants(metrics, GroundTruth.COCO)) {
      LongAccumulator noGt = spark.sparkContext().longAccumulator("persons without ground truth");
      JavaRDD<EvalDetection> dts = PersonDetections.of(persons, broadcastIndex(spark, gt.coco()),
          gt.coco().personCategoryId(), noGt);
      long t1 = System.nanoTime();
      coco = SparkCocoEvaluation.evaluate(spark, gt.coco(), dts, OksParams.coco(), 0);
      unmatched = noGt.value();
      LOG.info("evaluation: COCO OKS over {} images in {} s", coco.numImages(), seconds(t1));
      EvalOutputs.writeCoco(spark, coco, gt.coco().keypointNames(), unmatched, evalOutDir);
    }
    if (GroundTruth.wants(metrics, GroundTruth.PCKH)) {
      pckh = PckhEvaluation.evaluatePersons(spark, persons, gt.mpii());
      EvalOutputs.writePckh(spark, pckh, evalOutDir);
    }
    PoseTrackMetrics posetrack = null;
    if (GroundTruth.wants(metrics, GroundTruth.POSETRACK)) {
      long t2 = System.nanoTime();
      LongAccumulator notEvaluated = spark.sparkContext().longAccumulator("posetrack persons not evaluated");
      posetrack = PoseTrackEvaluation.evaluatePersons(spark, persons, gt.posetrack(), minKeypointScore, rules,
          notEvaluated);
      LOG.info("evaluation: PoseTrack over {} sequences in {} s", posetrack.counts().sequences, seconds(t2));
      if (persons.where("track_id >= 0").isEmpty()) {
        LOG.warn("evaluation: no person has a track id (tracking.enabled is false?): MOTA counts every GT joint "
            + "as missed; AP does not need track ids");
      }
      unmatched = Math.max(unmatched, notEvaluated.value());
      EvalOutputs.writePoseTrack(spark, posetrack, notEvaluated.value(), evalOutDir);
    }
    return new EvalReport(coco, pckh, posetrack, unmatched, evalOutDir);
  }

  private static String seconds(long start) {
    return String.format("%.1f", (System.nanoTime() - start) / 1e9);
  }

  private static Broadcast<FileNameIndex> broadcastIndex(SparkSession spark, CocoDataset gt) {
    return JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(FileNameIndex.of(gt));
  }
}
