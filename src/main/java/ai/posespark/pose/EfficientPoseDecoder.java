package ai.posespark.pose;

import ai.posespark.data.Coco17;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes EfficientPose (single person, MPII joints): output {@code upscaled_confs} {@code [H, W, 16]} confidence
 * maps covering the whole input (368 × 368 for the npm graph), joints in {@link Skeleton#EFFICIENTPOSE_16} order.
 * Each joint is the refined peak of its map ({@link HeatmapPeak}); its score is the peak value clamped to 0..1,
 * the person's score the mean over the 16 joints.
 *
 * <p>{@link Layout#COCO_17}, the catalog default, writes COCO-17 so the persons table, {@code results.json} and
 * COCO/PCKh evaluation work as for every other model: shoulders, elbows, wrists, hips, knees and ankles are the
 * model's joints (EfficientPose indices 6/2, 7/3, 8/4, 13/10, 14/11, 15/12, left/right). The model has no face
 * points, so nose, eyes and ears are all placed at the middle of neck → head top (a rough face centre that keeps
 * COCO's OKS sensible) with <b>score 0</b>, marking them as not predicted; the model's neck, chest, pelvis and
 * head top are dropped. {@link Layout#EFFICIENTPOSE_16} writes the 16 joints under the model's own names instead.
 */
public final class EfficientPoseDecoder implements PoseDecoder {
  /** Which keypoints a person gets. */
  public enum Layout { COCO_17, EFFICIENTPOSE_16 }

  /** EfficientPose joint for each COCO-17 keypoint, -1 for the face points the model does not predict. */
  static final int[] COCO_FROM_EFFICIENTPOSE = {-1, -1, -1, -1, -1, 6, 2, 7, 3, 8, 4, 13, 10, 14, 11, 15, 12};

  private static final int JOINTS = 16;
  private static final int HEAD = 0;
  private static final int NECK = 1;

  private final Layout layout;
  private final int inputWidth;
  private final int inputHeight;
  private final double minPersonScore;

  /**
   * @param layout         COCO-17 (with synthesised, score-0 face points) or the model's 16 joints
   * @param inputWidth     model input width, pixels
   * @param inputHeight    model input height, pixels
   * @param minPersonScore frames whose mean peak confidence is below this have no person
   */
  public EfficientPoseDecoder(Layout layout, int inputWidth, int inputHeight, double minPersonScore) {
    if (layout == null) {
      throw new IllegalArgumentException("efficientpose: layout is null");
    }
    if (inputWidth <= 0 || inputHeight <= 0) {
      throw new IllegalArgumentException("efficientpose: input " + inputWidth + "×" + inputHeight + " is empty");
    }
    this.layout = layout;
    this.inputWidth = inputWidth;
    this.inputHeight = inputHeight;
    this.minPersonScore = minPersonScore;
  }

  @Override
  public List<Person> decode(List<float[]> outputs) {
    FeatureGrid maps = grid(outputs.get(0));
    double sx = (double) inputWidth / maps.width();
    double sy = (double) inputHeight / maps.height();
    double[][] joints = new double[JOINTS][];
    double mean = 0;
    for (int j = 0; j < JOINTS; j++) {
      HeatmapPeak p = HeatmapPeak.of(maps, j);
      double score = Math.max(0, Math.min(1, p.value()));
      joints[j] = new double[] {(p.col() + 0.5) * sx, (p.row() + 0.5) * sy, score};
      mean += score / JOINTS;
    }
    if (mean < minPersonScore) {
      return List.of();
    }
    List<Keypoint> kps = layout == Layout.COCO_17 ? coco17(joints) : own(joints);
    return List.of(new Person((float) mean, Person.boxAround(kps, 0.1), kps));
  }

  private static List<Keypoint> coco17(double[][] joints) {
    double faceX = (joints[NECK][0] + joints[HEAD][0]) / 2;
    double faceY = (joints[NECK][1] + joints[HEAD][1]) / 2;
    List<Keypoint> kps = new ArrayList<>(Coco17.K);
    for (int k = 0; k < Coco17.K; k++) {
      int j = COCO_FROM_EFFICIENTPOSE[k];
      kps.add(j < 0
          ? new Keypoint(Coco17.NAMES.get(k), (float) faceX, (float) faceY, 0)
          : new Keypoint(Coco17.NAMES.get(k), (float) joints[j][0], (float) joints[j][1], (float) joints[j][2]));
    }
    return kps;
  }

  private static List<Keypoint> own(double[][] joints) {
    List<Keypoint> kps = new ArrayList<>(JOINTS);
    for (int j = 0; j < JOINTS; j++) {
      kps.add(new Keypoint(Skeleton.EFFICIENTPOSE_16.get(j), (float) joints[j][0], (float) joints[j][1],
          (float) joints[j][2]));
    }
    return kps;
  }

  /** The maps' grid: the input's size, or a smaller grid of the input's aspect (the graph's size is dynamic). */
  private FeatureGrid grid(float[] maps) {
    int cells = maps.length / JOINTS;
    double scale = Math.sqrt((double) cells / ((double) inputWidth * inputHeight));
    int h = Math.max(1, (int) Math.round(inputHeight * scale));
    return new FeatureGrid(maps, h, Math.max(1, cells / h), JOINTS, "efficientpose confidence maps");
  }
}
