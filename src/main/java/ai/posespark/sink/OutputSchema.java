package ai.posespark.sink;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.FloatType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The output tables (README, "Output"). Inference emits one row per frame carrying its people as a nested array
 * ({@link #inference}); {@link ParquetSink} splits that into {@code frames/} and {@code persons/}. The frame
 * table's {@code <stage>_ms} columns follow the run's stage names, so a pipeline's stages are its columns.
 */
public final class OutputSchema {
  private OutputSchema() {}

  public static final StructType BBOX = createStructType(List.of(
      createStructField("x", FloatType, false), createStructField("y", FloatType, false),
      createStructField("w", FloatType, false), createStructField("h", FloatType, false)));

  public static final StructType KEYPOINT = createStructType(List.of(
      createStructField("name", StringType, false), createStructField("x", FloatType, false),
      createStructField("y", FloatType, false), createStructField("score", FloatType, false)));

  /** One person inside an inference row; the last three are set by top-down pipelines only. */
  public static final StructType PERSON = createStructType(List.of(
      createStructField("person_index", IntegerType, false),
      createStructField("track_id", LongType, true),
      createStructField("score", FloatType, false),
      createStructField("bbox", BBOX, false),
      createStructField("keypoints", createArrayType(KEYPOINT, false), false),
      createStructField("det_bbox", BBOX, true),
      createStructField("det_score", FloatType, true),
      createStructField("pose_score", FloatType, true)));

  /** The {@code persons/} table, as {@link ParquetSink#persons} writes it. */
  public static final StructType PERSONS_TABLE = createStructType(List.of(
      createStructField("run", StringType, false),
      createStructField("frame_id", LongType, false),
      createStructField("uri", StringType, false),
      createStructField("frame_index", IntegerType, false),
      createStructField("person_index", IntegerType, false),
      createStructField("track_id", LongType, true),
      createStructField("score", FloatType, false),
      createStructField("bbox", BBOX, false),
      createStructField("keypoints", createArrayType(KEYPOINT, false), false),
      createStructField("det_bbox", BBOX, true),
      createStructField("det_score", FloatType, true),
      createStructField("pose_score", FloatType, true)));

  /** The columns every {@code frames/} table starts with, in order; the stage columns follow. */
  public static final List<StructField> FIXED_FRAME_FIELDS = List.of(
      createStructField("run", StringType, false),
      createStructField("frame_id", LongType, false),
      createStructField("uri", StringType, false),
      createStructField("frame_index", IntegerType, false),
      createStructField("timestamp_ms", LongType, true),
      createStructField("width", IntegerType, true),
      createStructField("height", IntegerType, true),
      createStructField("status", StringType, false),
      createStructField("error", StringType, true),
      createStructField("note", StringType, true),
      createStructField("model", StringType, false),
      createStructField("device", StringType, false),
      createStructField("spark_gpu", StringType, true),
      createStructField("n_persons", IntegerType, false));

  /** The column of stage {@code stage}'s milliseconds, e.g. {@code inference_ms}. */
  public static String stageColumn(String stage) {
    return stage + "_ms";
  }

  /** Columns of {@code frames/} for a run with {@code stages}, in order. */
  public static List<StructField> frameFields(List<String> stages) {
    List<StructField> all = new ArrayList<>(FIXED_FRAME_FIELDS);
    for (String stage : stages) {
      all.add(createStructField(stageColumn(stage), DoubleType, false));
    }
    return all;
  }

  /** Frame columns plus the {@code persons} array: what inference emits per frame. */
  public static StructType inference(List<String> stages) {
    List<StructField> all = new ArrayList<>(frameFields(stages));
    all.add(createStructField("persons", createArrayType(PERSON, false), false));
    return createStructType(all);
  }

  public static final String STATUS_OK = "ok";
  public static final String STATUS_ERROR = "error";

}
