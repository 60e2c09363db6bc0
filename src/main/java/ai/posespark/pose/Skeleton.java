package ai.posespark.pose;

import ai.posespark.data.Coco17;
import java.util.List;

/** Keypoint name lists of the skeletons PoseSpark writes, and the trees decoders walk. */
public final class Skeleton {
  private Skeleton() {}

  /** COCO 17, the order of MoveNet, PoseNet and COCO keypoint annotations. */
  public static final List<String> COCO_17 = Coco17.NAMES;

  /** The keypoint names of a catalog entry's {@code keypoints} skeleton; null where it names none known here. */
  public static List<String> keypointNames(String skeleton) {
    return switch (skeleton == null ? "" : skeleton) {
      case "coco17" -> COCO_17;
      case "blazepose33" -> BLAZEPOSE_33;
      case "efficientpose16" -> EFFICIENTPOSE_16;
      default -> null;
    };
  }

  /**
   * PoseNet's 16 edges as {@code {parent, child}} COCO-17 indices, in the order of the displacement channels:
   * a tree rooted at the nose (face, then left arm and leg, then right arm and leg).
   */
  public static final int[][] POSENET_EDGES = {
      {Coco17.NOSE, Coco17.LEFT_EYE}, {Coco17.LEFT_EYE, Coco17.LEFT_EAR},
      {Coco17.NOSE, Coco17.RIGHT_EYE}, {Coco17.RIGHT_EYE, Coco17.RIGHT_EAR},
      {Coco17.NOSE, Coco17.LEFT_SHOULDER}, {Coco17.LEFT_SHOULDER, Coco17.LEFT_ELBOW},
      {Coco17.LEFT_ELBOW, Coco17.LEFT_WRIST}, {Coco17.LEFT_SHOULDER, Coco17.LEFT_HIP},
      {Coco17.LEFT_HIP, Coco17.LEFT_KNEE}, {Coco17.LEFT_KNEE, Coco17.LEFT_ANKLE},
      {Coco17.NOSE, Coco17.RIGHT_SHOULDER}, {Coco17.RIGHT_SHOULDER, Coco17.RIGHT_ELBOW},
      {Coco17.RIGHT_ELBOW, Coco17.RIGHT_WRIST}, {Coco17.RIGHT_SHOULDER, Coco17.RIGHT_HIP},
      {Coco17.RIGHT_HIP, Coco17.RIGHT_KNEE}, {Coco17.RIGHT_KNEE, Coco17.RIGHT_ANKLE}};

  /** MediaPipe BlazePose's 33 body landmarks, in model output order. */
  public static final List<String> BLAZEPOSE_33 = List.of(
      "nose", "left_eye_inner", "left_eye", "left_eye_outer", "right_eye_inner", "right_eye", "right_eye_outer",
      "left_ear", "right_ear", "mouth_left", "mouth_right", "left_shoulder", "right_shoulder", "left_elbow",
      "right_elbow", "left_wrist", "right_wrist", "left_pinky", "right_pinky", "left_index", "right_index",
      "left_thumb", "right_thumb", "left_hip", "right_hip", "left_knee", "right_knee", "left_ankle", "right_ankle",
      "left_heel", "right_heel", "left_foot_index", "right_foot_index");

  /**
   * EfficientPose's 16 joints in model output order (the MPII joints; names as in {@code @vladmandic/human}:
   * head = MPII head_top, neck = upper_neck, chest = thorax, body_center = pelvis).
   */
  public static final List<String> EFFICIENTPOSE_16 = List.of(
      "head", "neck", "right_shoulder", "right_elbow", "right_wrist", "chest", "left_shoulder", "left_elbow",
      "left_wrist", "body_center", "right_hip", "right_knee", "right_ankle", "left_hip", "left_knee", "left_ankle");
}
