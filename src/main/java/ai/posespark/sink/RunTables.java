package ai.posespark.sink;

import java.io.IOException;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The tables of a run folder ({@code frames/}, {@code persons/}, {@code inputs/}), committed chunk by chunk
 * ({@code output.format}: {@link ParquetSink} or {@link DeltaSink}). Every row carries the {@code chunk} that
 * committed it. A chunk is staged, then published with its frames last: the frames commit is the chunk's.
 */
public interface RunTables {
  /**
   * Removes what an interrupted run left half done: staged chunks, persons and inputs rows of a chunk whose frames
   * never committed.
   *
   * @return the committed chunks, ascending
   */
  List<Integer> recover() throws IOException;

  /** Deletes staged chunks not yet published (the one in flight when a run is interrupted). */
  void discardPending() throws IOException;

  /**
   * Writes chunk {@code k}'s rows aside until {@link #publish}.
   *
   * @param inference the chunk's persisted inference rows
   * @param inputs    the chunk's input files: {@code uri}, {@code version}
   */
  void stage(Dataset<Row> inference, Dataset<Row> inputs, int k) throws IOException;

  /** Commits staged chunk {@code k}: inputs, persons, then frames. */
  void publish(int k) throws IOException;

  /**
   * Removes the rows of the frames in {@code frameIds} (a {@code frame_id} column) from every table, persons
   * before frames, so an interrupted removal is found again from the frames table by the next run.
   */
  void remove(SparkSession spark, Dataset<Row> frameIds) throws IOException;

  /** The committed {@code frames/} table. */
  Dataset<Row> readFrames(SparkSession spark);

  /** The committed {@code persons/} table. */
  Dataset<Row> readPersons(SparkSession spark);

  /** The committed input file versions ({@code uri, version, chunk}); null before any. */
  Dataset<Row> readInputs(SparkSession spark) throws IOException;
}
