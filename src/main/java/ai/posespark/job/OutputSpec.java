package ai.posespark.job;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Job key {@code output}.
 *
 * @param path base folder (local path or Hadoop URI); the run writes to {@code <path>/<name>/}
 * @param mode what to do when the run folder already holds output
 */
public record OutputSpec(String path, Mode mode) implements java.io.Serializable {
  public OutputSpec {
    path = path == null ? "out" : path;
    mode = mode == null ? Mode.OVERWRITE : mode;
  }

  /** Behaviour when output exists. */
  public enum Mode {
    @JsonProperty("overwrite") OVERWRITE,
    @JsonProperty("error") ERROR,
    @JsonProperty("append") APPEND
  }
}
