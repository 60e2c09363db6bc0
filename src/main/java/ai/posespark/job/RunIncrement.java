package ai.posespark.job;

/**
 * What a run did with the frames it listed, against what its tables already held ({@code output.mode} append and
 * resume skip frames with a row; overwrite and error process all).
 *
 * @param processed frames this run ran through the pipeline
 * @param skipped   frames left out because the tables already held their rows
 * @param redone    of {@code processed}, frames whose earlier rows were removed first (retried errors)
 */
public record RunIncrement(long processed, long skipped, long redone) {
  /** Frames processed that the tables did not hold before. */
  public long fresh() {
    return processed - redone;
  }

  @Override
  public String toString() {
    return String.format("%d new, %d skipped (already in the tables), %d redone", fresh(), skipped, redone);
  }
}
