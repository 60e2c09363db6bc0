package ai.posespark.data;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 15 joints PoseTrack's official evaluation (poseval) scores, in its order ({@code eval_helpers.Joint}), and how
 * named keypoints become them. PoseTrack18's 17 keypoints map by name as poseval's {@code convert.py} maps them:
 * {@code head_bottom} is poseval's {@code neck}, the ears are dropped.
 *
 * <p>COCO-17 skeletons have no {@code head_bottom} and {@code head_top}: they are <b>approximated</b> from the nose
 * and shoulders as {@link Mpii16#fromCoco17} approximates MPII's upper_neck and head_top, with the lowest of the
 * three scores, and flagged as such by the evaluator.
 */
public final class PoseTrack15 {
  /** Joint names in poseval's order. */
  public static final List<String> NAMES = List.of("right_ankle", "right_knee", "right_hip", "left_hip",
      "left_knee", "left_ankle", "right_wrist", "right_elbow", "right_shoulder", "left_shoulder", "left_elbow",
      "left_wrist", "head_bottom", "nose", "head_top");

  /** Number of joints. */
  public static final int K = 15;
  public static final int HEAD_BOTTOM = 12, NOSE = 13, HEAD_TOP = 14;

  /** poseval's printed groups ({@code getCum}): name → joints averaged. */
  public static final Map<String, int[]> GROUPS = groups();

  private static final Map<String, Integer> INDEX = new HashMap<>();

  static {
    for (int j = 0; j < K; j++) {
      INDEX.put(NAMES.get(j), j);
    }
  }

  private PoseTrack15() {}

  /** The joint of a keypoint name, or -1 (ears, eyes, names of other skeletons). */
  public static int joint(String keypointName) {
    return INDEX.getOrDefault(keypointName, -1);
  }

  /** True for joints approximated from a COCO-17 skeleton. */
  public static boolean approximatedFromCoco(int joint) {
    return joint == HEAD_BOTTOM || joint == HEAD_TOP;
  }

  /**
   * True when {@code names} is a COCO-17 skeleton ({@code left_eye}, no {@code head_bottom}), whose head joints
   * {@link #approximateHead} fills in.
   */
  public static boolean isCoco(List<String> names) {
    return names.equals(Coco17.NAMES);
  }

  /**
   * Sets {@code head_bottom} and {@code head_top} from COCO-17 keypoints.
   *
   * @param cx    COCO-17 x
   * @param cy    COCO-17 y
   * @param cs    COCO-17 scores
   * @param x     15 joint x, written
   * @param y     15 joint y, written
   * @param score 15 joint scores, written: the lowest of nose and shoulders
   */
  public static void approximateHead(double[] cx, double[] cy, double[] cs, double[] x, double[] y,
      double[] score) {
    double[][] mpii = Mpii16.fromCoco17(cx, cy);
    double s = Math.min(cs[Coco17.NOSE], Math.min(cs[Coco17.LEFT_SHOULDER], cs[Coco17.RIGHT_SHOULDER]));
    x[HEAD_BOTTOM] = mpii[Mpii16.UPPER_NECK][0];
    y[HEAD_BOTTOM] = mpii[Mpii16.UPPER_NECK][1];
    x[HEAD_TOP] = mpii[Mpii16.HEAD_TOP][0];
    y[HEAD_TOP] = mpii[Mpii16.HEAD_TOP][1];
    score[HEAD_BOTTOM] = s;
    score[HEAD_TOP] = s;
  }

  private static Map<String, int[]> groups() {
    Map<String, int[]> g = new LinkedHashMap<>();
    g.put("Head", new int[] {HEAD_TOP, HEAD_BOTTOM, NOSE});
    g.put("Shoulder", new int[] {8, 9});
    g.put("Elbow", new int[] {7, 10});
    g.put("Wrist", new int[] {6, 11});
    g.put("Hip", new int[] {2, 3});
    g.put("Knee", new int[] {1, 4});
    g.put("Ankle", new int[] {0, 5});
    return Collections.unmodifiableMap(g);
  }
}
