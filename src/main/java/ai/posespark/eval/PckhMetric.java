package ai.posespark.eval;

import static ai.posespark.eval.EvalFiles.nullIfNaN;
import static ai.posespark.eval.EvalFiles.putNumber;
import static ai.posespark.eval.EvalFiles.putTable;

import ai.posespark.data.AnnotationFormat;
import ai.posespark.data.Mpii16;
import ai.posespark.data.MpiiPredictionsReader;
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

/**
 * {@code pckh}: MPII PCKh ({@link PckhEvaluation}) on MPII ground truth, which has head boxes. Writes
 * {@code pckh_per_joint} and {@code pckh.json}.
 */
public final class PckhMetric implements Metric {
  public static final String NAME = "pckh";

  /** {@code pckh_per_joint}: MPII joints in percent. */
  public static final StructType PCKH_PER_JOINT = new StructType()
      .add("joint_index", DataTypes.IntegerType, false)
      .add("joint", DataTypes.StringType, false)
      .add("count", DataTypes.LongType, false)
      .add("pckh_0_5", DataTypes.DoubleType, true)
      .add("pckh_0_1", DataTypes.DoubleType, true)
      .add("in_mean", DataTypes.BooleanType, false)
      .add("approximated", DataTypes.BooleanType, false); // joint approximated from COCO-17 predictions

  /** PCKh's thresholds as the JSON keys name them, in {@link PckhMetrics}' order. */
  private static final String[] THRESHOLDS = {"0.5", "0.1"};

  /**
   * Writes PCKh per MPII joint at each threshold ({@code pckh@0.5}, {@code pckh@0.1}; null where no joint counts)
   * and the joints' counts ({@code joint_count}) into {@code json}: what {@code pckh.json} and the fine-tuning
   * report's validation share.
   */
  public static void putPerJoint(ObjectNode json, PckhMetrics m) {
    for (int t = 0; t < THRESHOLDS.length; t++) {
      ObjectNode perJoint = json.putObject("pckh@" + THRESHOLDS[t]);
      for (int j = 0; j < Mpii16.K; j++) {
        putNumber(perJoint, Mpii16.NAMES.get(j), m.pckh(t, j));
      }
    }
    ObjectNode counts = json.putObject("joint_count");
    for (int j = 0; j < Mpii16.K; j++) {
      counts.put(Mpii16.NAMES.get(j), m.count()[j]);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> tables() {
    return List.of("pckh_per_joint");
  }

  @Override
  public List<TablePlot> plots() {
    return List.of(new TablePlot("MPII PCKh per joint (%)", "PCKh per joint", "%", "pckh_per_joint", "joint",
        "joint_index", List.of("pckh_0_5", "pckh_0_1")));
  }

  @Override
  public void checkGroundTruth(AnnotationFormat format, String uri) {
    if (format != AnnotationFormat.MPII) {
      throw new IllegalArgumentException("evaluation.metrics: pckh cannot be computed on "
          + format.name().toLowerCase(Locale.ROOT) + " ground truth (" + uri + "); pckh needs MPII head boxes, "
          + "coco needs COCO-style keypoint annotations");
    }
  }

  @Override
  public Result evaluatePersons(SparkSession spark, Dataset<Row> persons, GroundTruth gt, EvalSettings settings) {
    return new Scores(PckhEvaluation.evaluatePersons(spark, persons, gt.mpii()));
  }

  /**
   * Predictions in the {@code {"predictions": [{id, image, joints}]}} layout, matched to the MPII ground truth by
   * person id, in the ground truth's pixel frame.
   */
  @Override
  public Result evaluateResultsFile(SparkSession spark, String resultsUri, GroundTruth gt) {
    return new Scores(PckhEvaluation.evaluatePredictions(spark, gt.mpii(),
        MpiiPredictionsReader.read(resultsUri, spark.sparkContext().hadoopConfiguration()), resultsUri));
  }

  /** PCKh's numbers; every prediction is matched to an MPII person or image, so none is left out. */
  private record Scores(PckhMetrics numbers) implements Result {
    @Override
    public long personsWithoutGroundTruth() {
      return 0;
    }

    @Override
    public String summary() {
      return String.format("PCKh: mean@0.5=%.2f mean@0.1=%.2f", numbers.mean(0), numbers.mean(1));
    }

    @Override
    public void write(SparkSession spark, String dir) {
      PckhMetrics m = numbers;
      List<Row> rows = new ArrayList<>();
      for (int j = 0; j < Mpii16.K; j++) {
        rows.add(RowFactory.create(j, Mpii16.NAMES.get(j), m.count()[j], nullIfNaN(m.pckh(0, j)),
            nullIfNaN(m.pckh(1, j)), j != Mpii16.PELVIS && j != Mpii16.THORAX,
            m.approximatedFromCoco() && Mpii16.approximatedFromCoco(j)));
      }
      EvalFiles.writeTable(spark, rows, PCKH_PER_JOINT, dir + "/pckh_per_joint");

      ObjectNode json = EvalFiles.JSON.createObjectNode();
      for (int t = 0; t < 2; t++) {
        json.put("mean_pckh@" + THRESHOLDS[t], m.mean(t));
      }
      putPerJoint(json, m);
      ObjectNode tables = json.putObject("tables");
      for (int t = 0; t < 2; t++) {
        ObjectNode at = tables.putObject("pckh@" + THRESHOLDS[t]);
        putTable(at.putObject("table_mmpose_hrnet"), m.table(t, false));
        putTable(at.putObject("table_official_matlab"), m.table(t, true));
      }
      json.put("approximated_from_coco17", m.approximatedFromCoco());
      json.put("persons_without_headbox", m.personsWithoutHeadbox());
      json.put("rule", "correct iff ||pred-gt|| / (0.6*||headbox diagonal||) <= thr; only joints_vis==1 count; "
          + "Mean pools all joints except pelvis and thorax");
      EvalFiles.writeJson(spark, json, dir + "/pckh.json");
    }
  }
}
