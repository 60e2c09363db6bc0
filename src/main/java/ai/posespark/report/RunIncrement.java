package ai.posespark.report;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a run did with the frames it listed, against what its tables already held ({@code output.mode} append and
 * resume skip frames with a row; overwrite and error process all).
 *
 * @param processed  frames this run ran through the pipeline
 * @param skipped    frames left out because the tables already held their rows
 * @param redone     of {@code processed}, frames whose earlier rows were removed first (retried errors, replaced
 *                   files)
 * @param modelLoads executor id → models its JVM has loaded since it started, as its tasks last reported
 */
public record RunIncrement(long processed, long skipped, long redone, Map<String, Long> modelLoads) {
  public RunIncrement {
    modelLoads = Map.copyOf(modelLoads);
  }

  /** Counts without model loads (a run that loaded no model, or tests comparing counts). */
  public RunIncrement(long processed, long skipped, long redone) {
    this(processed, skipped, redone, Map.of());
  }

  /** The same counts: what equality in tests compares. */
  public RunIncrement counts() {
    return new RunIncrement(processed, skipped, redone);
  }

  /** Frames processed that the tables did not hold before. */
  public long fresh() {
    return processed - redone;
  }

  @Override
  public String toString() {
    String counts = String.format("%d new, %d skipped (already in the tables), %d redone", fresh(), skipped,
        redone);
    return modelLoads.isEmpty() ? counts : counts + "; models loaded per executor JVM " + new TreeMap<>(modelLoads);
  }
}
