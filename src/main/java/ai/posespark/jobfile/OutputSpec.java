package ai.posespark.jobfile;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Job key {@code output}.
 *
 * @param path        base folder (local path or Hadoop URI); the run writes to {@code <path>/<name>/}
 * @param mode        what to do when the run folder already holds output
 * @param chunkFrames frames per committed chunk (default 2048): the tables are committed chunk by chunk, so a crash
 *                    loses at most the chunk in flight; a chunk is whole waves of partitions
 * @param format      {@code parquet} (default) or {@code delta} (Delta Lake tables)
 */
public record OutputSpec(String path, Mode mode, Integer chunkFrames, Format format)
    implements java.io.Serializable {
  public OutputSpec {
    path = path == null ? "out" : path;
    mode = mode == null ? Mode.OVERWRITE : mode;
    chunkFrames = chunkFrames == null ? 2048 : chunkFrames;
    format = format == null ? Format.PARQUET : format;
  }

  /** How the tables are stored. */
  public enum Format {
    @JsonProperty("parquet") PARQUET,
    @JsonProperty("delta") DELTA
  }

  /** Behaviour when output exists. */
  public enum Mode {
    /** A new run replaces the old one once it has committed (written aside until then). */
    @JsonProperty("overwrite") OVERWRITE,
    /** Refuses to touch an existing run folder. */
    @JsonProperty("error") ERROR,
    /** Adds the frames the tables do not hold yet (scheduled runs over a growing input). */
    @JsonProperty("append") APPEND,
    /** Continues a crashed or killed run: only frames without a row are processed. */
    @JsonProperty("resume") RESUME;

    /** Whether the run keeps what the tables hold and processes only the rest. */
    public boolean incremental() {
      return this == APPEND || this == RESUME;
    }
  }
}
