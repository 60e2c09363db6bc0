package ai.posespark.run;

import ai.posespark.jobfile.JobSpec;
import ai.posespark.plan.JobPipeline;
import ai.posespark.plan.TorchScriptTrust;
import ai.posespark.report.JobSummary;
import ai.posespark.report.RunFinish;
import ai.posespark.train.TrainJob;
import java.io.IOException;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** {@code input.kind: train}: fine-tunes in a run folder that commits like any run's, then reports. */
final class TrainingRun {
  private TrainingRun() {}

  static JobSummary run(SparkSession spark, JobSpec spec, String runDir) throws IOException {
    TorchScriptTrust.check(spec, JobPipeline.catalog(spec));
    RunFolder folder = RunFolder.prepare(spec, runDir, List.of(), spark.sparkContext().hadoopConfiguration());
    JobSummary trained = TrainJob.run(spark, spec, folder.workDir(), runDir);
    folder.commit();
    return RunFinish.finish(spark, spec, trained);
  }
}
