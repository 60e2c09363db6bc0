package ai.posespark.eval;

import ai.posespark.data.CocoDataset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * COCO keypoint evaluation on Spark: ground truth and detections are co-grouped by (image, category), each group
 * is evaluated on an executor ({@link ImageEvaluator}), and the per-image records are aggregated with
 * {@link CocoAccumulator} (zero / add / merge); precision and recall are computed on the driver.
 */
public final class SparkCocoEvaluation {
  private SparkCocoEvaluation() {}

  /**
   * Evaluates {@code dts} against {@code gt}.
   *
   * @param partitions number of partitions of the per-image step; {@code <= 0} for Spark's default parallelism
   */
  public static CocoMetrics evaluate(SparkSession spark, CocoDataset gt, JavaRDD<EvalDetection> dts, OksParams p,
      int partitions) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int n = partitions > 0 ? partitions : jsc.defaultParallelism();
    List<Integer> cats = CocoEvaluation.categoryIds(gt);
    Set<Integer> catSet = new HashSet<>(cats);
    JavaPairRDD<CocoEvaluation.ImageKey, EvalGt> gts = jsc.parallelize(CocoEvaluation.groundTruth(gt), n)
        .mapToPair(g -> new Tuple2<>(new CocoEvaluation.ImageKey(g.imageId(), g.categoryId()), g));
    JavaPairRDD<CocoEvaluation.ImageKey, EvalDetection> ds = dts
        .filter(d -> catSet.contains(d.categoryId()))
        .mapToPair(d -> new Tuple2<>(new CocoEvaluation.ImageKey(d.imageId(), d.categoryId()), d));
    JavaRDD<ImageEvalResult> perImage = gts.cogroup(ds, n).map(group -> ImageEvaluator.evaluate(
        group._1().imageId(), group._1().categoryId(), list(group._2()._1()), list(group._2()._2()), p));
    CocoAccumulator acc = perImage.aggregate(new CocoAccumulator(p, cats),
        (a, r) -> {
          a.add(r);
          return a;
        },
        CocoAccumulator::merge);
    return acc.result();
  }

  private static <T> List<T> list(Iterable<T> it) {
    List<T> out = new ArrayList<>();
    it.forEach(out::add);
    return out;
  }
}
