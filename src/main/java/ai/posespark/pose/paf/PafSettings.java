package ai.posespark.pose.paf;

/**
 * The thresholds of PAF grouping. Defaults ({@link #DEFAULTS}) are those of CMU's original Python demo
 * ({@code ZheC/Realtime_Multi-Person_Pose_Estimation}, {@code testing/python/config} and the demo notebook), whose
 * limb score this grouper follows, except the peak weight, which is OpenPose's; OpenPose's C++ values
 * ({@code poseParameters.cpp}, non-challenge build) are given where they differ.
 *
 * @param partThreshold     part candidates are 3×3 local maxima of a part map reaching this (demo {@code thre1}
 *                          0.1; OpenPose's NMS threshold 0.05)
 * @param maxPartCandidates most candidates kept per part, best first (OpenPose's {@code POSE_MAX_PEOPLE} 127; the
 *                          demo has no limit)
 * @param midSamples        points sampled on the segment between two candidates, ends included (demo
 *                          {@code mid_num} 10; OpenPose takes 5..25 by the segment's length)
 * @param pafThreshold      a sample succeeds when the PAF's component along the segment exceeds this (demo
 *                          {@code thre2} 0.05; OpenPose {@code interThreshold} 0.05)
 * @param minSuccessRatio   a connection needs more than this fraction of successful samples (demo 0.8; OpenPose
 *                          {@code interMinAboveThreshold} 0.95)
 * @param peakWeight        connections are ranked (for the matching) by their PAF score plus this times the two
 *                          candidates' peak scores (OpenPose's GPU connector, {@code pafPtrIntoVector}: 0.1, "to
 *                          avoid connecting high PAFs on very low-confident keypoints"; the demo and OpenPose's CPU
 *                          connector rank by the PAF score alone, 0). Without it a spurious peak lying on a true
 *                          limb's band scores as well as the true end and greedy takes it first: under noise of
 *                          σ 0.05 on the maps greedy recovered 15 of 21 people at 0, all 21 at 0.1. People are
 *                          scored with the PAF score either way.
 * @param minParts          people with fewer parts are dropped (demo {@code min_num} 4, rows with {@code < 4} parts
 *                          deleted; OpenPose {@code minSubsetCnt} 3)
 * @param minMeanScore      people whose score per part is lower are dropped (demo 0.4; OpenPose
 *                          {@code minSubsetScore} 0.4, its Matlab version 0.2)
 * @param assignment        per-limb matching: {@link Assignment#GREEDY} (both references) or
 *                          {@link Assignment#HUNGARIAN} (the paper's optimal bipartite matching). Both agree on clean
 *                          maps; under noise the largest total also takes weak spurious connections beside the true
 *                          ones, and Hungarian recovered fewer people than greedy (10 against 21 of 21 at σ 0.05)
 */
public record PafSettings(float partThreshold, int maxPartCandidates, int midSamples, float pafThreshold,
    double minSuccessRatio, double peakWeight, int minParts, double minMeanScore, Assignment assignment)
    implements java.io.Serializable {

  /** The Python demo's values with OpenPose's peak weight, greedy assignment. */
  public static final PafSettings DEFAULTS =
      new PafSettings(0.1f, 127, 10, 0.05f, 0.8, 0.1, 4, 0.4, Assignment.GREEDY);

  /** Checks every threshold's range. */
  public PafSettings {
    if (!(partThreshold >= 0 && partThreshold <= 1) || !(pafThreshold >= -1 && pafThreshold <= 1)) {
      throw new IllegalArgumentException("paf: partThreshold " + partThreshold + " must be in 0..1, pafThreshold "
          + pafThreshold + " in -1..1");
    }
    if (maxPartCandidates < 1 || midSamples < 2 || minParts < 1) {
      throw new IllegalArgumentException("paf: maxPartCandidates " + maxPartCandidates + ", midSamples " + midSamples
          + ", minParts " + minParts + " (need >= 1, >= 2, >= 1)");
    }
    if (!(minSuccessRatio >= 0 && minSuccessRatio < 1) || !(minMeanScore >= 0) || !(peakWeight >= 0)) {
      throw new IllegalArgumentException("paf: minSuccessRatio " + minSuccessRatio + " must be in [0, 1), "
          + "minMeanScore " + minMeanScore + " and peakWeight " + peakWeight + " >= 0");
    }
    if (assignment == null) {
      throw new IllegalArgumentException("paf: assignment is null (greedy or hungarian)");
    }
  }

  /** These settings with another assignment. */
  public PafSettings withAssignment(Assignment other) {
    return new PafSettings(partThreshold, maxPartCandidates, midSamples, pafThreshold, minSuccessRatio, peakWeight,
        minParts, minMeanScore, other);
  }

  /** These settings with another minimum part count. */
  public PafSettings withMinParts(int other) {
    return new PafSettings(partThreshold, maxPartCandidates, midSamples, pafThreshold, minSuccessRatio, peakWeight,
        other, minMeanScore, assignment);
  }

  /** These settings with another peak weight. */
  public PafSettings withPeakWeight(double other) {
    return new PafSettings(partThreshold, maxPartCandidates, midSamples, pafThreshold, minSuccessRatio, other,
        minParts, minMeanScore, assignment);
  }
}
