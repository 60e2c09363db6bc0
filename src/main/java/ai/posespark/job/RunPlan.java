package ai.posespark.job;

import ai.posespark.source.FrameTask;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What a run does with its inputs, decided before the model runs: the frames it runs (the rest skipped, being in the
 * tables already, or redone, their old rows removed), spread over partitions balanced by cost, in chunks of
 * partitions that {@link ChunkCommits} commits one by one. {@link DriverPlan} holds the tasks on the driver;
 * {@link ExecutorPlan} keeps them on the executors, with only counts on the driver.
 */
public interface RunPlan {
  /** A chunk's input files: {@code uri}, {@code version} (what the {@code inputs/} table records). */
  StructType INPUT_VERSIONS = new StructType().add("uri", DataTypes.StringType, false)
      .add("version", DataTypes.StringType, false);

  /** Frames the run processes (a video range task counts its sampled frames). */
  long frames();

  /** Tasks the run processes. */
  long tasks();

  /** Non-empty partitions over all chunks. */
  int partitions();

  /** Frames left out: their rows are in the tables already. */
  long skipped();

  /** Of {@link #frames()}, those whose earlier rows were removed to be done again. */
  long redone();

  /** Chunks to commit, in order. */
  int chunks();

  /** Frames of chunk {@code k} (0-based). */
  long frames(int k);

  /** Chunk {@code k}'s tasks: one RDD partition per partition of the chunk. */
  JavaRDD<FrameTask> tasks(int k);

  /** Chunk {@code k}'s input files and their versions ({@link #INPUT_VERSIONS}). */
  Dataset<Row> inputs(int k);
}
