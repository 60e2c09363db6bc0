package ai.posespark.job;

import ai.posespark.pose.ParametricPoseNms;
import ai.posespark.pose.PoseNmsChoice;
import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Job key {@code model.poseNms}: a method name ({@code poseNms: oks}) or a mapping with the method and its constants
 * ({@code poseNms: {method: parametric, gamma: 20}}); constants left out keep AlphaPose's (parametric) and
 * MMPose's (OKS) published defaults.
 *
 * @param method         {@code oks} (default) | {@code parametric} | {@code none}
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
public record PoseNmsSpec(String method, Double delta1, Double mu, Double delta2, Double gamma,
                          Double scoreThreshold, Integer matchThreshold, Double alpha, Double areaThreshold,
                          Double oksThreshold) implements java.io.Serializable {

  /** {@code poseNms: <method>}. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static PoseNmsSpec of(String method) {
    return new PoseNmsSpec(method, null, null, null, null, null, null, null, null, null);
  }

  /** The choice with the defaults filled in; an unknown method or a bad constant fails naming the key. */
  PoseNmsChoice toChoice() {
    String m = method == null ? PoseNmsChoice.DEFAULT.method() : method;
    if (!PoseNmsChoice.METHODS.contains(m)) {
      throw new JobSpecException("model.poseNms", "'" + m + "' is not one of "
          + String.join(" | ", PoseNmsChoice.METHODS));
    }
    ParametricPoseNms.Settings d = ParametricPoseNms.Settings.ALPHAPOSE;
    ParametricPoseNms.Settings p;
    try {
      p = new ParametricPoseNms.Settings(or(delta1, d.delta1()), or(mu, d.mu()), or(delta2, d.delta2()),
          or(gamma, d.gamma()), or(scoreThreshold, d.scoreThreshold()),
          matchThreshold == null ? d.matchThreshold() : matchThreshold, or(alpha, d.alpha()),
          or(areaThreshold, d.areaThreshold()));
    } catch (IllegalArgumentException e) {
      throw new JobSpecException("model.poseNms", e.getMessage());
    }
    double oks = or(oksThreshold, PoseNmsChoice.DEFAULT_OKS_THRESHOLD);
    if (!(oks > 0 && oks <= 1)) {
      throw new JobSpecException("model.poseNms.oksThreshold", oks + " is outside (0, 1]");
    }
    return new PoseNmsChoice(m, p, oks);
  }

  private static double or(Double v, double fallback) {
    return v == null ? fallback : v;
  }
}
