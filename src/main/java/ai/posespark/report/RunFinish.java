package ai.posespark.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.desc;

import ai.posespark.jobfile.JobSpec;
import ai.posespark.sink.LiteralPath;
import java.io.IOException;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step of a run, after its tables: {@code run.json}, the top error reasons for the summary and
 * {@code report.html}. A report that cannot be built is logged and leaves the run's results as they are.
 */
public final class RunFinish {
  private static final Logger LOG = LoggerFactory.getLogger(RunFinish.class);
  /** Error reasons the end-of-run screen lists. */
  static final int TOP_ERRORS = 3;

  private RunFinish() {}

  /** Writes the run's metadata and report; returns {@code summary} with the error reasons and report path. */
  public static JobSummary finish(SparkSession spark, JobSpec spec, JobSummary summary) {
    // a session of its own: the report's views must not replace a caller's temporary views
    SparkSession session = spark.newSession();
    try {
      RunInfo.write(session, spec, summary);
      List<JobSummary.ErrorCount> reasons = List.of();
      if (summary.errors() > 0 && RunTables.exists(session, summary.runDir() + "/frames")) {
        reasons = session.read().parquet(LiteralPath.of(summary.runDir() + "/frames"))
            .where(col("status").equalTo("error").and(col("run").equalTo(spec.name())))
            .groupBy("error").count().orderBy(desc("count"), col("error")).limit(TOP_ERRORS).collectAsList()
            .stream().map(r -> new JobSummary.ErrorCount(String.valueOf(r.get(0)), r.getLong(1))).toList();
      }
      return summary.withReport(reasons, RunReport.write(session, summary.runDir()));
    } catch (IOException | RuntimeException e) {
      LOG.warn("{}: report not written: {}", spec.name(), e.toString(), e);
      return summary;
    }
  }
}
