package ai.posespark.cli;

import ai.posespark.jobfile.JobSpec;
import ai.posespark.jobfile.JobSpecException;
import ai.posespark.jobfile.JobSpecLoader;
import ai.posespark.jobfile.OutputSpec;
import ai.posespark.plan.Preflight;
import ai.posespark.report.JobSummary;
import ai.posespark.run.PoseJob;
import ai.posespark.sink.DeltaSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.SparkHadoopUtil;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code scripts/submit.sh JOB.yaml [--set key=value]...}: validates the job file and checks every path and model
 * it names ({@link Preflight}) before Spark starts, then runs it. Under spark-submit the cluster's master is used;
 * run directly it starts embedded Spark ({@code local[*]} unless {@code --master} says otherwise). Exit codes: 0 ok,
 * 2 bad job file (a key, a path or a model), 1 failure.
 */
@Command(name = "posespark", mixinStandardHelpOptions = true, version = "PoseSpark 0.1",
    description = "Runs a PoseSpark job: pose estimation over images into Parquet, plus evaluation.")
public final class SubmitCommand implements Callable<Integer> {
  /** {@code spark.task.maxFailures} unless set: attempts per task. */
  static final int MAX_TASK_FAILURES = 16;

  @Parameters(index = "0", paramLabel = "JOB.yaml", description = "the job file")
  Path jobFile;

  @Option(names = "--set", paramLabel = "key=value",
      description = "override a job key, e.g. --set execution.batchSize=16 (repeatable; value in YAML syntax)")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master when not run by spark-submit (default local[*])")
  String master;

  @Option(names = {"-v", "--verbose"},
      description = "log PoseSpark's steps, Spark's and DJL's messages (CUDA probing included); default: progress, "
          + "warnings and the final summary only")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(jobFile)) {
      System.err.println("posespark: job file " + jobFile + " does not exist");
      return 2;
    }
    RunLogging.apply(verbose);
    SparkConf conf = new SparkConf(true);
    if (!conf.contains("spark.master")) {
      conf.setMaster(master != null ? master : "local[*]");
    }
    JobSpec spec;
    try {
      spec = JobSpecLoader.load(jobFile, overrides);
      // its keys, then every path and model it names, with the Hadoop settings the session will have
      Preflight.check(spec, SparkHadoopUtil.get().newConfiguration(conf));
    } catch (JobSpecException e) {
      System.err.println("posespark: " + e.getMessage());
      return 2;
    }
    if (spec.output().format() == OutputSpec.Format.DELTA) {
      DeltaSink.SESSION_CONF.forEach(kv -> conf.setIfMissing(kv[0], kv[1]));
    }
    // a file that kills an executor costs its task one attempt (the retry gives it an error row): room for a few
    // such files in one partition besides ordinary executor losses; Spark's default is 4
    conf.setIfMissing("spark.task.maxFailures", String.valueOf(MAX_TASK_FAILURES));
    // PoseSpark draws its own frame-level progress bar; Spark's stage bar would fight it for the console
    conf.setIfMissing("spark.ui.showConsoleProgress", "false");
    // running tasks report their frame counts with each heartbeat: the progress moves within a partition
    conf.setIfMissing("spark.executor.heartbeatInterval", "2s");
    try (SparkSession spark = SparkSession.builder().appName("posespark:" + spec.name()).config(conf)
        .getOrCreate()) {
      JobSummary summary = PoseJob.run(spark, spec);
      System.out.print(summary.screen());
      return 0;
    } catch (JobSpecException e) {
      System.err.println("posespark: " + e.getMessage());
      return 2;
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new SubmitCommand()).execute(args));
  }
}
