package ai.posespark.plan;

import ai.posespark.eval.GroundTruth;
import ai.posespark.jobfile.InputSpec;
import ai.posespark.jobfile.JobSpec;
import ai.posespark.sink.RunTables;
import ai.posespark.source.ExecutorListing;
import ai.posespark.source.FrameTask;
import ai.posespark.source.ListingReport;
import java.io.IOException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What a run does with its inputs, decided before the model runs: the frames it runs (the rest skipped, being in the
 * tables already, or redone, their old rows removed), spread over partitions balanced by cost, in chunks of
 * partitions that the run commits one by one. {@link DriverPlan} holds the tasks on the driver;
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

  /**
   * Lists and plans the run: on the executors ({@link ExecutorPlan}) for image inputs when {@code input.listing}
   * says so or, under {@code auto}, when the inputs split into at least Spark's parallel discovery threshold of
   * folders ({@code spark.sql.sources.parallelPartitionDiscovery.threshold}, 32: where Spark's own file sources
   * list with a job); else on the driver ({@link DriverPlan}).
   *
   * @param prior the run's tables when {@code output.mode} skips what they hold, else null
   */
  static RunPlan of(SparkSession spark, JobSpec spec, RunTables prior, GroundTruth gt, ListingReport listing)
      throws IOException {
    InputSpec input = spec.input();
    if (input.kind() != InputSpec.Kind.IMAGES || input.listing() == InputSpec.Listing.DRIVER) {
      return DriverPlan.of(spark, spec, prior, gt, listing);
    }
    int threshold = Integer.parseInt(spark.conf().get(
        "spark.sql.sources.parallelPartitionDiscovery.threshold", "32"));
    int parallelism = spark.sparkContext().defaultParallelism();
    ExecutorListing units = ExecutorListing.plan(spark, input.paths(), spark.sparkContext().hadoopConfiguration(),
        input.extensions(), Math.max(threshold, parallelism * 4));
    if (input.listing() == InputSpec.Listing.AUTO && units.folders() < threshold) {
      return DriverPlan.of(spark, spec, prior, gt, listing);
    }
    return ExecutorPlan.of(spark, spec, units, prior, gt, listing);
  }

  /**
   * Partitions when the job file sets none: at least 2 tasks per core for balance, at most ~256 frames per task so
   * progress and retries stay fine, and a whole number of waves over the cores: 5 partitions on 2 cores would
   * leave one core idle through the last wave (1,200 frames: 5 → 6).
   */
  static int defaultPartitions(int frames, int parallelism) {
    int cores = Math.max(1, parallelism);
    int wanted = Math.max(cores * 2, (frames + 255) / 256);
    return (wanted + cores - 1) / cores * cores;
  }
}
