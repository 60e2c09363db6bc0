package ai.posespark.data;

import java.util.List;

/**
 * The MPII-16 joint layout (mmpose / HRNet order) and the approximation of MPII joints from COCO-17
 * predictions, for PCKh of COCO models on MPII ground truth.
 *
 * <p>12 joints map directly. The other four have no COCO-17 counterpart and are <b>approximated</b>:
 * pelvis = mid-hips, thorax = mid-shoulders, upper_neck = thorax + 0.5·(nose − thorax),
 * head_top = nose + 0.75·(nose − thorax). The last two assume an upright, roughly frontal head; their PCKh
 * (and so the Head column) measures this approximation as much as the model, which is why the evaluator marks
 * them {@code synthesised}. Pelvis and thorax are not in the PCKh Mean; upper_neck is.
 */
public final class Mpii16 {
  /** Joint names in MPII order. */
  public static final List<String> NAMES = List.of(
      "r_ankle", "r_knee", "r_hip", "l_hip", "l_knee", "l_ankle", "pelvis", "thorax",
      "upper_neck", "head_top", "r_wrist", "r_elbow", "r_shoulder", "l_shoulder", "l_elbow", "l_wrist");

  public static final int PELVIS = 6, THORAX = 7, UPPER_NECK = 8, HEAD_TOP = 9;

  /** Number of joints. */
  public static final int K = 16;

  /** For each MPII joint, the COCO-17 keypoint it is copied from, or -1 where it is approximated. */
  private static final int[] FROM_COCO = {
      Coco17.RIGHT_ANKLE, Coco17.RIGHT_KNEE, Coco17.RIGHT_HIP, Coco17.LEFT_HIP, Coco17.LEFT_KNEE,
      Coco17.LEFT_ANKLE, -1, -1, -1, -1, Coco17.RIGHT_WRIST, Coco17.RIGHT_ELBOW, Coco17.RIGHT_SHOULDER,
      Coco17.LEFT_SHOULDER, Coco17.LEFT_ELBOW, Coco17.LEFT_WRIST};

  private Mpii16() {}

  /** True for the joints that {@link #fromCoco17} approximates rather than copies. */
  public static boolean approximatedFromCoco(int joint) {
    return FROM_COCO[joint] < 0;
  }

  /**
   * MPII joints from COCO-17 coordinates.
   *
   * @param x COCO-17 x coordinates (17)
   * @param y COCO-17 y coordinates (17)
   * @return {@code [16][2]} MPII joints (x, y), in the same pixel frame as the input
   */
  public static double[][] fromCoco17(double[] x, double[] y) {
    double[][] out = new double[K][];
    for (int j = 0; j < K; j++) {
      if (FROM_COCO[j] >= 0) {
        out[j] = new double[] {x[FROM_COCO[j]], y[FROM_COCO[j]]};
      }
    }
    out[PELVIS] = mid(x, y, Coco17.LEFT_HIP, Coco17.RIGHT_HIP);
    out[THORAX] = mid(x, y, Coco17.LEFT_SHOULDER, Coco17.RIGHT_SHOULDER);
    double[] t = out[THORAX];
    double nx = x[Coco17.NOSE], ny = y[Coco17.NOSE];
    out[UPPER_NECK] = new double[] {t[0] + 0.5 * (nx - t[0]), t[1] + 0.5 * (ny - t[1])};
    out[HEAD_TOP] = new double[] {nx + 0.75 * (nx - t[0]), ny + 0.75 * (ny - t[1])};
    return out;
  }

  /**
   * An MPII person's joints as COCO-17 keypoints {@code [x, y, v] × 17}, 0-based pixels: the 12 body joints MPII
   * and COCO share copied ({@code v = 2} where the joint counts, else 0 at (0, 0)), the face points (COCO has no
   * upper_neck/head_top, MPII no eyes, ears or nose) not labelled. The inverse of {@link #fromCoco17} on the joints
   * both have; the encoders of training targets take it.
   *
   * @param origin the file's coordinate origin ({@link MpiiDataset#coordinateOrigin}: 1 for MPII's 1-based pixels)
   */
  public static double[] toCoco17(MpiiPerson person, int origin) {
    double[] kps = new double[Coco17.K * 3];
    for (int j = 0; j < K; j++) {
      int k = FROM_COCO[j];
      if (k >= 0 && person.visible()[j]) {
        kps[3 * k] = person.joints()[j][0] - origin;
        kps[3 * k + 1] = person.joints()[j][1] - origin;
        kps[3 * k + 2] = 2;
      }
    }
    return kps;
  }

  private static double[] mid(double[] x, double[] y, int a, int b) {
    return new double[] {(x[a] + x[b]) / 2, (y[a] + y[b]) / 2};
  }
}
