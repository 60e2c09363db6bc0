package ai.posespark.eval;

import ai.posespark.data.PoseTrack15;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PoseTrack's numbers from {@link PoseTrackCounts}, as poseval computes them but as fractions (poseval prints
 * them × 100). Per joint: {@code MOTA = 1 − (misses + switches + false positives) / objects},
 * {@code MOTP = 1 − Σ distance / detections} (distances in head sizes; 0 when nothing matched), precision
 * {@code detections / (detections + false positives)}, recall {@code detections / objects}; AP from the
 * precision-recall curve of all predicted joints ranked by score (VOC area under the interpolated curve), with the
 * precision and recall at its end. Every "total" is the mean over the joints where the value is defined, as
 * poseval's (not a pooled count); AP of a joint nothing predicted is 0, as in poseval.
 *
 * @param counts     what was accumulated
 * @param rules      how MOT frames were counted
 * @param approximatedHead true when head_bottom and head_top were approximated from COCO-17 predictions
 * @param mota       per joint, NaN where no ground truth
 * @param motp       per joint
 * @param precision  MOT precision per joint
 * @param recall     MOT recall per joint
 * @param ap         per joint
 * @param apPrecision precision at the end of the ranked list, per joint
 * @param apRecall   recall at the end of the ranked list, per joint
 */
public record PoseTrackMetrics(PoseTrackCounts counts, PoseTrackRules rules, boolean approximatedHead,
    double[] mota, double[] motp, double[] precision, double[] recall, double[] ap, double[] apPrecision,
    double[] apRecall) implements Serializable {

  /** Computes the metrics. */
  public static PoseTrackMetrics of(PoseTrackCounts c, PoseTrackRules rules, boolean approximatedHead) {
    int k = PoseTrack15.K;
    double[] mota = new double[k], motp = new double[k], pre = new double[k], rec = new double[k];
    double[] ap = new double[k], apPre = new double[k], apRec = new double[k];
    for (int j = 0; j < k; j++) {
      double objects = c.objects[j] > 0 ? c.objects[j] : Double.NaN;
      double det = c.detections[j];
      mota[j] = 1 - (c.misses[j] + c.switches[j] + c.falsePositives[j]) / objects;
      motp[j] = det == 0 ? 0 : 1 - c.distanceSum[j] / det;
      pre[j] = det + c.falsePositives[j] > 0 ? det / (det + c.falsePositives[j]) : Double.NaN;
      rec[j] = det / objects;
      double[] r = averagePrecision(Arrays.copyOf(c.scores[j], c.size[j]), Arrays.copyOf(c.correct[j], c.size[j]),
          c.groundTruth[j]);
      ap[j] = r[0];
      apPre[j] = r[1];
      apRec[j] = r[2];
    }
    return new PoseTrackMetrics(c, rules, approximatedHead, mota, motp, pre, rec, ap, apPre, apRec);
  }

  /** Mean MOTA over the joints with ground truth (poseval's "Total"). */
  public double motaTotal() {
    return total(mota);
  }

  /** Mean MOTP. */
  public double motpTotal() {
    return total(motp);
  }

  /** Mean MOT precision. */
  public double precisionTotal() {
    return total(precision);
  }

  /** Mean MOT recall. */
  public double recallTotal() {
    return total(recall);
  }

  /** Mean AP (poseval's "Total" mAP). */
  public double apTotal() {
    return total(ap);
  }

  /** poseval's printed row: Head, Shoulder, …, Ankle (joint means, NaN if any is) and Total. */
  public static Map<String, Double> table(double[] perJoint) {
    Map<String, Double> t = new LinkedHashMap<>();
    PoseTrack15.GROUPS.forEach((name, joints) -> {
      double s = 0;
      for (int j : joints) {
        s += perJoint[j];
      }
      t.put(name, s / joints.length);
    });
    t.put("Total", total(perJoint));
    return t;
  }

  /** Mean of the defined values, NaN if none. */
  static double total(double[] v) {
    double s = 0;
    int n = 0;
    for (double x : v) {
      if (!Double.isNaN(x)) {
        s += x;
        n++;
      }
    }
    return n == 0 ? Double.NaN : s / n;
  }

  /**
   * poseval's {@code computeRPC} + {@code VOCap}: ranked by score (ties in accumulation order), precision made
   * monotone from the right, area summed where recall changes.
   *
   * @return {AP, last precision, last recall}; {0, 0, 0} without detections; AP and recall NaN without positives
   */
  static double[] averagePrecision(double[] scores, boolean[] correct, long positives) {
    int n = scores.length;
    if (n == 0) {
      return new double[] {0, 0, 0};
    }
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
    double[] mrec = new double[n + 2];
    double[] mpre = new double[n + 2];
    int tp = 0;
    for (int r = 0; r < n; r++) {
      tp += correct[order[r]] ? 1 : 0;
      mrec[r + 1] = (double) tp / positives;
      mpre[r + 1] = (double) tp / (r + 1);
    }
    double lastPrecision = mpre[n];
    double lastRecall = mrec[n];
    mrec[n + 1] = 1;
    for (int i = n; i >= 0; i--) {
      mpre[i] = Math.max(mpre[i], mpre[i + 1]);
    }
    double area = 0;
    for (int i = 1; i <= n + 1; i++) {
      if (mrec[i] != mrec[i - 1]) {
        area += (mrec[i] - mrec[i - 1]) * mpre[i];
      }
    }
    return new double[] {area, lastPrecision, lastRecall};
  }
}
