package ai.posespark.pose;

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
 * Normalised coordinates become input pixels by the input's size.
 */
public final class MoveNetDecoder implements PoseDecoder {
  private static final int K = 17;
  private static final int MULTI_STRIDE = K * 3 + 5;

  private final boolean multipose;
  private final int inputWidth;
  private final int inputHeight;
  private final double minPersonScore;

  /**
   * @param multipose      true for the {@code [1,6,56]} multipose layout
   * @param inputWidth     model input width, pixels
   * @param inputHeight    model input height, pixels
   * @param minPersonScore people below this score are dropped
   */
  public MoveNetDecoder(boolean multipose, int inputWidth, int inputHeight, double minPersonScore) {
    if (inputWidth <= 0 || inputHeight <= 0) {
      throw new IllegalArgumentException("movenet: input " + inputWidth + "×" + inputHeight + " is empty");
    }
    this.multipose = multipose;
    this.inputWidth = inputWidth;
    this.inputHeight = inputHeight;
    this.minPersonScore = minPersonScore;
  }

  @Override
  public List<Person> decode(List<float[]> outputs) {
    float[] out = outputs.get(0);
    List<Person> people = new ArrayList<>();
    if (!multipose) {
      if (out.length != K * 3) {
        throw new IllegalArgumentException("MoveNet singlepose output has " + out.length + " values, expected 51");
      }
      List<Keypoint> kps = keypoints(out, 0);
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
      List<Keypoint> kps = keypoints(out, base);
      float x0 = out[base + K * 3 + 1] * inputWidth;
      float y0 = out[base + K * 3] * inputHeight;
      float x1 = out[base + K * 3 + 3] * inputWidth;
      float y1 = out[base + K * 3 + 2] * inputHeight;
      people.add(new Person(score, new Person.BoundingBox(x0, y0, x1 - x0, y1 - y0), kps));
    }
    people.sort(Comparator.comparingDouble(Person::score).reversed());
    return people;
  }

  private List<Keypoint> keypoints(float[] out, int base) {
    List<Keypoint> kps = new ArrayList<>(K);
    for (int k = 0; k < K; k++) {
      float y = out[base + k * 3];
      float x = out[base + k * 3 + 1];
      kps.add(new Keypoint(Skeleton.COCO_17.get(k), x * inputWidth, y * inputHeight, out[base + k * 3 + 2]));
    }
    return kps;
  }
}
