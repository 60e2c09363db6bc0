package ai.posespark.eval;

import ai.posespark.data.Mpii16;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PCKh results: per joint, the pooled Mean, and the grouped MPII table in its two flavours.
 *
 * @param count                 annotated instances per joint
 * @param correct               {@code [threshold][joint]} correct instances, thresholds {@link PckhCounts#THRESHOLDS}
 * @param approximatedFromCoco  predictions came from a COCO-17 model, so pelvis, thorax, upper_neck and head_top
 *                              are approximations ({@link Mpii16#fromCoco17})
 * @param personsWithoutHeadbox persons left out for lack of a head box
 */
public record PckhMetrics(long[] count, long[][] correct, boolean approximatedFromCoco, long personsWithoutHeadbox) {
  /** Columns of the grouped table. */
  public static final List<String> GROUPS = List.of("Head", "Shoulder", "Elbow", "Wrist", "Hip", "Knee", "Ankle",
      "Mean");

  /** PCKh of joint {@code j} in percent at threshold index {@code t}; NaN when the joint has no instance. */
  public double pckh(int t, int j) {
    return count[j] == 0 ? Double.NaN : 100.0 * correct[t][j] / count[j];
  }

  /**
   * The Mean: pooled over every counted joint except pelvis and thorax (as the official "Total" and
   * HRNet/mmpose's weighted mean); upper_neck is included.
   */
  public double mean(int t) {
    long c = 0, n = 0;
    for (int j = 0; j < Mpii16.K; j++) {
      if (j != Mpii16.PELVIS && j != Mpii16.THORAX) {
        c += correct[t][j];
        n += count[j];
      }
    }
    return n == 0 ? Double.NaN : 100.0 * c / n;
  }

  /**
   * The grouped table: left/right groups are the plain average of the two joints; Head is head_top
   * (mmpose / HRNet) or, with {@code officialMatlab}, the average of upper_neck and head_top (MATLAB genTablePCK).
   */
  public Map<String, Double> table(int t, boolean officialMatlab) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("Head", officialMatlab ? (pckh(t, 8) + pckh(t, 9)) / 2 : pckh(t, 9));
    m.put("Shoulder", (pckh(t, 12) + pckh(t, 13)) / 2);
    m.put("Elbow", (pckh(t, 11) + pckh(t, 14)) / 2);
    m.put("Wrist", (pckh(t, 10) + pckh(t, 15)) / 2);
    m.put("Hip", (pckh(t, 2) + pckh(t, 3)) / 2);
    m.put("Knee", (pckh(t, 1) + pckh(t, 4)) / 2);
    m.put("Ankle", (pckh(t, 0) + pckh(t, 5)) / 2);
    m.put("Mean", mean(t));
    return m;
  }
}
