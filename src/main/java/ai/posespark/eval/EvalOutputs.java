package ai.posespark.eval;

import ai.posespark.data.Mpii16;
import ai.posespark.data.PoseTrack15;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Writes evaluation results under the job's {@code eval/} folder: Parquet tables {@code coco_summary},
 * {@code coco_per_keypoint}, {@code pckh_per_joint}, {@code posetrack_mota} and the JSON files {@code coco.json},
 * {@code pckh.json}, {@code posetrack.json} (same numbers). Column names avoid {@code .} and {@code @} so that Spark
 * SQL needs no backticks.
 */
public final class EvalOutputs {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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

  /** {@code pckh_per_joint}: MPII joints in percent. */
  public static final StructType PCKH_PER_JOINT = new StructType()
      .add("joint_index", DataTypes.IntegerType, false)
      .add("joint", DataTypes.StringType, false)
      .add("count", DataTypes.LongType, false)
      .add("pckh_0_5", DataTypes.DoubleType, true)
      .add("pckh_0_1", DataTypes.DoubleType, true)
      .add("in_mean", DataTypes.BooleanType, false)
      .add("approximated", DataTypes.BooleanType, false); // joint approximated from COCO-17 predictions

  /** {@code posetrack_mota}: poseval's 15 joints, then {@code total} (joint_index 15); fractions, not percent. */
  public static final StructType POSETRACK_MOTA = new StructType()
      .add("joint_index", DataTypes.IntegerType, false)
      .add("joint", DataTypes.StringType, false)
      .add("mota", DataTypes.DoubleType, true)             // null where the joint has no ground truth
      .add("motp", DataTypes.DoubleType, true)
      .add("precision", DataTypes.DoubleType, true)
      .add("recall", DataTypes.DoubleType, true)
      .add("misses", DataTypes.LongType, false)
      .add("switches", DataTypes.LongType, false)
      .add("false_positives", DataTypes.LongType, false)
      .add("objects", DataTypes.LongType, false)           // ground-truth joints in MOT frames
      .add("detections", DataTypes.LongType, false)        // matches + switches
      .add("ap", DataTypes.DoubleType, true)
      .add("ap_precision", DataTypes.DoubleType, true)
      .add("ap_recall", DataTypes.DoubleType, true)
      .add("gt_joints", DataTypes.LongType, false)         // ground-truth joints of all evaluated frames (AP)
      .add("approximated", DataTypes.BooleanType, false);  // head joint approximated from COCO-17 predictions

  private static final String[] STAT_OKS = {"0.50:0.95", "0.50", "0.75", "0.50:0.95", "0.50:0.95",
      "0.50:0.95", "0.50", "0.75", "0.50:0.95", "0.50:0.95"};
  private static final String[] STAT_AREA = {"all", "all", "all", "medium", "large",
      "all", "all", "all", "medium", "large"};

  private EvalOutputs() {}

  /** Writes {@code coco_summary}, {@code coco_per_keypoint} and {@code coco.json} under {@code dir}. */
  public static void writeCoco(SparkSession spark, CocoMetrics m, List<String> keypointNames, long unmatched,
      String dir) {
    List<Row> summary = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      summary.add(RowFactory.create(i, CocoMetrics.STAT_NAMES.get(i), i < 5 ? "AP" : "AR", STAT_OKS[i],
          STAT_AREA[i], m.params().maxDets, m.stats()[i]));
    }
    writeTable(spark, summary, COCO_SUMMARY, dir + "/coco_summary");
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
    writeTable(spark, perKeypoint, COCO_PER_KEYPOINT, dir + "/coco_per_keypoint");

    ObjectNode json = JSON.createObjectNode();
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
    json.put("persons_without_ground_truth", unmatched);
    writeJson(spark, json, dir + "/coco.json");
  }

  /** Writes {@code pckh_per_joint} and {@code pckh.json} under {@code dir}. */
  public static void writePckh(SparkSession spark, PckhMetrics m, String dir) {
    List<Row> rows = new ArrayList<>();
    for (int j = 0; j < Mpii16.K; j++) {
      rows.add(RowFactory.create(j, Mpii16.NAMES.get(j), m.count()[j], nullIfNaN(m.pckh(0, j)),
          nullIfNaN(m.pckh(1, j)), j != Mpii16.PELVIS && j != Mpii16.THORAX,
          m.approximatedFromCoco() && Mpii16.approximatedFromCoco(j)));
    }
    writeTable(spark, rows, PCKH_PER_JOINT, dir + "/pckh_per_joint");

    ObjectNode json = JSON.createObjectNode();
    String[] thr = {"0.5", "0.1"};
    for (int t = 0; t < 2; t++) {
      json.put("mean_pckh@" + thr[t], m.mean(t));
    }
    for (int t = 0; t < 2; t++) {
      ObjectNode perJoint = json.putObject("pckh@" + thr[t]);
      for (int j = 0; j < Mpii16.K; j++) {
        putNumber(perJoint, Mpii16.NAMES.get(j), m.pckh(t, j));
      }
    }
    ObjectNode counts = json.putObject("joint_count");
    for (int j = 0; j < Mpii16.K; j++) {
      counts.put(Mpii16.NAMES.get(j), m.count()[j]);
    }
    ObjectNode tables = json.putObject("tables");
    for (int t = 0; t < 2; t++) {
      ObjectNode at = tables.putObject("pckh@" + thr[t]);
      putTable(at.putObject("table_mmpose_hrnet"), m.table(t, false));
      putTable(at.putObject("table_official_matlab"), m.table(t, true));
    }
    json.put("approximated_from_coco17", m.approximatedFromCoco());
    json.put("persons_without_headbox", m.personsWithoutHeadbox());
    json.put("rule", "correct iff ||pred-gt|| / (0.6*||headbox diagonal||) <= thr; only joints_vis==1 count; "
        + "Mean pools all joints except pelvis and thorax");
    writeJson(spark, json, dir + "/pckh.json");
  }

  /** Writes {@code posetrack_mota} and {@code posetrack.json} under {@code dir}. */
  public static void writePoseTrack(SparkSession spark, PoseTrackMetrics m, long unmatched, String dir) {
    PoseTrackCounts c = m.counts();
    List<Row> rows = new ArrayList<>();
    long[] sums = new long[6];
    for (int j = 0; j < PoseTrack15.K; j++) {
      long[] n = {c.misses[j], c.switches[j], c.falsePositives[j], c.objects[j], c.detections[j], c.groundTruth[j]};
      for (int i = 0; i < n.length; i++) {
        sums[i] += n[i];
      }
      rows.add(RowFactory.create(j, PoseTrack15.NAMES.get(j), nullIfNaN(m.mota()[j]), nullIfNaN(m.motp()[j]),
          nullIfNaN(m.precision()[j]), nullIfNaN(m.recall()[j]), n[0], n[1], n[2], n[3], n[4],
          nullIfNaN(m.ap()[j]), nullIfNaN(m.apPrecision()[j]), nullIfNaN(m.apRecall()[j]), n[5],
          m.approximatedHead() && PoseTrack15.approximatedFromCoco(j)));
    }
    rows.add(RowFactory.create(PoseTrack15.K, "total", nullIfNaN(m.motaTotal()), nullIfNaN(m.motpTotal()),
        nullIfNaN(m.precisionTotal()), nullIfNaN(m.recallTotal()), sums[0], sums[1], sums[2], sums[3], sums[4],
        nullIfNaN(m.apTotal()), nullIfNaN(PoseTrackMetrics.total(m.apPrecision())),
        nullIfNaN(PoseTrackMetrics.total(m.apRecall())), sums[5], false));
    writeTable(spark, rows, POSETRACK_MOTA, dir + "/posetrack_mota");

    ObjectNode json = JSON.createObjectNode();
    putNumber(json, "mota_total", m.motaTotal());
    putNumber(json, "motp_total", m.motpTotal());
    putNumber(json, "precision_total", m.precisionTotal());
    putNumber(json, "recall_total", m.recallTotal());
    putNumber(json, "ap_total", m.apTotal());
    putJoints(json.putObject("mota"), m.mota());
    putJoints(json.putObject("motp"), m.motp());
    putJoints(json.putObject("precision"), m.precision());
    putJoints(json.putObject("recall"), m.recall());
    putJoints(json.putObject("ap"), m.ap());
    putJoints(json.putObject("ap_precision"), m.apPrecision());
    putJoints(json.putObject("ap_recall"), m.apRecall());
    putTable(json.putObject("table_mota"), PoseTrackMetrics.table(m.mota()));
    putTable(json.putObject("table_ap"), PoseTrackMetrics.table(m.ap()));
    String[] names = {"misses", "switches", "false_positives", "objects", "detections", "gt_joints"};
    ObjectNode counts = json.putObject("counts");
    for (int i = 0; i < names.length; i++) {
      counts.put(names[i], sums[i]);
    }
    json.put("sequences", c.sequences);
    json.put("frames", c.frames);
    json.put("frames_in_mot", c.framesInMot);
    ObjectNode rules = json.putObject("rules");
    rules.put("skip_last_frame", m.rules().skipLastFrame());
    rules.put("empty_frame_one_each", m.rules().emptyFrameOneEach());
    json.put("head_approximated_from_coco17", m.approximatedHead());
    json.put("persons_without_ground_truth", unmatched);
    json.put("rule", "per joint and frame, GT and predicted joints pair when ||pred-gt|| / (0.6*||bbox_head "
        + "diagonal||) <= 0.5 (py-motmetrics assignment, switches per sequence); totals are means over joints; "
        + "fractions (poseval prints x100)");
    writeJson(spark, json, dir + "/posetrack.json");
  }

  private static void putJoints(ObjectNode node, double[] perJoint) {
    for (int j = 0; j < perJoint.length; j++) {
      putNumber(node, PoseTrack15.NAMES.get(j), perJoint[j]);
    }
  }

  private static void putTable(ObjectNode node, Map<String, Double> table) {
    table.forEach((k, v) -> putNumber(node, k, v));
  }

  private static void putNumber(ObjectNode node, String key, double v) {
    if (Double.isNaN(v)) {
      node.putNull(key);
    } else {
      node.put(key, v);
    }
  }

  private static Double ratio(long num, long den) {
    return den == 0 ? null : (double) num / den;
  }

  private static Double nullIfNaN(double v) {
    return Double.isNaN(v) ? null : v;
  }

  private static void writeTable(SparkSession spark, List<Row> rows, StructType schema, String path) {
    spark.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.Overwrite).parquet(path);
  }

  private static void writeJson(SparkSession spark, ObjectNode json, String path) {
    Path p = new Path(path);
    try (FSDataOutputStream out = p.getFileSystem(spark.sparkContext().hadoopConfiguration()).create(p, true)) {
      JSON.writeValue((OutputStream) out, json);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
    }
  }
}
