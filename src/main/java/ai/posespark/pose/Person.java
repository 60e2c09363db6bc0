package ai.posespark.pose;

import ai.posespark.decode.InputTransform;
import java.util.ArrayList;
import java.util.List;

/**
 * One detected person: in model-input pixels as a decoder finds it, in original-image pixels after
 * {@link #toSource}.
 *
 * @param score     person confidence 0..1
 * @param bbox      box {x, y, w, h}
 * @param keypoints keypoints in skeleton order
 */
public record Person(float score, BoundingBox bbox, List<Keypoint> keypoints) implements java.io.Serializable {

  /** Box of a person: top-left corner and size, pixels. */
  public record BoundingBox(float x, float y, float w, float h) implements java.io.Serializable {}

  /**
   * This person, found in model-input pixels, in the source frame's pixels: keypoints through {@code transform}, the
   * box as the smallest box around its mapped corners; both clamped to the frame.
   */
  public Person toSource(InputTransform transform) {
    List<Keypoint> mapped = new ArrayList<>(keypoints.size());
    for (Keypoint k : keypoints) {
      mapped.add(new Keypoint(k.name(), (float) transform.clampedSourceX(k.x(), k.y()),
          (float) transform.clampedSourceY(k.x(), k.y()), k.score()));
    }
    double[] xs = {bbox.x(), bbox.x() + bbox.w()};
    double[] ys = {bbox.y(), bbox.y() + bbox.h()};
    double x0 = Double.POSITIVE_INFINITY;
    double y0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY;
    double y1 = Double.NEGATIVE_INFINITY;
    for (double x : xs) {
      for (double y : ys) {
        double sx = transform.clampedSourceX(x, y);
        double sy = transform.clampedSourceY(x, y);
        x0 = Math.min(x0, sx);
        y0 = Math.min(y0, sy);
        x1 = Math.max(x1, sx);
        y1 = Math.max(y1, sy);
      }
    }
    return new Person(score, new BoundingBox((float) x0, (float) y0, (float) (x1 - x0), (float) (y1 - y0)), mapped);
  }

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
