package ai.posespark.pose;

import java.util.List;

/** Keypoint name lists of the skeletons PoseSpark writes. */
public final class Skeleton {
  private Skeleton() {}

  /** COCO 17, the order of MoveNet, PoseNet and COCO keypoint annotations. */
  public static final List<String> COCO_17 = List.of(
      "nose", "left_eye", "right_eye", "left_ear", "right_ear",
      "left_shoulder", "right_shoulder", "left_elbow", "right_elbow", "left_wrist", "right_wrist",
      "left_hip", "right_hip", "left_knee", "right_knee", "left_ankle", "right_ankle");
}
