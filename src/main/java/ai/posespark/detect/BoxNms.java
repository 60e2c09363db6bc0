package ai.posespark.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Greedy IoU non-maximum suppression, as {@code tf.image.nonMaxSuppression}: boxes are taken best score first
 * (ties in input order), and a box is dropped when its IoU with one already kept exceeds the threshold.
 */
public final class BoxNms {
  private BoxNms() {}

  /**
   * The boxes that survive suppression, best first.
   *
   * @param boxes    candidates in any order
   * @param iou      a box whose IoU with a kept one is above this is suppressed (0..1)
   * @param maxBoxes at most this many are kept
   */
  public static List<PersonBox> apply(List<PersonBox> boxes, double iou, int maxBoxes) {
    List<PersonBox> kept = new ArrayList<>();
    for (int i : keep(boxes, iou, maxBoxes)) {
      kept.add(boxes.get(i));
    }
    return kept;
  }

  /**
   * The positions in {@code boxes} of the boxes {@link #apply} keeps, best first: for decoders that suppress on
   * one box (a detector's face box) and report another derived from it.
   */
  public static int[] keep(List<PersonBox> boxes, double iou, int maxBoxes) {
    if (!(iou >= 0 && iou <= 1)) {
      throw new IllegalArgumentException("box NMS: IoU threshold " + iou + " is outside 0..1");
    }
    if (maxBoxes < 0) {
      throw new IllegalArgumentException("box NMS: maxBoxes " + maxBoxes + " is negative");
    }
    List<Integer> order = new ArrayList<>(boxes.size());
    for (int i = 0; i < boxes.size(); i++) {
      order.add(i);
    }
    // List.sort is stable, so equal scores keep their input order.
    order.sort(Comparator.comparingDouble((Integer i) -> boxes.get(i).score()).reversed());
    List<Integer> kept = new ArrayList<>();
    for (int i : order) {
      if (kept.size() >= maxBoxes) {
        break;
      }
      PersonBox b = boxes.get(i);
      boolean suppressed = false;
      for (int k : kept) {
        if (b.iou(boxes.get(k)) > iou) {
          suppressed = true;
          break;
        }
      }
      if (!suppressed) {
        kept.add(i);
      }
    }
    return kept.stream().mapToInt(Integer::intValue).toArray();
  }
}
