package ai.posespark.pose.paf;

import ai.posespark.data.Coco17;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts and limbs of an OpenPose model, as CMU's reference defines them ({@code poseParameters.cpp}:
 * {@code POSE_*_BODY_PARTS}, {@code POSE_BODY_PART_PAIRS}, {@code POSE_MAP_INDEX}), and its mapping to COCO-17.
 * Part names are COCO-17's where the part is a COCO keypoint ({@code right_shoulder}); the others are
 * {@code neck}, {@code mid_hip} and the six foot points of BODY_25.
 *
 * <p>COCO-17 → parts (encoding ground truth): a COCO keypoint is copied; {@code neck} and {@code mid_hip} are the
 * midpoints of the shoulders and of the hips (as OpenPose's training data builds them), labelled only when both
 * ends are; foot points have no COCO source and are never rendered from COCO. Parts → COCO-17 (decoding): every
 * COCO keypoint is one part, found by name; neck, mid-hip and feet are dropped.
 *
 * @param name      {@code COCO_18} or {@code BODY_25}
 * @param parts     part names in model channel order (the heatmap channels; a background channel, if the model
 *                  has one, comes after them)
 * @param limbs     limbs in the reference's assembly order
 * @param midpoints parts that are the midpoint of two COCO-17 keypoints
 * @param uncounted parts that do not count towards a person's minimum part count (BODY_25's feet: OpenPose leaves
 *                  them out, as the same foot often shows as both left and right)
 */
public record PafTopology(String name, List<String> parts, List<Limb> limbs, Map<String, List<String>> midpoints,
    Set<String> uncounted) {

  /**
   * One limb: the PAF from part {@code from} to part {@code to}.
   *
   * @param from      part index where the limb starts (the PAF points away from it)
   * @param to        part index where it ends
   * @param xChannel  PAF output channel of the x component
   * @param yChannel  PAF output channel of the y component
   * @param redundant a limb that closes a cycle (ear–shoulder): it joins parts already found but never starts a
   *                  person (the reference skips it when creating people)
   */
  public record Limb(int from, int to, int xChannel, int yChannel, boolean redundant) {}

  /**
   * OpenPose's COCO model ({@code pose/coco/pose_iter_440000}): 18 parts (COCO-17 with a neck), 19 limbs,
   * 38 PAF channels; the last two limbs (right shoulder–right ear, left shoulder–left ear) are redundant.
   */
  public static final PafTopology COCO_18 = new PafTopology("COCO_18",
      List.of("nose", "neck", "right_shoulder", "right_elbow", "right_wrist", "left_shoulder", "left_elbow",
          "left_wrist", "right_hip", "right_knee", "right_ankle", "left_hip", "left_knee", "left_ankle",
          "right_eye", "left_eye", "right_ear", "left_ear"),
      limbs(new int[][] {{1, 2}, {1, 5}, {2, 3}, {3, 4}, {5, 6}, {6, 7}, {1, 8}, {8, 9}, {9, 10}, {1, 11},
          {11, 12}, {12, 13}, {1, 0}, {0, 14}, {14, 16}, {0, 15}, {15, 17}, {2, 16}, {5, 17}},
          new int[] {12, 20, 14, 16, 22, 24, 0, 2, 4, 6, 8, 10, 28, 30, 34, 32, 36, 18, 26}, 17, 18),
      Map.of("neck", List.of("left_shoulder", "right_shoulder")), Set.of());

  /**
   * OpenPose's BODY_25 model ({@code pose/body_25/pose_iter_584000}): 25 parts (COCO-17, neck, mid-hip, six foot
   * points), 26 limbs, 52 PAF channels; limbs 18 and 19 (shoulder–ear) are redundant.
   */
  public static final PafTopology BODY_25 = new PafTopology("BODY_25",
      List.of("nose", "neck", "right_shoulder", "right_elbow", "right_wrist", "left_shoulder", "left_elbow",
          "left_wrist", "mid_hip", "right_hip", "right_knee", "right_ankle", "left_hip", "left_knee", "left_ankle",
          "right_eye", "left_eye", "right_ear", "left_ear", "left_big_toe", "left_small_toe", "left_heel",
          "right_big_toe", "right_small_toe", "right_heel"),
      limbs(new int[][] {{1, 8}, {1, 2}, {1, 5}, {2, 3}, {3, 4}, {5, 6}, {6, 7}, {8, 9}, {9, 10}, {10, 11},
          {8, 12}, {12, 13}, {13, 14}, {1, 0}, {0, 15}, {15, 17}, {0, 16}, {16, 18}, {2, 17}, {5, 18}, {14, 19},
          {19, 20}, {14, 21}, {11, 22}, {22, 23}, {11, 24}},
          new int[] {0, 14, 22, 16, 18, 24, 26, 6, 2, 4, 8, 10, 12, 30, 32, 36, 34, 38, 20, 28, 40, 42, 44, 46, 48,
              50}, 18, 19),
      Map.of("neck", List.of("left_shoulder", "right_shoulder"), "mid_hip", List.of("left_hip", "right_hip")),
      Set.of("left_big_toe", "left_small_toe", "left_heel", "right_big_toe", "right_small_toe", "right_heel"));

  /** Checks that limbs name existing parts and that the PAF channels are each used once. */
  public PafTopology {
    parts = List.copyOf(parts);
    limbs = List.copyOf(limbs);
    midpoints = Map.copyOf(midpoints);
    uncounted = Set.copyOf(uncounted);
    boolean[] channelUsed = new boolean[2 * limbs.size()];
    for (Limb l : limbs) {
      if (l.from() < 0 || l.from() >= parts.size() || l.to() < 0 || l.to() >= parts.size()) {
        throw new IllegalArgumentException(name + ": limb " + l + " names a part outside 0.." + (parts.size() - 1));
      }
      for (int ch : new int[] {l.xChannel(), l.yChannel()}) {
        if (ch < 0 || ch >= channelUsed.length || channelUsed[ch]) {
          throw new IllegalArgumentException(name + ": PAF channel " + ch + " of limb " + l
              + " is out of range or used twice");
        }
        channelUsed[ch] = true;
      }
    }
    for (Map.Entry<String, List<String>> m : midpoints.entrySet()) {
      if (!parts.contains(m.getKey()) || m.getValue().size() != 2 || !Coco17.NAMES.containsAll(m.getValue())) {
        throw new IllegalArgumentException(name + ": midpoint " + m + " needs a part and two COCO-17 keypoints");
      }
    }
  }

  /** Number of parts {@code K} (heatmap channels without background). */
  public int partCount() {
    return parts.size();
  }

  /** Number of PAF channels, {@code 2L}. */
  public int pafChannels() {
    return 2 * limbs.size();
  }

  /** The COCO-17 index of part {@code part}, or -1 for neck, mid-hip and feet. */
  public int cocoIndex(int part) {
    return Coco17.NAMES.indexOf(parts.get(part));
  }

  /** Whether part {@code part} counts towards a person's minimum number of parts. */
  public boolean counted(int part) {
    return !uncounted.contains(parts.get(part));
  }

  /**
   * One person's parts from COCO-17 ground truth.
   *
   * @param keypoints  {@code (17, 2)} COCO-17 {@code (x, y)}
   * @param visibility {@code (17)} COCO's {@code v}: 0 not labelled, 1 labelled but occluded, 2 visible
   * @return {@code (K, 3)} per part {@code (x, y, v)}; a midpoint part has the smaller {@code v} of its two ends,
   *     a part without a COCO source {@code v = 0}
   */
  public double[][] partsFromCoco17(double[][] keypoints, double[] visibility) {
    if (keypoints.length != Coco17.K || visibility.length != Coco17.K) {
      throw new IllegalArgumentException(name + ": expected 17 COCO keypoints, got " + keypoints.length + " and "
          + visibility.length + " visibilities");
    }
    double[][] out = new double[parts.size()][];
    for (int p = 0; p < parts.size(); p++) {
      int k = cocoIndex(p);
      List<String> mid = midpoints.get(parts.get(p));
      if (k >= 0) {
        out[p] = new double[] {keypoints[k][0], keypoints[k][1], visibility[k]};
      } else if (mid != null) {
        int a = Coco17.NAMES.indexOf(mid.get(0));
        int b = Coco17.NAMES.indexOf(mid.get(1));
        out[p] = new double[] {(keypoints[a][0] + keypoints[b][0]) / 2, (keypoints[a][1] + keypoints[b][1]) / 2,
            Math.min(visibility[a], visibility[b])};
      } else {
        out[p] = new double[] {0, 0, 0};
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return name;
  }

  private static List<Limb> limbs(int[][] pairs, int[] xChannels, int... redundant) {
    List<Limb> out = new ArrayList<>(pairs.length);
    for (int i = 0; i < pairs.length; i++) {
      int l = i;
      out.add(new Limb(pairs[i][0], pairs[i][1], xChannels[i], xChannels[i] + 1,
          Arrays.stream(redundant).anyMatch(r -> r == l)));
    }
    return out;
  }
}
