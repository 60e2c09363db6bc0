package ai.posespark.job;

import ai.posespark.pose.paf.Assignment;
import ai.posespark.pose.paf.PafSettings;
import java.util.Locale;

/**
 * Job key {@code model.paf}: the OpenPose PAF grouper's thresholds ({@code model.grouping: paf}, and the candidates
 * and limb scores of {@code ilp} on a PAF model); a key left out keeps the reference default documented in
 * {@link PafSettings} and README.
 */
public record PafSpec(Float partThreshold, Integer maxPartCandidates, Integer midSamples, Float pafThreshold,
                      Double minSuccessRatio, Double peakWeight, Integer minParts, Double minMeanScore,
                      String assignment) implements java.io.Serializable {

  /** Every threshold at its default. */
  static PafSpec defaults() {
    return new PafSpec(null, null, null, null, null, null, null, null, null);
  }

  /** The grouper's settings; a bad value fails naming {@code model.paf}. */
  PafSettings settings() {
    PafSettings d = PafSettings.DEFAULTS;
    Assignment a = d.assignment();
    if (assignment != null) {
      try {
        a = Assignment.valueOf(assignment.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new JobSpecException("model.paf.assignment", "'" + assignment + "' is not greedy | hungarian");
      }
    }
    try {
      return new PafSettings(partThreshold == null ? d.partThreshold() : partThreshold,
          maxPartCandidates == null ? d.maxPartCandidates() : maxPartCandidates,
          midSamples == null ? d.midSamples() : midSamples, pafThreshold == null ? d.pafThreshold() : pafThreshold,
          minSuccessRatio == null ? d.minSuccessRatio() : minSuccessRatio,
          peakWeight == null ? d.peakWeight() : peakWeight, minParts == null ? d.minParts() : minParts,
          minMeanScore == null ? d.minMeanScore() : minMeanScore, a);
    } catch (IllegalArgumentException e) {
      throw new JobSpecException("model.paf", e.getMessage());
    }
  }
}
