package ai.posespark.job;

import ai.posespark.pose.ilp.IlpSettings;

/**
 * Job key {@code model.ilp}: the DeepCut/DeeperCut ILP grouper's bounds and constants ({@code model.grouping: ilp});
 * a key left out keeps the default documented in {@link IlpSettings} and README.
 */
public record IlpSpec(Float partThreshold, Integer localMaximumRadius, Integer maxCandidates, Long timeLimitMs,
                      Double sigma, Double maxLinkProbability, Boolean incremental)
    implements java.io.Serializable {

  /** Every constant at its default. */
  static IlpSpec defaults() {
    return new IlpSpec(null, null, null, null, null, null, null);
  }

  /** The grouper's settings; a bad value fails naming {@code model.ilp}. */
  IlpSettings settings() {
    IlpSettings d = IlpSettings.DEFAULTS;
    try {
      return new IlpSettings(partThreshold == null ? d.partThreshold() : partThreshold,
          localMaximumRadius == null ? d.localMaximumRadius() : localMaximumRadius,
          maxCandidates == null ? d.maxCandidates() : maxCandidates,
          timeLimitMs == null ? d.timeLimitMs() : timeLimitMs, sigma == null ? d.sigma() : sigma,
          maxLinkProbability == null ? d.maxLinkProbability() : maxLinkProbability,
          incremental == null ? d.incremental() : incremental);
    } catch (IllegalArgumentException e) {
      throw new JobSpecException("model.ilp", e.getMessage());
    }
  }
}
