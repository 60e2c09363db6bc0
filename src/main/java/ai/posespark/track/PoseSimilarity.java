package ai.posespark.track;

import ai.posespark.pose.Keypoint;
import ai.posespark.pose.Person;
import ai.posespark.pose.Person.BoundingBox;
import java.util.List;

/**
 * PoseFlow's two similarities between people of different frames: box IoU and pose IoU (the IoU between small
 * boxes drawn around corresponding keypoints), in continuous pixel coordinates.
 */
final class PoseSimilarity {
  private PoseSimilarity() {}

  /** IoU of two boxes, 0 when they do not overlap or both are empty. */
  static double boxIou(BoundingBox a, BoundingBox b) {
    return iou(a.x(), a.y(), a.x() + a.w(), a.y() + a.h(), b.x(), b.y(), b.x() + b.w(), b.y() + b.h());
  }

  /**
   * Pose IoU: for each keypoint k the IoU of the boxes of half side {@code halfSize} around its two positions,
   * weighted by {@code c_k = min(score_a, score_b)}; the {@code top} keypoints with the largest {@code c_k·IoU_k}
   * are kept (AlphaPose keeps the 7 largest IoUs, so a few badly placed joints do not break a match) and the result
   * is {@code Σ c_k·IoU_k / Σ c_k} over them. With every score 1 this is AlphaPose's mean of the top-7 IoUs; a
   * keypoint nobody is sure of counts for little. 0 when no keypoint has a score on both sides.
   *
   * @param dx shift added to {@code a}'s keypoints (a motion prediction), pixels
   * @param dy see {@code dx}
   */
  static double poseIou(List<Keypoint> a, List<Keypoint> b, double dx, double dy, double halfSize, int top) {
    int k = Math.min(a.size(), b.size());
    double[] weighted = new double[k];
    double[] weight = new double[k];
    int n = 0;
    for (int i = 0; i < k; i++) {
      Keypoint p = a.get(i);
      Keypoint q = b.get(i);
      double c = Math.min(p.score(), q.score());
      if (c > 0) {
        double px = p.x() + dx;
        double py = p.y() + dy;
        double v = iou(px - halfSize, py - halfSize, px + halfSize, py + halfSize,
            q.x() - halfSize, q.y() - halfSize, q.x() + halfSize, q.y() + halfSize);
        weighted[n] = c * v;
        weight[n] = c;
        n++;
      }
    }
    if (n == 0) {
      return 0;
    }
    // partial selection sort: n is a skeleton's size
    double num = 0;
    double den = 0;
    for (int t = 0; t < Math.min(top, n); t++) {
      int best = t;
      for (int i = t + 1; i < n; i++) {
        if (weighted[i] > weighted[best]) {
          best = i;
        }
      }
      double w = weighted[best];
      double c = weight[best];
      weighted[best] = weighted[t];
      weight[best] = weight[t];
      weighted[t] = w;
      weight[t] = c;
      num += w;
      den += c;
    }
    return num / den;
  }

  /** A person's box moved by {@code (dx, dy)}. */
  static BoundingBox shifted(Person p, double dx, double dy) {
    BoundingBox b = p.bbox();
    return new BoundingBox((float) (b.x() + dx), (float) (b.y() + dy), b.w(), b.h());
  }

  private static double iou(double ax0, double ay0, double ax1, double ay1,
      double bx0, double by0, double bx1, double by1) {
    double iw = Math.min(ax1, bx1) - Math.max(ax0, bx0);
    double ih = Math.min(ay1, by1) - Math.max(ay0, by0);
    if (iw <= 0 || ih <= 0) {
      return 0;
    }
    double inter = iw * ih;
    double union = (ax1 - ax0) * (ay1 - ay0) + (bx1 - bx0) * (by1 - by0) - inter;
    return union > 0 ? inter / union : 0;
  }
}
