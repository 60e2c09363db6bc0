package ai.posespark.sink;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.FloatType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The output tables of DESIGN.md. Inference emits one row per frame carrying its people as a nested array
 * ({@link #INFERENCE}); {@link ParquetSink} splits that into {@code frames/} and {@code persons/}.
 */
public final class OutputSchema {
  private OutputSchema() {}

  public static final StructType BBOX = createStructType(List.of(
      createStructField("x", FloatType, false), createStructField("y", FloatType, false),
      createStructField("w", FloatType, false), createStructField("h", FloatType, false)));

  public static final StructType KEYPOINT = createStructType(List.of(
      createStructField("name", StringType, false), createStructField("x", FloatType, false),
      createStructField("y", FloatType, false), createStructField("score", FloatType, false)));

  /** One person inside an inference row. */
  public static final StructType PERSON = createStructType(List.of(
      createStructField("person_index", IntegerType, false),
      createStructField("track_id", LongType, true),
      createStructField("score", FloatType, false),
      createStructField("bbox", BBOX, false),
      createStructField("keypoints", createArrayType(KEYPOINT, false), false)));

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
      createStructField("keypoints", createArrayType(KEYPOINT, false), false)));

  /** Columns of {@code frames/}, in order. */
  public static final List<StructField> FRAME_FIELDS = List.of(
      createStructField("run", StringType, false),
      createStructField("frame_id", LongType, false),
      createStructField("uri", StringType, false),
      createStructField("frame_index", IntegerType, false),
      createStructField("timestamp_ms", LongType, true),
      createStructField("width", IntegerType, true),
      createStructField("height", IntegerType, true),
      createStructField("status", StringType, false),
      createStructField("error", StringType, true),
      createStructField("model", StringType, false),
      createStructField("n_persons", IntegerType, false),
      createStructField("read_ms", DoubleType, false),
      createStructField("decode_ms", DoubleType, false),
      createStructField("preprocess_ms", DoubleType, false),
      createStructField("inference_ms", DoubleType, false),
      createStructField("postprocess_ms", DoubleType, false));

  /** Frame columns plus the {@code persons} array. */
  public static final StructType INFERENCE = createStructType(concat(FRAME_FIELDS,
      createStructField("persons", createArrayType(PERSON, false), false)));

  public static final String STATUS_OK = "ok";
  public static final String STATUS_ERROR = "error";

  private static List<StructField> concat(List<StructField> head, StructField tail) {
    var all = new java.util.ArrayList<>(head);
    all.add(tail);
    return all;
  }
}
