package ai.posespark.eval;

/**
 * The job's settings a metric may read.
 *
 * @param minKeypointScore {@code posetrack}: predicted keypoints scoring below are not submitted (the job passes
 *                         {@code model.minKeypointScore})
 * @param posetrackRules   {@code posetrack}: how poseval's corner cases are counted ({@code evaluation.posetrackRules})
 */
public record EvalSettings(double minKeypointScore, PoseTrackRules posetrackRules) {
  /** Every keypoint submitted, poseval's rules. */
  public static final EvalSettings DEFAULTS = new EvalSettings(0, PoseTrackRules.POSEVAL);
}
