package ai.posespark.cli;

import ai.posespark.report.RunTables;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scripts/sql.sh RUN_DIR ["SELECT …"]}: the run's tables as views ({@code frames}, {@code persons}, the
 * {@code eval/} tables) in a local Spark session; runs the query, or reads statements ending in {@code ;} from
 * stdin (an interactive prompt). Exit codes: 0 ok, 2 a query Spark rejects, 1 other failures.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = "Spark SQL over a run's tables (views frames, persons, coco_summary, ...).")
public final class SqlCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a run folder, e.g. out/quickstart")
  String runDir;

  @Parameters(index = "1", arity = "0..1", paramLabel = "QUERY", description = "a query; none: read from stdin")
  String query;

  @Option(names = "--rows", paramLabel = "N", description = "most rows printed per query (default 50)")
  int rows = 50;

  @Override
  public Integer call() throws Exception {
    try (SparkSession spark = LocalSpark.start("sql")) {
      return run(spark, new BufferedReader(new InputStreamReader(System.in)));
    }
  }

  /** Opens the views on {@code spark}, runs the query or the statements read from {@code in}; the exit code. */
  public int run(SparkSession spark, BufferedReader in) throws Exception {
    try {
      List<String> views = RunTables.open(spark, LocalSpark.qualify(spark, runDir));
      if (query != null) {
        return execute(spark, query) ? 0 : 2;
      }
      System.err.println("views: " + String.join(", ", views) + ". End statements with ';', quit with Ctrl-D.");
      StringBuilder statement = new StringBuilder();
      System.err.print("sql> ");
      for (String line; (line = in.readLine()) != null; ) {
        statement.append(line).append('\n');
        if (line.trim().endsWith(";")) {
          String sql = statement.toString().trim();
          execute(spark, sql.substring(0, sql.length() - 1));
          statement.setLength(0);
        }
        System.err.print(statement.length() == 0 ? "sql> " : "...> ");
      }
      return 0;
    } catch (IOException e) {
      System.err.println("posespark sql: " + e.getMessage());
      return 1;
    }
  }

  private boolean execute(SparkSession spark, String sql) {
    try {
      var result = spark.sql(sql);
      // show() prints to Scala's Console, which keeps the stdout it saw first: hand it today's System.out
      scala.Console.withOut(System.out, () -> {
        result.show(rows, false);
        return null;
      });
      return true;
    } catch (Exception e) {
      // Spark's exceptions are undeclared (Scala): a bad statement is a message, and the prompt goes on
      String why = SqlErrors.describe(e);
      if (why != null) {
        System.err.println("sql: " + why);
        return false;
      }
      throw e;
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new SqlCommand()).execute(args));
  }
}
