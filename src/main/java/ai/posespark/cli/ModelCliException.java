package ai.posespark.cli;

/**
 * A mistake in what the user asked the model command line for (unknown model, unknown input name, an input whose
 * shape or type the model does not declare, a model file that cannot be read): printed as one line, exit code 2.
 */
public final class ModelCliException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The one-line message shown to the user. */
  public ModelCliException(String message) {
    super(message);
  }

  /** The one-line message shown to the user, keeping the cause for debugging. */
  public ModelCliException(String message, Throwable cause) {
    super(message, cause);
  }
}
