package ai.posespark.track;

import java.io.Serializable;

/**
 * Job key {@code tracking}: the switch and the tracker's constants, one per key {@code tracking.<name>}. The matching
 * constants are AlphaPose's PoseFlow defaults ({@code PoseFlow/tracker-general.py}: {@code --link 100 --num 7 --mag 30
 * --match 0.2}, weights {@code [1, 2, 1, 2, 0, 0]} for people of the previous frame and {@code [0, 1, 0, 1, 0, 0]} for
 * older ones); the flow NMS constants are PoseSpark's, since the released PoseFlow code has no PF-NMS.
 *
 * <p>AlphaPose's weight vectors are {@code [box IoU through DeepMatching/ORB correspondences, box IoU,
 * pose IoU through correspondences, pose IoU, score1, score2]}. The tracker sees poses, not pixels, so the two
 * correspondence terms become the same IoUs against the track's last pose moved by its constant-velocity
 * prediction ({@link #motionBoxWeight}, {@link #motionPoseWeight}), with AlphaPose's weights.
 *
 * @param enabled          track at all ({@code tracking.enabled}; default false; needs {@code input.kind: video})
 * @param lookBack         a track last seen up to this many sampled frames ago can still take a person (AlphaPose's
 *                         {@code --link}, 100); further back it is closed and a returning person gets a new id
 *                         (unless flow NMS re-links it, see {@link #mergeGap})
 * @param matchThreshold   a track and a person pair only with a grade above this (AlphaPose's {@code --match},
 *                         0.2)
 * @param topKeypoints     pose IoU averages the best this many keypoints (AlphaPose's {@code --num}, 7)
 * @param keypointBoxSize  half side, in pixels, of the box drawn around each keypoint for pose IoU (AlphaPose's
 *                         {@code --mag}, 30: boxes {@code [x - 30, x + 30]})
 * @param boxWeight        grade weight of box IoU for a track seen in the previous frame (AlphaPose's 2)
 * @param poseWeight       grade weight of pose IoU for a track seen in the previous frame (AlphaPose's 2)
 * @param motionBoxWeight  grade weight of box IoU against the track's predicted box, previous-frame tracks
 *                         (AlphaPose's 1, its DeepMatching box term)
 * @param motionPoseWeight grade weight of pose IoU against the track's predicted pose, previous-frame tracks
 *                         (AlphaPose's 1, its DeepMatching pose term)
 * @param lostBoxWeight    grade weight of box IoU for a track lost for a frame or more (AlphaPose's 1)
 * @param lostPoseWeight   grade weight of pose IoU for a track lost for a frame or more (AlphaPose's 1)
 * @param mergeGap         flow NMS: a flow that starts at most this many sampled frames after another ends may
 *                         continue it (PoseSpark's 100, as {@code lookBack}); 0 turns fragment merging off
 * @param mergeThreshold   flow NMS: the two flows' grade, ends predicted towards each other, must exceed this
 *                         (PoseSpark's 0.2, as {@code matchThreshold})
 * @param minFlowLength    flow NMS: flows with fewer people than this and a mean person score below
 *                         {@code minFlowScore} are dropped (track id -1) (PoseSpark's 3); 0 keeps every flow
 * @param minFlowScore     flow NMS: see {@code minFlowLength} (PoseSpark's 0.3)
 */
public record TrackingSettings(
    boolean enabled,
    int lookBack,
    double matchThreshold,
    int topKeypoints,
    double keypointBoxSize,
    double boxWeight,
    double poseWeight,
    double motionBoxWeight,
    double motionPoseWeight,
    double lostBoxWeight,
    double lostPoseWeight,
    int mergeGap,
    double mergeThreshold,
    int minFlowLength,
    double minFlowScore) implements Serializable {

  /** The defaults documented on each component: tracking off. */
  public static final TrackingSettings DEFAULTS = new TrackingSettings(false, 100, 0.2, 7, 30, 2, 2, 1, 1, 1, 1,
      100, 0.2, 3, 0.3);

  /** Checks every constant; a failure names the job key {@code tracking.<name>}. */
  public TrackingSettings {
    atLeast("lookBack", lookBack, 1);
    atLeast("topKeypoints", topKeypoints, 1);
    atLeast("mergeGap", mergeGap, 0);
    atLeast("minFlowLength", minFlowLength, 0);
    nonNegative("matchThreshold", matchThreshold);
    nonNegative("mergeThreshold", mergeThreshold);
    nonNegative("minFlowScore", minFlowScore);
    nonNegative("boxWeight", boxWeight);
    nonNegative("poseWeight", poseWeight);
    nonNegative("motionBoxWeight", motionBoxWeight);
    nonNegative("motionPoseWeight", motionPoseWeight);
    nonNegative("lostBoxWeight", lostBoxWeight);
    nonNegative("lostPoseWeight", lostPoseWeight);
    if (!(keypointBoxSize > 0) || Double.isInfinite(keypointBoxSize)) {
      throw invalid("keypointBoxSize", keypointBoxSize + " must be a positive number of pixels");
    }
  }

  /** These settings with {@code lookBack} replaced. */
  public TrackingSettings withLookBack(int frames) {
    return new TrackingSettings(enabled, frames, matchThreshold, topKeypoints, keypointBoxSize, boxWeight,
        poseWeight, motionBoxWeight, motionPoseWeight, lostBoxWeight, lostPoseWeight, mergeGap, mergeThreshold,
        minFlowLength, minFlowScore);
  }

  /** These settings with the flow NMS constants replaced. */
  public TrackingSettings withFlowNms(int gap, double threshold, int length, double score) {
    return new TrackingSettings(enabled, lookBack, matchThreshold, topKeypoints, keypointBoxSize, boxWeight,
        poseWeight, motionBoxWeight, motionPoseWeight, lostBoxWeight, lostPoseWeight, gap, threshold, length, score);
  }

  private static void atLeast(String name, int value, int min) {
    if (value < min) {
      throw invalid(name, value + " must be at least " + min);
    }
  }

  private static void nonNegative(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw invalid(name, value + " must be a finite number >= 0");
    }
  }

  private static IllegalArgumentException invalid(String name, String reason) {
    return new IllegalArgumentException("tracking." + name + ": " + reason);
  }
}
