package ai.posespark.report;

import ai.posespark.eval.EvalReport;
import ai.posespark.source.ListingReport;
import java.util.List;

/**
 * What a run did, returned to callers (tests, schedulers) and printed once at the end as {@link #screen()}.
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
 * @param topErrors     the most frequent error reasons with their frame counts, most frequent first
 * @param report        the run's {@code report.html}, or null when it was not written
 * @param training      a training run's outcome, or null for other runs
 */
public record JobSummary(String runDir, long frames, long errors, long persons, double seconds,
                         double inferenceMs, EvalReport evaluation, RunIncrement increment, ListingReport listing,
                         List<ErrorCount> topErrors, String report, TrainingOutcome training) {

  /** An error reason and how many frames failed with it. */
  public record ErrorCount(String reason, long frames) {}

  public JobSummary {
    topErrors = topErrors == null ? List.of() : List.copyOf(topErrors);
  }

  /** A summary before the report step: no error reasons, no report. */
  public JobSummary(String runDir, long frames, long errors, long persons, double seconds, double inferenceMs,
                    EvalReport evaluation, RunIncrement increment, ListingReport listing) {
    this(runDir, frames, errors, persons, seconds, inferenceMs, evaluation, increment, listing, List.of(), null,
        null);
  }

  /** A run that processed every frame it wrote, whose listing left nothing out. */
  public JobSummary(String runDir, long frames, long errors, long persons, double seconds, double inferenceMs,
                    EvalReport evaluation) {
    this(runDir, frames, errors, persons, seconds, inferenceMs, evaluation, new RunIncrement(frames, 0, 0),
        new ListingReport());
  }

  /** This summary with the error reasons and report the report step found and wrote. */
  public JobSummary withReport(List<ErrorCount> reasons, String reportFile) {
    return new JobSummary(runDir, frames, errors, persons, seconds, inferenceMs, evaluation, increment, listing,
        reasons, reportFile, training);
  }

  /** A training run's summary: no frames or persons, its outcome instead. */
  public static JobSummary ofTraining(String runDir, double seconds, TrainingOutcome training) {
    return new JobSummary(runDir, 0, training.leftOut(), 0, seconds, 0, null, new RunIncrement(0, 0, 0),
        new ListingReport(), List.of(), null, training);
  }

  /** Frames this run processed per second, over the whole run. */
  public double framesPerSecond() {
    return seconds > 0 ? increment.processed() / seconds : 0;
  }

  /**
   * The end-of-run screen: frames ok and failed with the top reasons, persons, time, throughput, the evaluation,
   * where the output is and how to open the report.
   */
  public String screen() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%nposespark: done in %s%n", RateFormat.seconds(seconds)));
    if (training != null) {
      sb.append(training.screen());
    } else if (frames > 0 || evaluation == null) {
      sb.append(String.format("  frames      %d (%d ok, %d error)%n", frames, frames - errors, errors));
      for (ErrorCount e : topErrors) {
        sb.append(String.format("    %5d × %s%n", e.frames(), e.reason()));
      }
      if (errors > topErrors.stream().mapToLong(ErrorCount::frames).sum()) {
        sb.append("    (all reasons: scripts/sql.sh ").append(local(runDir)).append(
            " \"SELECT error, count(*) FROM frames WHERE status = 'error' GROUP BY error\")\n");
      }
      sb.append(String.format("  persons     %d%n", persons));
      sb.append("  this run    ").append(increment).append('\n');
      if (!listing.isEmpty()) {
        sb.append("  input       ").append(listing).append('\n');
      }
      sb.append(String.format("  throughput  %s%n", RateFormat.perSecond(framesPerSecond(), "frames")));
    }
    if (evaluation != null) {
      sb.append("  ").append(evaluation.toString().replace("\n", "\n  ")).append('\n');
    }
    sb.append("  output      ").append(local(runDir)).append('\n');
    if (report != null) {
      sb.append("  report      ").append(local(report)).append("  (open it in a browser; rebuild: scripts/report.sh ")
          .append(local(runDir)).append(")\n");
    }
    return sb.toString();
  }

  /** A {@code file:} URI as the local path a user types; other URIs as they are. */
  static String local(String uri) {
    return uri.startsWith("file:") ? new org.apache.hadoop.fs.Path(uri).toUri().getPath() : uri;
  }

  @Override
  public String toString() {
    if (training != null) {
      return String.format("%s: trained %s, loss %.4f → %.4f in %.1f s", runDir, training.model(),
          training.firstLoss(), training.lastLoss(), seconds);
    }
    if (frames == 0 && evaluation != null) {
      return runDir + ": " + evaluation;
    }
    return String.format("%s: %d frames (%d errors), %d persons in %.1f s = %s; this run: %s", runDir, frames,
        errors, persons, seconds, RateFormat.perSecond(framesPerSecond(), "images"), increment)
        + (listing.isEmpty() ? "" : "\n  input: " + listing);
  }
}
