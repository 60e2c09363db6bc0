package ai.posespark.sink;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Writes the {@code frames/} and {@code persons/} Parquet tables of a run from the inference rows. Spark's
 * output committers make each table appear atomically; the inference rows must be persisted by the caller so
 * the model runs once for both tables.
 */
public final class ParquetSink {
  private ParquetSink() {}

  /** The {@code frames/} table: every frame, failed ones included; every inference column but the people. */
  public static Dataset<Row> frames(Dataset<Row> inference) {
    Column[] cols = Arrays.stream(inference.columns()).filter(c -> !c.equals("persons")).map(c -> col(c))
        .toArray(Column[]::new);
    return inference.select(cols);
  }

  /** The {@code persons/} table: one row per person. */
  public static Dataset<Row> persons(Dataset<Row> inference) {
    return inference
        .select(col("run"), col("frame_id"), col("uri"), col("frame_index"), explode(col("persons")).as("p"))
        .select(col("run"), col("frame_id"), col("uri"), col("frame_index"), col("p.person_index"),
            col("p.track_id"), col("p.score"), col("p.bbox"), col("p.keypoints"), col("p.det_bbox"),
            col("p.det_score"), col("p.pose_score"));
  }

  /** Writes both tables under {@code runDir}. */
  public static void write(Dataset<Row> inference, String runDir, SaveMode save) {
    frames(inference).write().mode(save).parquet(runDir + "/frames");
    persons(inference).write().mode(save).parquet(runDir + "/persons");
  }
}
