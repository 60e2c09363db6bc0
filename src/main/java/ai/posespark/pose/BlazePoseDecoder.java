package ai.posespark.pose;

import ai.posespark.data.Coco17;
import ai.posespark.model.ModelOutputs;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the MediaPipe BlazePose GHUM 3D landmark graphs (lite, full, heavy): one person per frame. Outputs used,
 * told apart by size because their signature order differs between the three graphs and their names
 * ({@code Identity_2}, ...) say nothing:
 * <ul>
 *   <li>{@code ld_3d} {@code [195]} = 39 landmarks × (x, y, z, visibility logit, presence logit), x/y in input
 *       pixels (continuous); the first 33 are the body landmarks of {@link Skeleton#BLAZEPOSE_33}, the last 6
 *       auxiliary (ROI helpers) and ignored;</li>
 *   <li>{@code output_poseflag} {@code [1]}: probability that a person is present = the person score.</li>
 * </ul>
 * A keypoint's score is sigmoid(visibility logit). The heatmap, segmentation and world-landmark outputs are not
 * read.
 *
 * <p>{@link Layout#COCO_17} (the catalog default, so the persons table, {@code results.json} and COCO evaluation
 * work unchanged) takes these landmarks, in COCO order: nose 0, left_eye 2, right_eye 5, left_ear 7, right_ear 8,
 * left_shoulder 11, right_shoulder 12, left_elbow 13, right_elbow 14, left_wrist 15, right_wrist 16, left_hip 23,
 * right_hip 24, left_knee 25, right_knee 26, left_ankle 27, right_ankle 28 (BlazePose's eye landmarks 2 and 5 are
 * the eye centres, like COCO's). {@link Layout#BLAZEPOSE_33} writes all 33 under BlazePose's names.
 */
public final class BlazePoseDecoder implements PoseDecoder {
  /** Which keypoints a person gets. */
  public enum Layout { COCO_17, BLAZEPOSE_33 }

  /** BlazePose landmark index for each COCO-17 keypoint. */
  static final int[] COCO_FROM_BLAZEPOSE = {0, 2, 5, 7, 8, 11, 12, 13, 14, 15, 16, 23, 24, 25, 26, 27, 28};

  private static final int LANDMARKS = 39;
  private static final int VALUES = 5;

  private final Layout layout;
  private final double minPersonScore;

  /**
   * @param layout         COCO-17 subset or all 33 landmarks
   * @param minPersonScore frames whose pose flag is below this have no person
   */
  public BlazePoseDecoder(Layout layout, double minPersonScore) {
    if (layout == null) {
      throw new IllegalArgumentException("blazepose: layout is null");
    }
    this.layout = layout;
    this.minPersonScore = minPersonScore;
  }

  @Override
  public List<Person> decode(List<float[]> outputs) {
    float[] landmarks = outputs.get(ModelOutputs.indexByLength(outputs, LANDMARKS * VALUES, "blazepose ld_3d"));
    float flag = outputs.get(ModelOutputs.indexByLength(outputs, 1, "blazepose output_poseflag"))[0];
    if (flag < minPersonScore) {
      return List.of();
    }
    int[] picked = layout == Layout.COCO_17 ? COCO_FROM_BLAZEPOSE : allBody();
    List<String> names = layout == Layout.COCO_17 ? Coco17.NAMES : Skeleton.BLAZEPOSE_33;
    List<Keypoint> kps = new ArrayList<>(picked.length);
    for (int i = 0; i < picked.length; i++) {
      int base = picked[i] * VALUES;
      kps.add(new Keypoint(names.get(i), landmarks[base], landmarks[base + 1],
          ModelOutputs.sigmoid(landmarks[base + 3])));
    }
    return List.of(new Person(flag, Person.boxAround(kps, 0.5), kps));
  }

  private static int[] allBody() {
    int[] all = new int[Skeleton.BLAZEPOSE_33.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return all;
  }
}
