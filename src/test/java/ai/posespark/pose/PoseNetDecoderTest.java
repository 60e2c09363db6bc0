package ai.posespark.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.decode.Letterbox;
import ai.posespark.model.ModelOutputs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoseNetDecoderTest {
  private static final int SIZE = 25;
  private static final List<String> NAMES = PoseNetDecoder.HUMAN_MODELS_OUTPUT_NAMES;
  /** Input = source: a source pixel's continuous coordinate is the input pixel index + 0.5. */
  private final Letterbox identity = new Letterbox(385, 385, 385, 385, 385, 385, 0, 0);
  private final float[][] left = SyntheticPoseNet.pose(100, 80);
  private final float[][] right = SyntheticPoseNet.pose(150, 280);

  private static PoseNetDecoder decoder(List<String> names, int maxPeople) {
    return PoseNetDecoder.withDefaults(names, 385, 385, maxPeople, 0);
  }

  private static void assertSamePose(float[][] expected, Person p) {
    for (int k = 0; k < 17; k++) {
      assertEquals(expected[k][1] + 0.5f, p.keypoints().get(k).x(), 1e-3, Skeleton.COCO_17.get(k) + " x");
      assertEquals(expected[k][0] + 0.5f, p.keypoints().get(k).y(), 1e-3, Skeleton.COCO_17.get(k) + " y");
      assertEquals(Skeleton.COCO_17.get(k), p.keypoints().get(k).name());
    }
  }

  @Test
  void recoversTwoPeopleExactlyBestFirst() {
    List<float[]> out = SyntheticPoseNet.render(SIZE, List.of(left, right), new float[] {1, 3});
    List<Person> people = InSource.decode(decoder(NAMES, 10), out, identity);
    assertEquals(2, people.size());
    assertSamePose(right, people.get(0));
    assertSamePose(left, people.get(1));
    assertEquals(ModelOutputs.sigmoid(3), people.get(0).score(), 1e-5, "all 17 parts, none claimed before");
    assertEquals(ModelOutputs.sigmoid(1), people.get(1).score(), 1e-5);
  }

  @Test
  void outputsAreFoundByNameWhateverTheirOrder() {
    List<float[]> out = SyntheticPoseNet.render(SIZE, List.of(left, right), new float[] {1, 3});
    List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3));
    Collections.reverse(order);
    List<float[]> shuffled = order.stream().map(out::get).toList();
    List<String> names = order.stream().map(NAMES::get).toList();
    List<Person> people = InSource.decode(decoder(names, 10), shuffled, identity);
    assertEquals(2, people.size());
    assertSamePose(right, people.get(0));
  }

  @Test
  void aSecondPeakOfAClaimedPartRootsNoNewPerson() {
    List<float[]> out = SyntheticPoseNet.render(SIZE, List.<float[][]>of(left), new float[] {3});
    int r = Math.round(left[0][0] / 16) + 2;
    int c = Math.round(left[0][1] / 16);
    out.get(1)[(r * SIZE + c) * 17] = 2; // a nose peak 32 px away whose offset points at the same nose
    assertEquals(1, InSource.decode(decoder(NAMES, 10), out, identity).size());
  }

  @Test
  void instanceScoreLeavesOutKeypointsAnEarlierPoseClaims() {
    PoseNetDecoder d = decoder(NAMES, 10);
    float[][] earlier = new float[17][];
    float[][] pose = new float[17][];
    for (int k = 0; k < 17; k++) {
      earlier[k] = new float[] {100, 100 * k, 0.9f};
      // the first five keypoints 15 px (inside nmsRadius 20) from the earlier ones, the rest 25 px away
      pose[k] = new float[] {k < 5 ? 115 : 125, 100 * k, 0.8f};
    }
    assertEquals(0.8f * 17 / 17, d.instanceScore(List.of(), pose), 1e-6);
    assertEquals(0.8f * 12 / 17, d.instanceScore(List.<float[][]>of(earlier), pose), 1e-6);
    assertTrue(d.nearSamePartOfAny(List.<float[][]>of(earlier), 115, 0, 0));
    assertTrue(!d.nearSamePartOfAny(List.<float[][]>of(earlier), 115, 0, 1), "another part does not count");
  }

  @Test
  void edgeFollowingLandsOnTheDisplacedCellThenSnapsWithTheTargetsOffsets() {
    float[] scores = new float[5 * 5 * 17];
    float[] offsets = new float[5 * 5 * 34];
    float[] fwd = new float[5 * 5 * 32];
    scores[(3 * 5 + 4) * 17 + 1] = 0.75f; // left_eye's score at cell (3, 4)
    fwd[(1 * 5 + 1) * 32] = 30;           // edge 0 (nose → left_eye) from cell (1, 1): 30 px down
    fwd[(1 * 5 + 1) * 32 + 16] = 50;      //                                          and 50 px right
    offsets[(3 * 5 + 4) * 34 + 1] = -2;   // left_eye's offsets at cell (3, 4)
    offsets[(3 * 5 + 4) * 34 + 17 + 1] = 3;
    FeatureGrid grid = new FeatureGrid(scores, 5, 5, 17, "s");
    PoseNetAssembler walk = new PoseNetAssembler(grid, new FeatureGrid(offsets, 5, 5, 34, "o"),
        new FeatureGrid(fwd, 5, 5, 32, "f"), new FeatureGrid(new float[5 * 5 * 32], 5, 5, 32, "b"), 16);
    float[] eye = walk.follow(0, new float[] {17, 14}, 1, new FeatureGrid(fwd, 5, 5, 32, "f"));
    // (17, 14) → cell (1, 1) → (47, 64) → cell (3, 4) → (48 - 2, 64 + 3) = (46, 67), still cell (3, 4)
    assertEquals(46, eye[0], 1e-6);
    assertEquals(67, eye[1], 1e-6);
    assertEquals(0.75f, eye[2]);
  }

  @Test
  void weakPartsRootNobodyAndMaxPeopleIsHonoured() {
    List<float[]> weak = SyntheticPoseNet.render(SIZE, List.<float[][]>of(left), new float[] {-0.5f});
    assertEquals(0, InSource.decode(decoder(NAMES, 10), weak, identity).size());
    List<float[]> two = SyntheticPoseNet.render(SIZE, List.of(left, right), new float[] {1, 3});
    assertEquals(1, InSource.decode(decoder(NAMES, 1), two, identity).size());
  }

  @Test
  void badArgumentsAndMissingOutputsAreReported() {
    assertThrows(IllegalArgumentException.class, () -> decoder(NAMES.subList(0, 3), 10));
    assertThrows(IllegalArgumentException.class,
        () -> new PoseNetDecoder(NAMES, 385, 385, 0, 0.5f, 1, 20, 10, 0));
    assertThrows(IllegalArgumentException.class,
        () -> new PoseNetDecoder(NAMES, 385, 385, 16, 1.5f, 1, 20, 10, 0));
    List<float[]> out = SyntheticPoseNet.render(SIZE, List.<float[][]>of(left), new float[] {3});
    PoseNetDecoder wrongInput = PoseNetDecoder.withDefaults(NAMES, 513, 513, 10, 0);
    assertThrows(IllegalArgumentException.class, () -> wrongInput.decode(out));
  }
}
