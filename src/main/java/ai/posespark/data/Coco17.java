package ai.posespark.data;

import java.util.List;

/** The COCO-17 keypoint layout (also MoveNet / PoseNet output order). */
public final class Coco17 {
  /** Keypoint names in COCO order. */
  public static final List<String> NAMES = List.of(
      "nose", "left_eye", "right_eye", "left_ear", "right_ear",
      "left_shoulder", "right_shoulder", "left_elbow", "right_elbow", "left_wrist", "right_wrist",
      "left_hip", "right_hip", "left_knee", "right_knee", "left_ankle", "right_ankle");

  public static final int NOSE = 0, LEFT_EYE = 1, RIGHT_EYE = 2, LEFT_EAR = 3, RIGHT_EAR = 4;
  public static final int LEFT_SHOULDER = 5, RIGHT_SHOULDER = 6, LEFT_ELBOW = 7, RIGHT_ELBOW = 8;
  public static final int LEFT_WRIST = 9, RIGHT_WRIST = 10, LEFT_HIP = 11, RIGHT_HIP = 12;
  public static final int LEFT_KNEE = 13, RIGHT_KNEE = 14, LEFT_ANKLE = 15, RIGHT_ANKLE = 16;

  /** Number of keypoints. */
  public static final int K = 17;

  /** Per-keypoint OKS sigmas × 10, as COCO publishes them (pycocotools divides by 10; copy before changing). */
  public static final double[] OKS_SIGMAS_X10 =
      {.26, .25, .25, .35, .35, .79, .79, .72, .72, .62, .62, 1.07, 1.07, .87, .87, .89, .89};

  private Coco17() {}
}
