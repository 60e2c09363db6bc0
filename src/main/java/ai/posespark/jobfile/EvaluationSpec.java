package ai.posespark.jobfile;

import ai.posespark.eval.PoseTrackRules;
import java.util.List;

/**
 * Job key {@code evaluation}: metrics computed against {@code input.annotations}.
 *
 * @param metrics        {@code coco}, {@code pckh}, {@code posetrack}
 * @param posetrackRules {@code poseval} (default: the official evaluation's rules, which leave each sequence's last
 *                       frame out of MOTA) or {@code all-frames} (every frame counted with its true events)
 */
public record EvaluationSpec(List<String> metrics, String posetrackRules) implements java.io.Serializable {
  /** The values of {@code evaluation.posetrackRules}. */
  static final List<String> POSETRACK_RULES = List.of("poseval", "all-frames");

  public EvaluationSpec {
    metrics = metrics == null ? List.of() : List.copyOf(metrics);
    posetrackRules = posetrackRules == null ? POSETRACK_RULES.get(0) : posetrackRules;
  }

  /** The PoseTrack rules named by {@code posetrackRules}. */
  public PoseTrackRules posetrack() {
    return "all-frames".equals(posetrackRules) ? PoseTrackRules.ALL_FRAMES : PoseTrackRules.POSEVAL;
  }
}
