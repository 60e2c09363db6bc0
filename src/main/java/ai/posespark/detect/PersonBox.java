package ai.posespark.detect;

import ai.posespark.decode.InputTransform;
import java.io.Serializable;

/**
 * A person box: {@code x, y} the top-left corner, {@code w, h} its size, in pixels (continuous: pixel i covers
 * [i, i+1)); {@code score} the detector's confidence 0..1. Decoders give it in model-input pixels;
 * {@link #toSource} maps it to the frame.
 *
 * @param x     left edge
 * @param y     top edge
 * @param w     width, at least 0
 * @param h     height, at least 0
 * @param score confidence 0..1
 */
public record PersonBox(float x, float y, float w, float h, float score) implements Serializable {

  /** Rejects NaN coordinates and negative sizes: a decoder that makes one has a bug worth hearing about. */
  public PersonBox {
    if (Float.isNaN(x) || Float.isNaN(y) || !(w >= 0) || !(h >= 0) || Float.isNaN(score)) {
      throw new IllegalArgumentException("person box " + x + ", " + y + ", " + w + " × " + h + " (score " + score
          + ") has a NaN or a negative size");
    }
  }

  /** The box with corners {@code (x0, y0)} and {@code (x1, y1)}; inverted corners give an empty box at x0/y0. */
  public static PersonBox ofCorners(double x0, double y0, double x1, double y1, double score) {
    return new PersonBox((float) x0, (float) y0, (float) Math.max(0, x1 - x0), (float) Math.max(0, y1 - y0),
        (float) score);
  }

  /** Right edge, {@code x + w}. */
  public double right() {
    return (double) x + w;
  }

  /** Bottom edge, {@code y + h}. */
  public double bottom() {
    return (double) y + h;
  }

  /** Area, pixels². */
  public double area() {
    return (double) w * h;
  }

  /**
   * This box, decoded in model-input pixels, in the source frame's pixels: the smallest box around its four
   * corners mapped through {@code transform}, clamped to the frame (an affine crop may rotate, hence all four).
   */
  public PersonBox toSource(InputTransform transform) {
    double[] b = transform.sourceBox(x, y, w, h);
    return ofCorners(b[0], b[1], b[2], b[3], score);
  }

  /** Intersection over union with {@code other}; 0 when both are empty. */
  public double iou(PersonBox other) {
    double iw = Math.min(right(), other.right()) - Math.max(x, other.x);
    double ih = Math.min(bottom(), other.bottom()) - Math.max(y, other.y);
    if (iw <= 0 || ih <= 0) {
      return 0;
    }
    double inter = iw * ih;
    return inter / (area() + other.area() - inter);
  }

  /** The share of this box's area that lies inside {@code other} (1: fully covered); 0 for an empty box. */
  public double coveredBy(PersonBox other) {
    double iw = Math.min(right(), other.right()) - Math.max(x, other.x);
    double ih = Math.min(bottom(), other.bottom()) - Math.max(y, other.y);
    return iw <= 0 || ih <= 0 ? 0 : iw * ih / area();
  }
}
