package ai.posespark.pose;

import ai.posespark.decode.Letterbox;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decodes MoveNet outputs. The graphs do the heatmap work themselves (a centre map picks each person, then
 * per-joint heatmaps plus offsets place the keypoints: the CPM idea), so what remains is layout and geometry:
 * <ul>
 *   <li>singlepose (lightning, thunder): {@code [1,1,17,3]} = 17 × (y, x, score), normalised to the input;
 *       the person score is the mean keypoint score, as in MoveNet's reference code;</li>
 *   <li>multipose: {@code [1,6,56]} = 6 candidates × (17 × (y, x, score), ymin, xmin, ymax, xmax, score).</li>
 * </ul>
 * Coordinates go back to original pixels through the letterbox inverse and are clamped to the image.
 */
public final class MoveNetDecoder implements PoseDecoder {
  private static final int K = 17;
  private static final int MULTI_STRIDE = K * 3 + 5;

  private final boolean multipose;
  private final double minPersonScore;

  /**
   * @param multipose      true for the {@code [1,6,56]} multipose layout
   * @param minPersonScore people below this score are dropped
   */
  public MoveNetDecoder(boolean multipose, double minPersonScore) {
    this.multipose = multipose;
    this.minPersonScore = minPersonScore;
  }

  @Override
  public List<Person> decode(List<float[]> outputs, Letterbox box) {
    float[] out = outputs.get(0);
    List<Person> people = new ArrayList<>();
    if (!multipose) {
      if (out.length != K * 3) {
        throw new IllegalArgumentException("MoveNet singlepose output has " + out.length + " values, expected 51");
      }
      List<Keypoint> kps = keypoints(out, 0, box);
      double mean = kps.stream().mapToDouble(Keypoint::score).average().orElse(0);
      if (mean >= minPersonScore) {
        people.add(new Person((float) mean, Person.boxAround(kps, 0.2), kps));
      }
      return people;
    }
    if (out.length % MULTI_STRIDE != 0) {
      throw new IllegalArgumentException("MoveNet multipose output has " + out.length + " values, not n × 56");
    }
    for (int p = 0; p < out.length / MULTI_STRIDE; p++) {
      int base = p * MULTI_STRIDE;
      float score = out[base + K * 3 + 4];
      if (score < minPersonScore) {
        continue;
      }
      List<Keypoint> kps = keypoints(out, base, box);
      double x0 = clamp(box.toSourceX(out[base + K * 3 + 1] * box.inputWidth()), box.srcWidth());
      double y0 = clamp(box.toSourceY(out[base + K * 3] * box.inputHeight()), box.srcHeight());
      double x1 = clamp(box.toSourceX(out[base + K * 3 + 3] * box.inputWidth()), box.srcWidth());
      double y1 = clamp(box.toSourceY(out[base + K * 3 + 2] * box.inputHeight()), box.srcHeight());
      people.add(new Person(score, new Person.BoundingBox((float) x0, (float) y0,
          (float) (x1 - x0), (float) (y1 - y0)), kps));
    }
    people.sort(Comparator.comparingDouble(Person::score).reversed());
    return people;
  }

  private static List<Keypoint> keypoints(float[] out, int base, Letterbox box) {
    List<Keypoint> kps = new ArrayList<>(K);
    for (int k = 0; k < K; k++) {
      float y = out[base + k * 3];
      float x = out[base + k * 3 + 1];
      float s = out[base + k * 3 + 2];
      double px = clamp(box.toSourceX(x * box.inputWidth()), box.srcWidth());
      double py = clamp(box.toSourceY(y * box.inputHeight()), box.srcHeight());
      kps.add(new Keypoint(Skeleton.COCO_17.get(k), (float) px, (float) py, s));
    }
    return kps;
  }

  private static double clamp(double v, int limit) {
    return Math.max(0, Math.min(limit, v));
  }
}
