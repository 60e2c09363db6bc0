package ai.posespark.eval;

import ai.posespark.data.PoseTrack15;
import java.io.Serializable;
import java.util.List;

/**
 * One person on poseval's 15 joints (a ground-truth annotation or a prediction): which joints it has, where, and
 * with what score.
 *
 * @param trackId  the person's track id
 * @param x        15 joint x, pixels
 * @param y        15 joint y
 * @param present  which joints it has (annotated, or predicted at or above the keypoint threshold)
 * @param score    15 joint scores (predictions; ground truth: 0)
 * @param headSize ground truth: 0.6 × the head box diagonal (poseval's {@code getHeadSize}); NaN when the
 *                 annotation has no {@code bbox_head} (no joint of it can then be matched); predictions: NaN
 */
public record PoseTrackPose(long trackId, double[] x, double[] y, boolean[] present, double[] score,
    double headSize) implements Serializable {

  /** Joints this person has. */
  public int jointCount() {
    int n = 0;
    for (boolean p : present) {
      n += p ? 1 : 0;
    }
    return n;
  }

  /**
   * This person without the joints inside any of {@code polygons} (poseval's {@code removeIgnoredPointsRects}:
   * shapely's {@code contains}, so a point on an edge stays), or null when no joint is left.
   *
   * @param polygons each {@code [x1, y1, x2, y2, ...]}
   */
  public PoseTrackPose withoutJointsIn(List<double[]> polygons) {
    boolean[] kept = present.clone();
    int left = 0;
    for (int j = 0; j < PoseTrack15.K; j++) {
      for (int r = 0; kept[j] && r < polygons.size(); r++) {
        if (strictlyInside(polygons.get(r), x[j], y[j])) {
          kept[j] = false;
        }
      }
      left += kept[j] ? 1 : 0;
    }
    return left == 0 ? null : new PoseTrackPose(trackId, x, y, kept, score, headSize);
  }

  /** Even-odd rule; points on the boundary are outside. */
  static boolean strictlyInside(double[] poly, double px, double py) {
    int n = poly.length / 2;
    if (n < 3) {
      return false;
    }
    boolean inside = false;
    for (int i = 0, k = n - 1; i < n; k = i++) {
      double xi = poly[2 * i], yi = poly[2 * i + 1], xk = poly[2 * k], yk = poly[2 * k + 1];
      if (onSegment(xi, yi, xk, yk, px, py)) {
        return false;
      }
      if ((yi > py) != (yk > py) && px < (xk - xi) * (py - yi) / (yk - yi) + xi) {
        inside = !inside;
      }
    }
    return inside;
  }

  private static boolean onSegment(double ax, double ay, double bx, double by, double px, double py) {
    double cross = (bx - ax) * (py - ay) - (by - ay) * (px - ax);
    return cross == 0 && px >= Math.min(ax, bx) && px <= Math.max(ax, bx) && py >= Math.min(ay, by)
        && py <= Math.max(ay, by);
  }
}
