package ai.posespark.pipeline;

/** A {@code model.*} key that names no pipeline, model, decoder or grouping this version has. */
public final class PipelineException extends RuntimeException {
  private final String key;
  private final String reason;

  /**
   * @param key    the job-file key at fault, e.g. {@code model.pipeline}
   * @param reason what is wrong and what exists instead
   */
  public PipelineException(String key, String reason) {
    super(key + ": " + reason);
    this.key = key;
    this.reason = reason;
  }

  public String key() {
    return key;
  }

  /** The message without the key. */
  public String reason() {
    return reason;
  }
}
