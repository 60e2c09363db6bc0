package ai.posespark.pose;

import java.util.List;

/**
 * Which pose NMS a top-down job runs ({@code model.poseNms}) with its constants, as the driver checked them; builds
 * the {@link PoseNms} on the executors.
 *
 * @param method       {@code parametric} (RMPE), {@code oks} (MMPose's OKS-NMS) or {@code none}
 * @param parametric   the parametric NMS constants
 * @param oksThreshold the OKS above which OKS-NMS suppresses a person
 */
public record PoseNmsChoice(String method, ParametricPoseNms.Settings parametric, double oksThreshold)
    implements java.io.Serializable {
  /** The methods, as a job names them. */
  public static final List<String> METHODS = List.of("parametric", "oks", "none");

  /** MMPose's OKS-NMS threshold for COCO top-down evaluation. */
  public static final double DEFAULT_OKS_THRESHOLD = 0.9;

  /**
   * OKS-NMS at MMPose's threshold, the parametric constants at AlphaPose's. OKS, not parametric, by default: the
   * single-person models here (MoveNet) put a crop's occluded joints on the neighbour the crop overlaps, and the
   * parametric rule "5 keypoints within 7 px" then removes that real person (measured on ../shared/data/coco with
   * centernet + thunder: AP 0.673 parametric, 0.761 OKS or none; README, "Top-down").
   */
  public static final PoseNmsChoice DEFAULT = new PoseNmsChoice("oks", ParametricPoseNms.Settings.ALPHAPOSE,
      DEFAULT_OKS_THRESHOLD);

  public PoseNmsChoice {
    if (!METHODS.contains(method)) {
      throw new IllegalArgumentException("pose NMS '" + method + "' is not one of " + String.join(" | ", METHODS));
    }
  }

  /** The NMS this choice names. */
  public PoseNms create() {
    return switch (method) {
      case "parametric" -> new ParametricPoseNms(parametric);
      case "oks" -> new OksPoseNms(oksThreshold);
      default -> PoseNms.NONE;
    };
  }
}
