package ai.posespark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.cli.SqlCommand;
import ai.posespark.run.SparkTestSession;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code scripts/sql.sh}: the run's tables as views, a query's rows printed, statements read from a prompt. */
class SqlCommandTest {
  private static String run(String stdin, String... args) throws Exception {
    SqlCommand cmd = new SqlCommand();
    new CommandLine(cmd).parseArgs(args);
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      int code = cmd.run(SparkTestSession.get().newSession(), new BufferedReader(new StringReader(stdin)));
      return code + "\n" + out.toString(StandardCharsets.UTF_8);
    } finally {
      System.setOut(old);
    }
  }

  @Test
  void queryOverFramesPersonsAndEvalViews() throws Exception {
    String dir = SampleRun.get().runDir();
    String out = run("", dir, "SELECT f.uri, count(p.person_index) AS people FROM frames f LEFT JOIN persons p "
        + "USING (frame_id) GROUP BY f.uri ORDER BY f.uri");
    assertTrue(out.startsWith("0\n"), out);
    assertTrue(out.contains("corrupt.jpg") && out.contains("messi5.jpg"), out);
    String ap = run("", dir, "SELECT name, round(value, 3) AS v FROM coco_summary WHERE name = 'AP'");
    assertTrue(ap.contains("|AP  |1.0|"), ap);
  }

  @Test
  void promptRunsEachStatementAndSurvivesABadOne() throws Exception {
    String out = run("SELECT count(*) AS n\nFROM frames;\nSELECT nope FROM frames;\nSELECT 'after' AS x;\n",
        SampleRun.get().runDir());
    assertTrue(out.startsWith("0\n"), out);
    assertTrue(out.contains("|4  |"), "the two-line statement: " + out);
    assertTrue(out.contains("|after|"), "the prompt goes on after an error: " + out);
  }

  /** Every query of the SQL cookbook (docs/sql-cookbook.md) parses and resolves against a run's views. */
  @Test
  void cookbookQueriesRun() throws Exception {
    String cookbook = Files.readString(Path.of("docs/sql-cookbook.md"));
    SparkSession spark = SparkTestSession.get().newSession();
    RunTables.open(spark, SampleRun.get().runDir());
    int n = 0;
    for (int at = cookbook.indexOf("```sql"); at >= 0; at = cookbook.indexOf("```sql", at + 1)) {
      String block = cookbook.substring(at + 6, cookbook.indexOf("```", at + 6));
      for (String statement : block.split(";")) {
        if (!statement.isBlank()) {
          spark.sql(statement).collectAsList();
          n++;
        }
      }
    }
    assertEquals(6, n, "the cookbook's queries");
  }

  @Test
  void aBadQueryExitsTwo() throws Exception {
    assertEquals('2', run("", SampleRun.get().runDir(), "SELECT nope FROM frames").charAt(0));
  }

  /** Statements that fail while running (ANSI errors on the executors) are a line each, and the prompt goes on. */
  @Test
  void runtimeErrorsAreOneLineAndThePromptGoesOn() throws Exception {
    PrintStream old = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    String out;
    try {
      out = run("SELECT 1 / (n_persons - n_persons) FROM frames;\nSELECT CAST(uri AS INT) FROM frames;\n"
          + "SELECT 'after' AS x;\n", SampleRun.get().runDir());
    } finally {
      System.setErr(old);
    }
    String messages = err.toString(StandardCharsets.UTF_8);
    System.out.println(messages);
    assertTrue(out.startsWith("0\n"), out);
    assertTrue(out.contains("|after|"), "the prompt goes on: " + out + messages);
    assertTrue(messages.contains("sql: [DIVIDE_BY_ZERO] Division by zero."), messages);
    assertTrue(messages.contains("sql: [CAST_INVALID_INPUT] The value"), messages);
    assertFalse(messages.contains("\tat "), "no stack trace: " + messages);
    assertEquals('2', run("", SampleRun.get().runDir(), "SELECT 1 / (n_persons - n_persons) FROM frames")
        .charAt(0), "a query that fails running exits 2");
  }
}
