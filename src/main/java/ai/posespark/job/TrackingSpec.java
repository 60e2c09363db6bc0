package ai.posespark.job;

/** Job key {@code tracking}: PoseFlow-style track ids across video frames (video input only). */
public record TrackingSpec(Boolean enabled) implements java.io.Serializable {
  public TrackingSpec {
    enabled = enabled != null && enabled;
  }
}
