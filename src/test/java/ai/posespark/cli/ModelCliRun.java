package ai.posespark.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One in-process run of {@code model-cli} with its exit code and what it printed.
 *
 * @param code exit code
 * @param out standard output
 * @param err standard error
 */
record ModelCliRun(int code, String out, String err) {

  /** Runs {@link ModelCommand#execute} capturing System.out and System.err. */
  static ModelCliRun of(String... args) {
    PrintStream savedOut = System.out;
    PrintStream savedErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = ModelCommand.execute(args);
    } finally {
      System.setOut(savedOut);
      System.setErr(savedErr);
    }
    ModelCliRun run = new ModelCliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    System.out.print(run.out());
    System.err.print(run.err());
    return run;
  }
}
