package ai.posespark.eval;

import static ai.posespark.eval.EvalFiles.ratio;

import ai.posespark.data.AnnotationFormat;
import ai.posespark.data.CocoResultsReader;
import ai.posespark.data.FileNameIndex;
import ai.posespark.data.ImageInfo;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code coco}: COCO keypoint AP/AR by OKS (pycocotools' rules, {@link SparkCocoEvaluation}) on COCO-like ground
 * truth (COCO, AIC converted to COCO-17, PoseTrack18). Writes {@code coco_summary}, {@code coco_per_keypoint} and
 * {@code coco.json}.
 */
public final class CocoMetric implements Metric {
  public static final String NAME = "coco";
  private static final Logger LOG = LoggerFactory.getLogger(CocoMetric.class);

  /** {@code coco_summary}: the 10 stats, one row each, in pycocotools' order. */
  public static final StructType COCO_SUMMARY = new StructType()
      .add("stat_index", DataTypes.IntegerType, false)
      .add("name", DataTypes.StringType, false)        // AP, AP50, ..., AR_L
      .add("metric", DataTypes.StringType, false)      // AP | AR
      .add("oks", DataTypes.StringType, false)         // 0.50:0.95 | 0.50 | 0.75
      .add("area", DataTypes.StringType, false)        // all | medium | large
      .add("max_dets", DataTypes.IntegerType, false)
      .add("value", DataTypes.DoubleType, false);      // -1 where no GT falls in the area range

  /** {@code coco_per_keypoint}: see {@link KeypointStats}; rates are fractions in [0, 1]. */
  public static final StructType COCO_PER_KEYPOINT = new StructType()
      .add("keypoint_index", DataTypes.IntegerType, false)
      .add("keypoint", DataTypes.StringType, false)
      .add("sigma", DataTypes.DoubleType, false)
      .add("labelled", DataTypes.LongType, false)          // labelled points of non-ignored GT persons
      .add("matched", DataTypes.LongType, false)           // ... whose person matched a detection at OKS 0.5
      .add("person_match_rate", DataTypes.DoubleType, true) // matched / labelled
      .add("detection_rate", DataTypes.DoubleType, true)   // points placed with OKS term >= 0.5 / labelled
      .add("oks_term_mean", DataTypes.DoubleType, true)    // mean exp(-e) over matched points
      .add("oks_term_ge_50", DataTypes.DoubleType, true)   // fraction of matched points with exp(-e) >= 0.5
      .add("oks_term_ge_75", DataTypes.DoubleType, true)
      .add("pck_05", DataTypes.DoubleType, true)           // distance <= 0.05 x max(GT box w, h), of matched
      .add("pck_10", DataTypes.DoubleType, true)
      .add("pck_20", DataTypes.DoubleType, true);

  private static final String[] STAT_OKS = {"0.50:0.95", "0.50", "0.75", "0.50:0.95", "0.50:0.95",
      "0.50:0.95", "0.50", "0.75", "0.50:0.95", "0.50:0.95"};
  private static final String[] STAT_AREA = {"all", "all", "all", "medium", "large",
      "all", "all", "all", "medium", "large"};

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> tables() {
    return List.of("coco_summary", "coco_per_keypoint");
  }

  @Override
  public List<TablePlot> plots() {
    return List.of(new TablePlot("Per keypoint: how often each joint is placed well (COCO)", "per keypoint",
        "fraction", "coco_per_keypoint", "keypoint", "keypoint_index",
        List.of("detection_rate", "oks_term_mean", "pck_10")));
  }

  @Override
  public void checkGroundTruth(AnnotationFormat format, String uri) {
    if (format == AnnotationFormat.MPII) {
      throw new IllegalArgumentException("evaluation.metrics: coco cannot be computed on "
          + format.name().toLowerCase(Locale.ROOT) + " ground truth (" + uri + "); pckh needs MPII head boxes, "
          + "coco needs COCO-style keypoint annotations");
    }
  }

  /** Persons are matched to a ground-truth image when its {@code file_name} is a suffix of their {@code uri}. */
  @Override
  public Result evaluatePersons(SparkSession spark, Dataset<Row> persons, GroundTruth gt, EvalSettings settings) {
    LongAccumulator noGt = spark.sparkContext().longAccumulator("persons without ground truth");
    JavaRDD<EvalDetection> dts = PersonDetections.of(persons, JavaSparkContext.fromSparkContext(
        spark.sparkContext()).broadcast(FileNameIndex.of(gt.coco())), gt.coco().personCategoryId(), noGt);
    long t0 = System.nanoTime();
    CocoMetrics m = SparkCocoEvaluation.evaluate(spark, gt.coco(), dts, OksParams.coco(), 0);
    LOG.info("evaluation: COCO OKS over {} images in {} s", m.numImages(),
        String.format("%.1f", (System.nanoTime() - t0) / 1e9));
    return new Scores(m, gt.coco().keypointNames(), noGt.value());
  }

  /**
   * A COCO keypoint results JSON ({@code [{image_id, category_id, keypoints, score}]}, e.g. from another tool),
   * read with pycocotools' {@code loadRes} rules.
   */
  @Override
  public Result evaluateResultsFile(SparkSession spark, String resultsUri, GroundTruth gt) {
    Set<Long> imageIds = new HashSet<>();
    for (ImageInfo im : gt.coco().images()) {
      imageIds.add(im.id());
    }
    ResultDetections.Matched dts = ResultDetections.of(resultsUri,
        CocoResultsReader.read(resultsUri, spark.sparkContext().hadoopConfiguration()), imageIds);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    CocoMetrics m = SparkCocoEvaluation.evaluate(spark, gt.coco(), jsc.parallelize(dts.detections()),
        OksParams.coco(), 0);
    return new Scores(m, gt.coco().keypointNames(), dts.withoutGroundTruth());
  }

  /** COCO's numbers with the keypoint names of the ground truth and the persons it did not hold. */
  private record Scores(CocoMetrics numbers, List<String> keypointNames, long personsWithoutGroundTruth)
      implements Result {

    @Override
    public String summary() {
      StringBuilder sb = new StringBuilder("COCO keypoints (maxDets 20):");
      for (int i = 0; i < numbers.stats().length; i++) {
        sb.append(String.format(" %s=%.4f", CocoMetrics.STAT_NAMES.get(i), numbers.stats()[i]));
      }
      return sb.toString();
    }

    @Override
    public void write(SparkSession spark, String dir) {
      CocoMetrics m = numbers;
      List<Row> summary = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        summary.add(RowFactory.create(i, CocoMetrics.STAT_NAMES.get(i), i < 5 ? "AP" : "AR", STAT_OKS[i],
            STAT_AREA[i], m.params().maxDets, m.stats()[i]));
      }
      EvalFiles.writeTable(spark, summary, COCO_SUMMARY, dir + "/coco_summary");
      KeypointStats k = m.keypoints();
      List<Row> perKeypoint = new ArrayList<>();
      for (int j = 0; j < k.size(); j++) {
        String name = j < keypointNames.size() ? keypointNames.get(j) : "keypoint_" + j;
        perKeypoint.add(RowFactory.create(j, name, m.params().sigmas[j], k.labelled[j], k.matched[j],
            ratio(k.matched[j], k.labelled[j]), ratio(k.ksAtLeast[0][j], k.labelled[j]),
            k.matched[j] == 0 ? null : k.sumKs[j] / k.matched[j],
            ratio(k.ksAtLeast[0][j], k.matched[j]), ratio(k.ksAtLeast[1][j], k.matched[j]),
            ratio(k.pckWithin[0][j], k.matched[j]), ratio(k.pckWithin[1][j], k.matched[j]),
            ratio(k.pckWithin[2][j], k.matched[j])));
      }
      EvalFiles.writeTable(spark, perKeypoint, COCO_PER_KEYPOINT, dir + "/coco_per_keypoint");
      EvalFiles.writeJson(spark, json(), dir + "/coco.json");
    }

    private ObjectNode json() {
      CocoMetrics m = numbers;
      ObjectNode json = EvalFiles.JSON.createObjectNode();
      ArrayNode stats = json.putArray("stats");
      for (double v : m.stats()) {
        stats.add(v);
      }
      for (int i = 0; i < 10; i++) {
        json.put(CocoMetrics.STAT_NAMES.get(i), m.stats()[i]);
      }
      ObjectNode byArea = json.putObject("ap_per_oks_by_area");
      ObjectNode arByArea = json.putObject("ar_per_oks_by_area");
      for (int a = 0; a < OksParams.AREA_LABELS.size(); a++) {
        ObjectNode ap = byArea.putObject(OksParams.AREA_LABELS.get(a));
        ObjectNode ar = arByArea.putObject(OksParams.AREA_LABELS.get(a));
        double[] apT = m.perThreshold(true, a), arT = m.perThreshold(false, a);
        for (int t = 0; t < apT.length; t++) {
          String thr = String.format("%.2f", m.params().iouThrs[t]);
          ap.put(thr, apT[t]);
          ar.put(thr, arT[t]);
        }
      }
      // the precision/recall curves (area all) behind AP, for the report's plot: precision at each recall threshold
      ObjectNode curves = json.putObject("precision_at_recall");
      for (int t = 0; t < m.params().iouThrs.length; t++) {
        ArrayNode curve = curves.putArray(String.format("%.2f", m.params().iouThrs[t]));
        for (int r = 0; r < m.params().recThrs.length; r++) {
          curve.add(m.categoryIds().length == 0 ? -1 : m.precision()[t][r][0][0]);
        }
      }
      json.put("max_dets", m.params().maxDets);
      json.put("num_images", m.numImages());
      json.put("num_detections", m.numDetections());
      json.put("num_gt_not_ignored", m.numGtNotIgnored());
      json.put("persons_without_ground_truth", personsWithoutGroundTruth);
      return json;
    }
  }
}
