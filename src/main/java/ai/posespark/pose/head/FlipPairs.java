package ai.posespark.pose.head;

import java.util.List;

/**
 * Which keypoint a keypoint becomes in a mirrored image, from the names alone: {@code left_x} and {@code right_x}
 * trade places, every other keypoint (nose, neck, a {@code left_x} without a {@code right_x}) stays, so any
 * skeleton whose sides are named so is served (MMPose's {@code flip_indices}, which its dataset files list by
 * hand).
 */
public final class FlipPairs {
  private FlipPairs() {}

  /** The name of {@code name}'s mirror partner: {@code left_x ↔ right_x}, else {@code name} itself. */
  public static String partner(String name) {
    if (name.startsWith("left_")) {
      return "right_" + name.substring("left_".length());
    }
    if (name.startsWith("right_")) {
      return "left_" + name.substring("right_".length());
    }
    return name;
  }

  /**
   * For each keypoint, the index of its mirror partner in {@code names} (its own index when it has none): as
   * MMPose's {@code flip_indices}, so {@code mirrored[k] = original[indices[k]]}.
   */
  public static int[] indices(List<String> names) {
    int[] out = new int[names.size()];
    for (int k = 0; k < out.length; k++) {
      int partner = names.indexOf(partner(names.get(k)));
      out[k] = partner < 0 ? k : partner;
    }
    return out;
  }
}
