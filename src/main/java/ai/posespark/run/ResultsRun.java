package ai.posespark.run;

import ai.posespark.eval.EvalReport;
import ai.posespark.eval.ResultsEvaluation;
import ai.posespark.jobfile.JobSpec;
import ai.posespark.report.JobSummary;
import ai.posespark.report.RunFinish;
import java.io.IOException;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code input.kind: results}: evaluates an existing results file against the annotations; no model runs. */
final class ResultsRun {
  private static final Logger LOG = LoggerFactory.getLogger(ResultsRun.class);

  private ResultsRun() {}

  static JobSummary run(SparkSession spark, JobSpec spec, String runDir) throws IOException {
    long start = System.nanoTime();
    RunFolder folder = RunFolder.prepare(spec, runDir, List.of(), spark.sparkContext().hadoopConfiguration());
    EvalReport report = ResultsEvaluation.evaluateResultsFile(spark, spec.input().paths().get(0),
        spec.input().annotations(), spec.input().annotationsFormat(), spec.evaluation().metrics(),
        folder.workDir() + "/eval");
    folder.commit();
    LOG.info("{}", report);
    return RunFinish.finish(spark, spec, new JobSummary(runDir, 0, 0, 0, (System.nanoTime() - start) / 1e9, 0,
        report));
  }
}
