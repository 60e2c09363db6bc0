package ai.posespark.pose.paf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.data.Coco17;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PafTopologyTest {

  @Test
  void sizesAreOpenPosesModels() {
    assertEquals(18, PafTopology.COCO_18.partCount());
    assertEquals(19, PafTopology.COCO_18.limbs().size());
    assertEquals(38, PafTopology.COCO_18.pafChannels());
    assertEquals(25, PafTopology.BODY_25.partCount());
    assertEquals(26, PafTopology.BODY_25.limbs().size());
    assertEquals(52, PafTopology.BODY_25.pafChannels());
  }

  @Test
  void limbsAndChannelsAreCmusReference() {
    // poseParameters.cpp: POSE_BODY_PART_PAIRS / POSE_MAP_INDEX for COCO, spot checks
    PafTopology.Limb neckToRightShoulder = PafTopology.COCO_18.limbs().get(0);
    assertEquals(new PafTopology.Limb(1, 2, 12, 13, false), neckToRightShoulder);
    assertEquals(new PafTopology.Limb(1, 8, 0, 1, false), PafTopology.COCO_18.limbs().get(6));
    assertEquals(new PafTopology.Limb(5, 17, 26, 27, true), PafTopology.COCO_18.limbs().get(18));
    assertEquals(new PafTopology.Limb(1, 8, 0, 1, false), PafTopology.BODY_25.limbs().get(0));
    assertEquals(new PafTopology.Limb(2, 17, 20, 21, true), PafTopology.BODY_25.limbs().get(18));
    assertEquals(new PafTopology.Limb(11, 24, 50, 51, false), PafTopology.BODY_25.limbs().get(25));
    assertEquals("right_ear", PafTopology.COCO_18.parts().get(16));
    assertEquals("mid_hip", PafTopology.BODY_25.parts().get(8));
    assertEquals("right_heel", PafTopology.BODY_25.parts().get(24));
  }

  @Test
  void theNonRedundantLimbsAreATreeWhoseEndsAppearInAssemblyOrder() {
    for (PafTopology t : List.of(PafTopology.COCO_18, PafTopology.BODY_25)) {
      List<PafTopology.Limb> tree = t.limbs().stream().filter(l -> !l.redundant()).toList();
      assertEquals(t.partCount() - 1, tree.size(), t.name());
      // every limb reaches a new part from one already reached (or starts the tree): people grow, never fork
      Set<Integer> reached = new java.util.HashSet<>();
      for (PafTopology.Limb l : tree) {
        assertTrue(reached.isEmpty() || reached.contains(l.from()), t + " limb " + l);
        reached.add(l.from());
        assertTrue(reached.add(l.to()), t + " limb " + l + " reaches a part twice");
      }
      assertEquals(t.partCount(), reached.size());
      assertEquals(2, t.limbs().stream().filter(PafTopology.Limb::redundant).count());
    }
  }

  @Test
  void everyCocoKeypointIsOnePartAndTheRestAreDropped() {
    for (PafTopology t : List.of(PafTopology.COCO_18, PafTopology.BODY_25)) {
      List<Integer> coco = new ArrayList<>();
      for (int p = 0; p < t.partCount(); p++) {
        if (t.cocoIndex(p) >= 0) {
          coco.add(t.cocoIndex(p));
        }
      }
      assertEquals(Coco17.K, coco.size(), t.name());
      assertEquals(Coco17.K, Set.copyOf(coco).size(), t.name());
    }
    assertEquals(-1, PafTopology.COCO_18.cocoIndex(1));
    assertFalse(PafTopology.BODY_25.counted(19));
    assertTrue(PafTopology.BODY_25.counted(8));
  }

  @Test
  void neckAndMidHipAreMidpointsLabelledWhenBothEndsAre() {
    double[][] kp = PafScenes.standing(100, 20, 200);
    double[] v = new double[Coco17.K];
    java.util.Arrays.fill(v, 2);
    v[Coco17.LEFT_HIP] = 1;
    v[Coco17.RIGHT_SHOULDER] = 0;
    double[][] parts = PafTopology.BODY_25.partsFromCoco17(kp, v);
    assertEquals(0, parts[1][2], "neck needs both shoulders");
    double[] midHip = parts[8];
    assertArrayEquals(new double[] {(kp[Coco17.LEFT_HIP][0] + kp[Coco17.RIGHT_HIP][0]) / 2,
        (kp[Coco17.LEFT_HIP][1] + kp[Coco17.RIGHT_HIP][1]) / 2, 1}, midHip, 1e-12);
    assertEquals(0, parts[19][2], "feet have no COCO source");
    assertArrayEquals(new double[] {kp[Coco17.NOSE][0], kp[Coco17.NOSE][1], 2}, parts[0], 0);
  }

  @Test
  void aBadTopologyFailsAtConstruction() {
    List<String> parts = List.of("nose", "neck");
    assertThrows(IllegalArgumentException.class, () -> new PafTopology("x", parts,
        List.of(new PafTopology.Limb(0, 2, 0, 1, false)), Map.of(), Set.of()));
    assertThrows(IllegalArgumentException.class, () -> new PafTopology("x", parts,
        List.of(new PafTopology.Limb(0, 1, 0, 0, false)), Map.of(), Set.of()));
    assertThrows(IllegalArgumentException.class, () -> new PafTopology("x", parts,
        List.of(new PafTopology.Limb(0, 1, 0, 1, false)), Map.of("neck", List.of("nose")), Set.of()));
  }
}
