package ai.posespark.cli;

import ai.posespark.report.RunReport;
import java.io.IOException;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code scripts/report.sh RUN_DIR}: rebuilds the run's {@code report.html} from its tables. Exit 1 on failure. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Rebuilds RUN_DIR/report.html from the run's tables.")
public final class ReportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a run folder, e.g. out/quickstart")
  String runDir;

  @Override
  public Integer call() throws Exception {
    try (SparkSession spark = LocalSpark.start("report")) {
      String file = RunReport.write(spark, LocalSpark.qualify(spark, runDir));
      System.out.println("report: " + file);
      return 0;
    } catch (IOException e) {
      System.err.println("posespark report: " + e.getMessage());
      return 1;
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new ReportCommand()).execute(args));
  }
}
