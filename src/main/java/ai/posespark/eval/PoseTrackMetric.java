package ai.posespark.eval;

import static ai.posespark.eval.EvalFiles.nullIfNaN;
import static ai.posespark.eval.EvalFiles.putNumber;
import static ai.posespark.eval.EvalFiles.putTable;

import ai.posespark.data.AnnotationFormat;
import ai.posespark.data.PoseTrack15;
import ai.posespark.sink.Columns;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * {@code posetrack}: PoseTrack MOTA and AP as poseval computes them ({@link PoseTrackEvaluation}) on PoseTrack18
 * ground truth (track ids, head boxes). Scores a run's persons table only: MOTA needs its track ids. Writes
 * {@code posetrack_mota} and {@code posetrack.json}.
 */
public final class PoseTrackMetric implements Metric {
  public static final String NAME = "posetrack";
  private static final Logger LOG = LoggerFactory.getLogger(PoseTrackMetric.class);

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

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> tables() {
    return List.of("posetrack_mota");
  }

  @Override
  public List<TablePlot> plots() {
    return List.of(new TablePlot("PoseTrack MOTA and AP per joint (total = mean over joints)", "PoseTrack per joint",
        "", "posetrack_mota", "joint", "joint_index", List.of("mota", "ap", "precision", "recall")));
  }

  @Override
  public void checkGroundTruth(AnnotationFormat format, String uri) {
    if (format != AnnotationFormat.POSETRACK) {
      throw new IllegalArgumentException("evaluation.metrics: posetrack needs PoseTrack18 ground truth (track ids, "
          + "head boxes); " + uri + " is " + format.name().toLowerCase(Locale.ROOT));
    }
  }

  @Override
  public String refusesResultsFile() {
    return "evaluates the persons table of a job run (track ids), not a results file";
  }

  /** Keypoints below {@link EvalSettings#minKeypointScore} are not submitted; {@link EvalSettings#posetrackRules}. */
  @Override
  public Result evaluatePersons(SparkSession spark, Dataset<Row> persons, GroundTruth gt, EvalSettings settings) {
    long t0 = System.nanoTime();
    LongAccumulator notEvaluated = spark.sparkContext().longAccumulator("posetrack persons not evaluated");
    PoseTrackMetrics m = PoseTrackEvaluation.evaluatePersons(spark, persons, gt.posetrack(),
        settings.minKeypointScore(), settings.posetrackRules(), notEvaluated);
    LOG.info("evaluation: PoseTrack over {} sequences in {} s", m.counts().sequences,
        String.format("%.1f", (System.nanoTime() - t0) / 1e9));
    if (persons.where(Columns.TRACK_ID + " >= 0").isEmpty()) {
      LOG.warn("evaluation: no person has a track id (tracking.enabled is false?): MOTA counts every GT joint "
          + "as missed; AP does not need track ids");
    }
    return new Scores(m, notEvaluated.value());
  }

  /** PoseTrack's numbers and the persons of frames that are not evaluated frames. */
  private record Scores(PoseTrackMetrics numbers, long personsWithoutGroundTruth) implements Result {
    @Override
    public String summary() {
      PoseTrackMetrics m = numbers;
      return String.format("PoseTrack: MOTA=%.4f MOTP=%.4f precision=%.4f recall=%.4f AP=%.4f", m.motaTotal(),
          m.motpTotal(), m.precisionTotal(), m.recallTotal(), m.apTotal());
    }

    @Override
    public void write(SparkSession spark, String dir) {
      PoseTrackMetrics m = numbers;
      PoseTrackCounts c = m.counts();
      List<Row> rows = new ArrayList<>();
      long[] sums = new long[6];
      for (int j = 0; j < PoseTrack15.K; j++) {
        long[] n = {c.misses[j], c.switches[j], c.falsePositives[j], c.objects[j], c.detections[j],
            c.groundTruth[j]};
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
      EvalFiles.writeTable(spark, rows, POSETRACK_MOTA, dir + "/posetrack_mota");
      EvalFiles.writeJson(spark, json(sums), dir + "/posetrack.json");
    }

    private ObjectNode json(long[] sums) {
      PoseTrackMetrics m = numbers;
      PoseTrackCounts c = m.counts();
      ObjectNode json = EvalFiles.JSON.createObjectNode();
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
      json.put("persons_without_ground_truth", personsWithoutGroundTruth);
      json.put("rule", "per joint and frame, GT and predicted joints pair when ||pred-gt|| / (0.6*||bbox_head "
          + "diagonal||) <= 0.5 (py-motmetrics assignment, switches per sequence); totals are means over joints; "
          + "fractions (poseval prints x100)");
      return json;
    }

    private static void putJoints(ObjectNode node, double[] perJoint) {
      for (int j = 0; j < perJoint.length; j++) {
        putNumber(node, PoseTrack15.NAMES.get(j), perJoint[j]);
      }
    }
  }
}
