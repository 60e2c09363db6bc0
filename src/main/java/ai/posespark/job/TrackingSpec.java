package ai.posespark.job;

import ai.posespark.track.TrackingSettings;

/**
 * Job key {@code tracking}: PoseFlow-style track ids across a video's frames ({@code input.kind: video}). Every
 * constant of {@link TrackingSettings} is a key here ({@code tracking.lookBack}, …); a key left out keeps the
 * default documented there and in README.
 */
public record TrackingSpec(
    Boolean enabled,
    Integer lookBack,
    Double matchThreshold,
    Integer topKeypoints,
    Double keypointBoxSize,
    Double boxWeight,
    Double poseWeight,
    Double motionBoxWeight,
    Double motionPoseWeight,
    Double lostBoxWeight,
    Double lostPoseWeight,
    Integer mergeGap,
    Double mergeThreshold,
    Integer minFlowLength,
    Double minFlowScore) implements java.io.Serializable {

  public TrackingSpec {
    enabled = enabled != null && enabled;
  }

  /** Tracking off, every constant at its default. */
  static TrackingSpec off() {
    return new TrackingSpec(false, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** The tracker's settings: the defaults with the job's keys applied; a bad value fails naming its key. */
  public TrackingSettings settings() {
    TrackingSettings d = TrackingSettings.DEFAULTS;
    try {
      return new TrackingSettings(
          lookBack == null ? d.lookBack() : lookBack,
          matchThreshold == null ? d.matchThreshold() : matchThreshold,
          topKeypoints == null ? d.topKeypoints() : topKeypoints,
          keypointBoxSize == null ? d.keypointBoxSize() : keypointBoxSize,
          boxWeight == null ? d.boxWeight() : boxWeight,
          poseWeight == null ? d.poseWeight() : poseWeight,
          motionBoxWeight == null ? d.motionBoxWeight() : motionBoxWeight,
          motionPoseWeight == null ? d.motionPoseWeight() : motionPoseWeight,
          lostBoxWeight == null ? d.lostBoxWeight() : lostBoxWeight,
          lostPoseWeight == null ? d.lostPoseWeight() : lostPoseWeight,
          mergeGap == null ? d.mergeGap() : mergeGap,
          mergeThreshold == null ? d.mergeThreshold() : mergeThreshold,
          minFlowLength == null ? d.minFlowLength() : minFlowLength,
          minFlowScore == null ? d.minFlowScore() : minFlowScore);
    } catch (IllegalArgumentException e) {
      throw new JobSpecException("tracking", e.getMessage());
    }
  }
}
