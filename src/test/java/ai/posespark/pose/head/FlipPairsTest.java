package ai.posespark.pose.head;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.posespark.pose.Skeleton;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlipPairsTest {

  @Test
  void coco17GivesMmposesFlipIndices() {
    // MMPose's coco.py dataset_info swaps: eyes, ears, shoulders, elbows, wrists, hips, knees, ankles
    assertArrayEquals(new int[] {0, 2, 1, 4, 3, 6, 5, 8, 7, 10, 9, 12, 11, 14, 13, 16, 15},
        FlipPairs.indices(Skeleton.COCO_17));
  }

  @Test
  void anySkeletonPairsByNameAndUnpairedNamesStay() {
    List<String> names = List.of("head", "right_paw", "tail", "left_paw", "left_horn");
    assertArrayEquals(new int[] {0, 3, 2, 1, 4}, FlipPairs.indices(names));
    assertEquals("right_big_toe", FlipPairs.partner("left_big_toe"));
    assertEquals("neck", FlipPairs.partner("neck"));
  }
}
