package ai.posespark.pose;

import ai.posespark.decode.InputTransform;
import java.util.ArrayList;
import java.util.List;

/**
 * One detected person: in model-input pixels as a decoder finds it, in original-image pixels after
 * {@link #toSource}.
 *
 * @param score     person confidence 0..1 (top-down: detector score × pose score)
 * @param bbox      box {x, y, w, h}
 * @param keypoints keypoints in skeleton order
 * @param detection where a top-down pipeline found the person (null for the other pipelines)
 */
public record Person(float score, BoundingBox bbox, List<Keypoint> keypoints, Detection detection)
    implements java.io.Serializable {

  /** A person no detector proposed (whole-frame pipelines). */
  public Person(float score, BoundingBox bbox, List<Keypoint> keypoints) {
    this(score, bbox, keypoints, null);
  }

  /** Box of a person: top-left corner and size, pixels. */
  public record BoundingBox(float x, float y, float w, float h) implements java.io.Serializable {

    /** The smallest box around this box's corners mapped through {@code transform}, clamped to the source. */
    public BoundingBox toSource(InputTransform transform) {
      double[] b = transform.sourceBox(x, y, w, h);
      return new BoundingBox((float) b[0], (float) b[1], (float) (b[2] - b[0]), (float) (b[3] - b[1]));
    }
  }

  /**
   * How a top-down pipeline scored a person.
   *
   * @param box       the detector's box, source pixels
   * @param score     the detector's score
   * @param poseScore the pose model's score for the person in the crop
   */
  public record Detection(BoundingBox box, float score, float poseScore) implements java.io.Serializable {}

  /** This person with {@code detection} attached and the final score {@code score}. */
  public Person detected(Detection detection, float score) {
    return new Person(score, bbox, keypoints, detection);
  }

  /**
   * This person seen in a mirrored input, put right: every {@code left_*} keypoint swaps places with its
   * {@code right_*} partner (by name, so any skeleton works), positions unchanged.
   */
  public Person swappedLeftRight() {
    List<Keypoint> swapped = new ArrayList<>(keypoints);
    for (int i = 0; i < keypoints.size(); i++) {
      String name = keypoints.get(i).name();
      String partner = name.startsWith("left_") ? "right_" + name.substring(5)
          : name.startsWith("right_") ? "left_" + name.substring(6) : null;
      for (int j = 0; partner != null && j < keypoints.size(); j++) {
        if (keypoints.get(j).name().equals(partner)) {
          Keypoint k = keypoints.get(j);
          swapped.set(i, new Keypoint(name, k.x(), k.y(), k.score()));
        }
      }
    }
    return new Person(score, bbox, swapped, detection);
  }

  /** Mean keypoint score: the pose score of single-person models. */
  public float meanKeypointScore() {
    double sum = 0;
    for (Keypoint k : keypoints) {
      sum += k.score();
    }
    return keypoints.isEmpty() ? 0 : (float) (sum / keypoints.size());
  }

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
    return new Person(score, bbox.toSource(transform), mapped, detection);
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
