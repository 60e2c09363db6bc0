package ai.posespark.eval;

import java.util.List;

/**
 * What an evaluation produced, for logging and for callers that want the numbers without reading the files.
 *
 * @param results    one per metric evaluated, in registration order
 * @param evalOutDir where the tables and JSON files were written
 */
public record EvalReport(List<Metric.Result> results, String evalOutDir) {
  public EvalReport {
    results = List.copyOf(results);
  }

  /** The numbers of type {@code type} ({@link CocoMetrics}...), or null when their metric was not evaluated. */
  public <T> T numbers(Class<T> type) {
    return results.stream().map(Metric.Result::numbers).filter(type::isInstance).map(type::cast).findFirst()
        .orElse(null);
  }

  /** Persons (or results) of frames with no ground-truth image, left out: the most any metric left out. */
  public long personsWithoutGroundTruth() {
    return results.stream().mapToLong(Metric.Result::personsWithoutGroundTruth).max().orElse(0);
  }

  /** One line per metric, e.g. {@code COCO keypoints (maxDets 20): AP=0.5355 AP50=1.0000 ...}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("evaluation -> ").append(evalOutDir);
    for (Metric.Result r : results) {
      sb.append("\n  ").append(r.summary());
    }
    if (personsWithoutGroundTruth() > 0) {
      sb.append("\n  persons of frames without ground truth (not evaluated): ").append(personsWithoutGroundTruth());
    }
    return sb.toString();
  }
}
