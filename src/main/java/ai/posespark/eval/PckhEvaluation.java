package ai.posespark.eval;

import ai.posespark.data.AnnotationFormatException;
import ai.posespark.data.FileNameIndex;
import ai.posespark.data.Mpii16;
import ai.posespark.data.MpiiDataset;
import ai.posespark.data.MpiiPerson;
import ai.posespark.data.MpiiPrediction;
import ai.posespark.sink.Columns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;

/**
 * MPII PCKh (single-person protocol) on Spark: from a predictions file (matched by person id) or from the job's
 * persons table (matched per image, see {@link #assign}).
 */
public final class PckhEvaluation {
  private PckhEvaluation() {}

  /**
   * PCKh of predictions matched to GT persons by {@code id}, coordinates compared as they are (same frame).
   * A GT person without a prediction counts all its annotated joints as wrong; a prediction whose id is not in
   * the ground truth is an error.
   */
  public static PckhMetrics evaluatePredictions(SparkSession spark, MpiiDataset gt, List<MpiiPrediction> preds,
      String predictionsFile) {
    Map<Long, double[][]> byId = new HashMap<>();
    Map<Long, MpiiPerson> gtById = new HashMap<>();
    gt.persons().forEach(p -> gtById.put(p.id(), p));
    for (int i = 0; i < preds.size(); i++) {
      MpiiPrediction p = preds.get(i);
      if (!gtById.containsKey(p.id())) {
        throw new AnnotationFormatException(predictionsFile, "predictions[" + i + "] (id "
            + p.id() + ")", "id", "no ground-truth person with this id in " + gt.source());
      }
      byId.put(p.id(), p.joints());
    }
    List<Tuple2<MpiiPerson, double[][]>> pairs = new ArrayList<>();
    gt.persons().forEach(p -> pairs.add(new Tuple2<>(p, byId.get(p.id()))));
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    PckhCounts counts = jsc.parallelize(pairs).aggregate(new PckhCounts(),
        (c, pair) -> c.add(pair._1(), pair._2()), PckhCounts::merge);
    return counts.result(false);
  }

  /**
   * PCKh of the persons table against MPII ground truth. Persons are matched to an MPII image when its file name
   * is a suffix of their {@code uri}; COCO-17 keypoints are mapped with {@link Mpii16#fromCoco17} (16-keypoint
   * persons are taken as MPII order) and shifted by the ground truth's coordinate origin (0-based pixels → MPII's
   * 1-based). Inside an image, GT persons and predictions are paired by {@link #assign}.
   */
  public static PckhMetrics evaluatePersons(SparkSession spark, Dataset<Row> persons, MpiiDataset gt) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    FileNameIndex index = new FileNameIndex();
    Map<String, Long> imageIds = new HashMap<>();
    List<Tuple2<Long, MpiiPerson>> gtPairs = new ArrayList<>();
    for (MpiiPerson p : gt.persons()) {
      long id = imageIds.computeIfAbsent(p.image(), k -> (long) imageIds.size());
      index.put(p.image(), id);
      gtPairs.add(new Tuple2<>(id, p));
    }
    Broadcast<FileNameIndex> bIndex = jsc.broadcast(index);
    LongAccumulator fromCoco = spark.sparkContext().longAccumulator("pckh persons from COCO-17");
    double shift = gt.coordinateOrigin();
    JavaRDD<Tuple2<Long, double[][]>> preds = persons.select(Columns.URI, Columns.KEYPOINTS).javaRDD().flatMap(row -> {
      Long id = bIndex.value().lookup(row.getString(0));
      if (id == null) {
        return Collections.emptyIterator();
      }
      double[] kp = PersonDetections.keypoints(row.getList(1));
      double[][] joints = mpiiJoints(kp, shift, fromCoco);
      return List.of(new Tuple2<>(id, joints)).iterator();
    });
    JavaPairRDD<Long, MpiiPerson> g = jsc.parallelizePairs(gtPairs);
    JavaPairRDD<Long, double[][]> d = JavaPairRDD.fromJavaRDD(preds);
    PckhCounts counts = g.cogroup(d).aggregate(new PckhCounts(), (c, group) -> {
      List<MpiiPerson> gts = new ArrayList<>();
      group._2()._1().forEach(gts::add);
      List<double[][]> ps = new ArrayList<>();
      group._2()._2().forEach(ps::add);
      int[] match = assign(gts, ps);
      for (int i = 0; i < gts.size(); i++) {
        c.add(gts.get(i), match[i] < 0 ? null : ps.get(match[i]));
      }
      return c;
    }, PckhCounts::merge);
    return counts.result(fromCoco.value() > 0);
  }

  private static double[][] mpiiJoints(double[] kp, double shift, LongAccumulator fromCoco) {
    int k = kp.length / 3;
    double[] x = new double[k], y = new double[k];
    for (int i = 0; i < k; i++) {
      x[i] = kp[3 * i] + shift;
      y[i] = kp[3 * i + 1] + shift;
    }
    if (k == Mpii16.K) {
      double[][] out = new double[k][];
      for (int i = 0; i < k; i++) {
        out[i] = new double[] {x[i], y[i]};
      }
      return out;
    }
    if (k != 17) {
      throw new IllegalArgumentException("PCKh needs COCO-17 or MPII-16 keypoints, a person has " + k);
    }
    fromCoco.add(1);
    return Mpii16.fromCoco17(x, y);
  }

  /**
   * Pairs GT persons with predictions of the same image: greedily, cheapest pair first, where the cost is the
   * mean head-normalised distance over the GT person's annotated joints; each side is used at most once.
   *
   * @return for each GT person the index of its prediction, or -1
   */
  static int[] assign(List<MpiiPerson> gts, List<double[][]> preds) {
    List<double[]> pairs = new ArrayList<>(); // cost, gt, pred
    for (int i = 0; i < gts.size(); i++) {
      MpiiPerson g = gts.get(i);
      double head = g.headSize();
      for (int k = 0; k < preds.size(); k++) {
        double sum = 0;
        int n = 0;
        for (int j = 0; j < Mpii16.K; j++) {
          if (g.visible()[j]) {
            sum += PckhCounts.normalisedDistance(g, preds.get(k), j, head > 0 ? head : 1);
            n++;
          }
        }
        pairs.add(new double[] {n == 0 ? Double.MAX_VALUE : sum / n, i, k});
      }
    }
    pairs.sort((a, b) -> Double.compare(a[0], b[0]));
    int[] match = new int[gts.size()];
    Arrays.fill(match, -1);
    boolean[] used = new boolean[preds.size()];
    for (double[] p : pairs) {
      int i = (int) p[1], k = (int) p[2];
      if (match[i] < 0 && !used[k]) {
        match[i] = k;
        used[k] = true;
      }
    }
    return match;
  }
}
