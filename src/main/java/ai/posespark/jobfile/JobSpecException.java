package ai.posespark.jobfile;

/** A job file that cannot run: the message names the key and the reason. */
public final class JobSpecException extends IllegalArgumentException {
  private final String key;

  public JobSpecException(String key, String reason) {
    super("job file: " + key + ": " + reason);
    this.key = key;
  }

  /** The offending key as a dotted path, e.g. {@code execution.batchSize}. */
  public String key() {
    return key;
  }
}
