package ai.posespark.run;

import ai.posespark.jobfile.JobSpec;
import ai.posespark.jobfile.JobSpecException;
import ai.posespark.report.JobSummary;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Runs a job file on a Spark session: the one entry point for the command line, schedulers and tests. Each
 * {@code input.kind} is its own run: {@link InferenceRun} (images, video), {@link TrainingRun} (train) and
 * {@link ResultsRun} (results: evaluates a results file, no model).
 */
public final class PoseJob {
  private PoseJob() {}

  /** Runs {@code spec} on {@code spark}; throws {@link JobSpecException} for what the job file got wrong. */
  public static JobSummary run(SparkSession spark, JobSpec spec) throws IOException {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Path dir = new Path(spec.runDir());
    String runDir = dir.getFileSystem(conf).makeQualified(dir).toString();
    return switch (spec.input().kind()) {
      case RESULTS -> ResultsRun.run(spark, spec, runDir);
      case TRAIN -> TrainingRun.run(spark, spec, runDir);
      case IMAGES, VIDEO -> InferenceRun.run(spark, spec, runDir);
    };
  }
}
