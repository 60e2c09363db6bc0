package ai.posespark.eval;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command line for evaluating an existing results file (what a job with {@code input.kind: results} does),
 * e.g. {@code --results dt.json --annotations person_keypoints_val2017.json --metrics coco --out out/eval}.
 * Runs on the Spark master given by {@code spark.master} (spark-submit), else embedded {@code local[*]}.
 */
@Command(name = "posespark-eval", mixinStandardHelpOptions = true,
    description = "Evaluate a COCO keypoint results file (or MPII predictions) against ground truth.")
public final class EvalCli implements Callable<Integer> {
  @Option(names = "--results", required = true, description = "COCO results JSON or MPII predictions JSON")
  String results;

  @Option(names = "--annotations", required = true, description = "ground truth file (or PoseTrack folder)")
  String annotations;

  @Option(names = "--format", description = "coco | mpii | aic | posetrack (default: detect)")
  String format;

  @Option(names = "--metrics", split = ",", defaultValue = "coco", description = "coco and/or pckh")
  String[] metrics;

  @Option(names = "--out", required = true, description = "output folder for the eval tables and JSON")
  String out;

  /** Runs the command line; exits with its status. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new EvalCli()).execute(args));
  }

  @Override
  public Integer call() {
    SparkSession.Builder b = SparkSession.builder().appName("posespark-eval");
    if (System.getProperty("spark.master") == null) {
      b.master("local[*]").config("spark.ui.enabled", "false");
    }
    SparkSession spark = b.getOrCreate();
    try {
      List<String> m = Arrays.asList(metrics);
      EvalReport report = ResultsEvaluation.evaluateResultsFile(spark, results, annotations, format, m, out);
      System.out.println(report);
      return 0;
    } finally {
      spark.stop();
    }
  }
}
