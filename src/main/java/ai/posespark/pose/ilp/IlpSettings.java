package ai.posespark.pose.ilp;

/**
 * The ILP grouper's constants.
 *
 * @param partThreshold      smallest part probability a candidate needs (lower than PoseNet's root threshold 0.5:
 *                           the unary cost logit(p) is negative below 0.5, so weak parts survive only when
 *                           strong links pay for them)
 * @param localMaximumRadius window half-size, cells, for candidates (PoseNet's 1)
 * @param maxCandidates      more candidates than this in one image: greedy decoding instead
 * @param timeLimitMs        solver time per image, all lazy rounds together; hit: greedy decoding instead
 * @param sigma              pixels: the Gaussian turning a displacement's miss distance d into the same-person
 *                           probability exp(−d² / 2σ²) ({@link PoseNetLinkCost}); 32 = two PoseNet cells at
 *                           stride 16: the displacement is read at the source candidate's cell, not at its
 *                           offset-refined position, and the target is placed by its own cell's offset, so a
 *                           true link misses by up to a cell at each end
 * @param maxLinkProbability the probability of a link whose displacements hit exactly and whose length is within
 *                           its limb's prior (keeps its log-odds finite)
 * @param incremental        DeeperCut's incremental optimisation ({@link IncrementalMulticut}: head and shoulders,
 *                           then arms, then legs) instead of one program over all candidates
 */
public record IlpSettings(float partThreshold, int localMaximumRadius, int maxCandidates, long timeLimitMs,
                          double sigma, double maxLinkProbability, boolean incremental)
    implements java.io.Serializable {

  /** Defaults: threshold 0.25, radius 1, 100 candidates, 2 s, σ 32 px (two cells), 0.99, incremental. */
  public static final IlpSettings DEFAULTS = new IlpSettings(0.25f, 1, 100, 2000, 32, 0.99, true);

  public IlpSettings {
    if (!(partThreshold > 0 && partThreshold < 1) || localMaximumRadius < 0 || maxCandidates <= 0
        || timeLimitMs <= 0 || !(sigma > 0) || !(maxLinkProbability > 0.5 && maxLinkProbability < 1)) {
      throw new IllegalArgumentException("ilp: partThreshold " + partThreshold + " (0..1), localMaximumRadius "
          + localMaximumRadius + " (>= 0), maxCandidates " + maxCandidates + " (> 0), timeLimitMs " + timeLimitMs
          + " (> 0), sigma " + sigma + " (> 0), maxLinkProbability " + maxLinkProbability + " (0.5..1)");
    }
  }

  /** These settings with another candidate bound. */
  public IlpSettings withMaxCandidates(int max) {
    return new IlpSettings(partThreshold, localMaximumRadius, max, timeLimitMs, sigma, maxLinkProbability,
        incremental);
  }

  /** These settings with incremental optimisation on or off. */
  public IlpSettings withIncremental(boolean on) {
    return new IlpSettings(partThreshold, localMaximumRadius, maxCandidates, timeLimitMs, sigma, maxLinkProbability,
        on);
  }
}
