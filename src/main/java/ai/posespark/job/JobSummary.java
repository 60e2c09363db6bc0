package ai.posespark.job;

import ai.posespark.source.ListingReport;

/**
 * What a run did, printed at the end and returned to callers (tests, schedulers).
 *
 * @param runDir        where the output went
 * @param frames        frame rows written
 * @param errors        frames with status error
 * @param persons       person rows written
 * @param seconds       wall time from listing to the last table written
 * @param inferenceMs   summed per-frame model time (all stages), for the bare-model throughput
 * @param evaluation    the evaluation's numbers, or null when the job has no {@code evaluation.metrics}
 * @param increment     frames processed, skipped and redone against what the tables held before
 * @param listing       the input files the listing left out (not images, hidden), counted with examples
 */
public record JobSummary(String runDir, long frames, long errors, long persons, double seconds,
                         double inferenceMs, ai.posespark.eval.EvalReport evaluation, RunIncrement increment,
                         ListingReport listing) {

  /** A run that processed every frame it wrote. */
  public JobSummary(String runDir, long frames, long errors, long persons, double seconds, double inferenceMs,
                    ai.posespark.eval.EvalReport evaluation) {
    this(runDir, frames, errors, persons, seconds, inferenceMs, evaluation, new RunIncrement(frames, 0, 0),
        new ListingReport());
  }

  /** Frames this run processed per second, over the whole run. */
  public double framesPerSecond() {
    return seconds > 0 ? increment.processed() / seconds : 0;
  }

  @Override
  public String toString() {
    if (frames == 0 && evaluation != null) {
      return runDir + ": " + evaluation;
    }
    return String.format("%s: %d frames (%d errors), %d persons in %.1f s = %.2f images/s; this run: %s", runDir,
        frames, errors, persons, seconds, framesPerSecond(), increment)
        + (listing.isEmpty() ? "" : "\n  input: " + listing);
  }
}
