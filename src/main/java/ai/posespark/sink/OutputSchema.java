package ai.posespark.sink;

import static ai.posespark.sink.Columns.DEVICE;
import static ai.posespark.sink.Columns.ERROR;
import static ai.posespark.sink.Columns.FRAME_ID;
import static ai.posespark.sink.Columns.FRAME_INDEX;
import static ai.posespark.sink.Columns.HEIGHT;
import static ai.posespark.sink.Columns.MODEL;
import static ai.posespark.sink.Columns.NOTE;
import static ai.posespark.sink.Columns.N_PERSONS;
import static ai.posespark.sink.Columns.PERSONS;
import static ai.posespark.sink.Columns.RUN;
import static ai.posespark.sink.Columns.SPARK_GPU;
import static ai.posespark.sink.Columns.STATUS;
import static ai.posespark.sink.Columns.TIMESTAMP_MS;
import static ai.posespark.sink.Columns.URI;
import static ai.posespark.sink.Columns.WIDTH;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The output tables (README, "Output"), built from {@link Columns} and {@link PersonRows}. Inference emits one row
 * per frame carrying its people as a nested array ({@link #inference}); {@link ParquetSink} splits that into
 * {@code frames/} and {@code persons/}. The frame table's {@code <stage>_ms} columns follow the run's stage names, so
 * a pipeline's stages are its columns.
 */
public final class OutputSchema {
  private OutputSchema() {}

  /** The run folder's tables: each a folder of the run and a Spark SQL view of the same name. */
  public static final String FRAMES = "frames";
  public static final String PERSONS = "persons";
  /** Which version (size, modification time) of each input file a chunk holds. */
  public static final String INPUTS = "inputs";

  /** The columns naming a frame, first in both tables: a person row is its frame's key and the person's fields. */
  public static final List<StructField> FRAME_KEY = List.of(
      createStructField(RUN, StringType, false),
      createStructField(FRAME_ID, LongType, false),
      createStructField(URI, StringType, false),
      createStructField(FRAME_INDEX, IntegerType, false));

  /** The {@code persons/} table, as {@link ParquetSink#persons} writes it. */
  public static final StructType PERSONS_TABLE = createStructType(concat(FRAME_KEY,
      Arrays.asList(PersonRows.PERSON.fields())));

  /** The columns every {@code frames/} table starts with, in order; the stage columns follow. */
  public static final List<StructField> FIXED_FRAME_FIELDS = concat(FRAME_KEY, List.of(
      createStructField(TIMESTAMP_MS, LongType, true),
      createStructField(WIDTH, IntegerType, true),
      createStructField(HEIGHT, IntegerType, true),
      createStructField(STATUS, StringType, false),
      createStructField(ERROR, StringType, true),
      createStructField(NOTE, StringType, true),
      createStructField(MODEL, StringType, false),
      createStructField(DEVICE, StringType, false),
      createStructField(SPARK_GPU, StringType, true),
      createStructField(N_PERSONS, IntegerType, false)));

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
    all.add(createStructField(PERSONS, createArrayType(PersonRows.PERSON, false), false));
    return createStructType(all);
  }

  public static final String STATUS_OK = "ok";
  public static final String STATUS_ERROR = "error";

  private static List<StructField> concat(List<StructField> a, List<StructField> b) {
    List<StructField> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }
}
