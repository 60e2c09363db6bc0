package ai.posespark.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code scripts/model-cli.sh}: inspect and run one model outside a job, like TensorFlow's {@code saved_model_cli}.
 * Subcommands {@code show} ({@link ModelShowCommand}) and {@code run} ({@link ModelRunCommand}). Exit codes: 0 ok,
 * 2 a usage mistake (unknown model or input, mismatching input, unreadable file; one line on stderr), 1 a failure.
 */
@Command(name = "model-cli", mixinStandardHelpOptions = true, version = "PoseSpark 0.1",
    description = "Shows or runs a PoseSpark model (TF.js graph or TorchScript).",
    subcommands = {ModelShowCommand.class, ModelRunCommand.class})
public final class ModelCommand implements Runnable {
  /** Exit code of a usage mistake. */
  public static final int USAGE = 2;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(new CommandLine(this), "a subcommand is required: show or run");
  }

  /** Runs the command line and returns its exit code (used by {@link #main} and by tests). */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new ModelCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler((e, line, parsed) -> {
      PrintWriter err = line.getErr();
      if (e instanceof ModelCliException) {
        err.println("model-cli: " + e.getMessage());
        return USAGE;
      }
      err.println("model-cli: failed: " + ModelReference.oneLine(e));
      e.printStackTrace(err);
      return 1;
    });
    return cli.execute(args);
  }

  /** Entry point of {@code scripts/model-cli.sh}. */
  public static void main(String[] args) {
    System.exit(execute(args));
  }
}
