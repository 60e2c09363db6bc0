package ai.posespark.pose;

import java.util.List;

/**
 * One detected person in original-image pixels.
 *
 * @param score     person confidence 0..1
 * @param bbox      box {x, y, w, h}
 * @param keypoints keypoints in skeleton order
 */
public record Person(float score, BoundingBox bbox, List<Keypoint> keypoints) implements java.io.Serializable {

  /** Box of a person: top-left corner and size, pixels. */
  public record BoundingBox(float x, float y, float w, float h) implements java.io.Serializable {}

  /** The tight box around keypoints scoring at least {@code minScore} (all keypoints if none does). */
  public static BoundingBox boxAround(List<Keypoint> keypoints, double minScore) {
    float x0 = Float.POSITIVE_INFINITY;
    float y0 = Float.POSITIVE_INFINITY;
    float x1 = Float.NEGATIVE_INFINITY;
    float y1 = Float.NEGATIVE_INFINITY;
    for (int pass = 0; pass < 2 && x0 == Float.POSITIVE_INFINITY; pass++) {
      for (Keypoint k : keypoints) {
        if (pass == 1 || k.score() >= minScore) {
          x0 = Math.min(x0, k.x());
          y0 = Math.min(y0, k.y());
          x1 = Math.max(x1, k.x());
          y1 = Math.max(y1, k.y());
        }
      }
    }
    return new BoundingBox(x0, y0, x1 - x0, y1 - y0);
  }
}
