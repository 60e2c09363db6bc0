package ai.posespark.job;

import java.util.List;

/** Job key {@code evaluation}: metrics computed against {@code input.annotations} ({@code coco}, {@code pckh},
 * {@code posetrack}). */
public record EvaluationSpec(List<String> metrics) implements java.io.Serializable {
  public EvaluationSpec {
    metrics = metrics == null ? List.of() : List.copyOf(metrics);
  }
}
