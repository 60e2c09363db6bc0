package ai.posespark.pose.paf;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One person as the grouper assembles it, in the topology's parts and grid cells.
 *
 * @param parts per part its candidate, null where the person has none ({@code K} entries)
 * @param total the reference's person score: the sum of its parts' peak scores and of its connections' scores
 */
public record PafPose(List<PartPeak> parts, double total) {

  /** Keeps {@code parts} as given, nulls included, read-only. */
  public PafPose {
    parts = Collections.unmodifiableList(Arrays.asList(parts.toArray(new PartPeak[0])));
  }

  /** Number of parts the person has that count towards the minimum ({@link PafTopology#counted}). */
  public int countedParts(PafTopology topology) {
    int n = 0;
    for (int p = 0; p < parts.size(); p++) {
      n += parts.get(p) != null && topology.counted(p) ? 1 : 0;
    }
    return n;
  }

  /** Whether the person passes the reference's filter: {@code minParts} counted parts, mean score per part. */
  public boolean kept(PafTopology topology, int minParts, double minMeanScore) {
    int counted = countedParts(topology);
    return counted >= minParts && total / counted >= minMeanScore;
  }
}
