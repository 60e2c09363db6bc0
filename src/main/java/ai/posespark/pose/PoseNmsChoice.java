package ai.posespark.pose;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;

/**
 * Job key {@code model.poseNms}: which pose NMS a top-down job runs, with its constants; builds the {@link PoseNms}
 * on the executors. A job names a method ({@code poseNms: oks}) or a mapping with the method and the constants it
 * changes ({@code poseNms: {method: parametric, gamma: 20}}); constants left out keep {@link #DEFAULT}'s:
 * AlphaPose's published parametric constants and MMPose's OKS threshold.
 *
 * @param method         {@code parametric} (RMPE), {@code oks} (MMPose's OKS-NMS) or {@code none}
 * @param delta1         parametric δ1 (1)
 * @param mu             parametric μ (1.7)
 * @param delta2         parametric δ2, pixels (2.65)
 * @param gamma          parametric elimination threshold γ (22.48)
 * @param scoreThreshold parametric: kept poses need a keypoint scoring this (0.3)
 * @param matchThreshold parametric: eliminate at this many matching keypoints (5)
 * @param alpha          parametric: match radius / box's longer side (0.1)
 * @param areaThreshold  parametric: minimum 1.5² × keypoint box area, pixels² (0)
 * @param oksThreshold   OKS-NMS: suppress above this OKS (0.9)
 */
public record PoseNmsChoice(String method, double delta1, double mu, double delta2, double gamma,
                            double scoreThreshold, int matchThreshold, double alpha, double areaThreshold,
                            double oksThreshold) implements java.io.Serializable {
  /** The methods, as a job names them. */
  public static final List<String> METHODS = List.of("parametric", "oks", "none");

  /**
   * OKS-NMS at MMPose's threshold 0.9, the parametric constants at AlphaPose's. OKS, not parametric, by default: the
   * single-person models here (MoveNet) put a crop's occluded joints on the neighbour the crop overlaps, and the
   * parametric rule "5 keypoints within 7 px" then removes that real person (measured on ../shared/data/coco with
   * centernet + thunder: AP 0.673 parametric, 0.761 OKS or none; README, "Top-down").
   */
  public static final PoseNmsChoice DEFAULT = of("oks", ParametricPoseNms.Settings.ALPHAPOSE, 0.9);

  /** Checks the method and every constant. */
  public PoseNmsChoice {
    if (!METHODS.contains(method)) {
      throw new IllegalArgumentException("'" + method + "' is not one of " + String.join(" | ", METHODS));
    }
    if (!(oksThreshold > 0 && oksThreshold <= 1)) {
      throw new IllegalArgumentException("oksThreshold " + oksThreshold + " is outside (0, 1]");
    }
    new ParametricPoseNms.Settings(delta1, mu, delta2, gamma, scoreThreshold, matchThreshold, alpha, areaThreshold);
  }

  /** {@code poseNms: <method>}: that method with the default constants. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static PoseNmsChoice named(String method) {
    return of(method, DEFAULT.parametric(), DEFAULT.oksThreshold());
  }

  /** {@code method} with these parametric constants and OKS threshold. */
  public static PoseNmsChoice of(String method, ParametricPoseNms.Settings p, double oksThreshold) {
    return new PoseNmsChoice(method, p.delta1(), p.mu(), p.delta2(), p.gamma(), p.scoreThreshold(),
        p.matchThreshold(), p.alpha(), p.areaThreshold(), oksThreshold);
  }

  /** The parametric NMS constants. */
  public ParametricPoseNms.Settings parametric() {
    return new ParametricPoseNms.Settings(delta1, mu, delta2, gamma, scoreThreshold, matchThreshold, alpha,
        areaThreshold);
  }

  /** The NMS this choice names. */
  public PoseNms create() {
    return switch (method) {
      case "parametric" -> new ParametricPoseNms(parametric());
      case "oks" -> new OksPoseNms(oksThreshold);
      default -> PoseNms.NONE;
    };
  }
}
