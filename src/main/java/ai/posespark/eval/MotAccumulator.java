package ai.posespark.eval;

import ai.posespark.OptimalAssignment;
import java.util.HashMap;
import java.util.Map;

/**
 * CLEAR MOT events of one joint over one sequence, as py-motmetrics' {@code MOTAccumulator.update} makes them
 * (the version poseval pins): per frame, first every object still matched to its previous hypothesis keeps it when
 * their distance is allowed; the rest are paired by a minimum-cost assignment with the most pairs
 * ({@link OptimalAssignment#minCostMaxPairs}), a pair whose object was last matched to another hypothesis being a
 * switch; objects left over are misses, hypotheses left over false positives.
 */
final class MotAccumulator {
  /** Object id → the hypothesis it was last matched to. */
  private final Map<Long, Long> matchedTo = new HashMap<>();
  long matches;
  long switches;
  long misses;
  long falsePositives;
  long objects;
  /** Sum of the distances of matches and switches. */
  double distanceSum;

  /**
   * One frame.
   *
   * @param oids ground-truth track ids
   * @param hids predicted track ids
   * @param dist {@code [oids][hids]}: distance, NaN where the pair may not match
   */
  void update(long[] oids, long[] hids, double[][] dist) {
    int no = oids.length;
    int nh = hids.length;
    objects += no;
    boolean[] oDone = new boolean[no];
    boolean[] hDone = new boolean[nh];
    int paired = 0;
    if (no > 0 && nh > 0) {
      for (int i = 0; i < no; i++) {
        Long previous = matchedTo.get(oids[i]);
        if (previous == null) {
          continue;
        }
        int j = 0;
        while (j < nh && (hDone[j] || hids[j] != previous)) {
          j++;
        }
        if (j < nh && Double.isFinite(dist[i][j])) {
          oDone[i] = true;
          hDone[j] = true;
          matches++;
          distanceSum += dist[i][j];
          paired++;
        }
      }
      double[][] rest = new double[no][nh];
      for (int i = 0; i < no; i++) {
        for (int j = 0; j < nh; j++) {
          rest[i][j] = oDone[i] || hDone[j] ? Double.NaN : dist[i][j];
        }
      }
      int[] match = OptimalAssignment.minCostMaxPairs(rest);
      for (int i = 0; i < no; i++) {
        int j = match[i];
        if (j < 0) {
          continue;
        }
        Long previous = matchedTo.get(oids[i]);
        if (previous != null && previous != hids[j]) {
          switches++;
        } else {
          matches++;
        }
        distanceSum += rest[i][j];
        matchedTo.put(oids[i], hids[j]);
        oDone[i] = true;
        hDone[j] = true;
        paired++;
      }
    }
    misses += no - paired;
    falsePositives += nh - paired;
  }

  /** Matches and switches: predicted joints paired with a ground-truth joint. */
  long detections() {
    return matches + switches;
  }
}
