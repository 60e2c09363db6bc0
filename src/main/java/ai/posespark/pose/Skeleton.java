package ai.posespark.pose;

import java.util.List;

/** Keypoint name lists of the skeletons PoseSpark writes. */
public final class Skeleton {
  private Skeleton() {}

  /** COCO 17, the order of MoveNet, PoseNet and COCO keypoint annotations. */
  public static final List<String> COCO_17 = ai.posespark.data.Coco17.NAMES;
}
