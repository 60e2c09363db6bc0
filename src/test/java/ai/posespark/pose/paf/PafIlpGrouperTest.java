package ai.posespark.pose.paf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.pose.GroupingResult;
import ai.posespark.pose.ilp.IlpSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ILP over PAF evidence on rendered maps: the people the PAF grouper finds, jointly or stage by stage. */
class PafIlpGrouperTest {
  @Test
  void cleanMapsGiveThePafGroupersPeopleJointlyAndIncrementally() {
    PafCodec codec = PafCodec.forInput(PafTopology.COCO_18, 8, 368, 368, PafSettings.DEFAULTS);
    PafTargets t = codec.encode(OpenPoseDecoderTest.PEOPLE, PafScenes.allVisible(2));
    for (boolean incremental : new boolean[] {false, true}) {
      GroupingResult g = new PafIlpGrouper(codec, IlpSettings.DEFAULTS.withIncremental(incremental))
          .group(t.heatmapGrid(), t.pafGrid());
      assertNull(g.fallbackReason());
      assertEquals(codec.decode(t.heatmapGrid(), t.pafGrid()), g.people(), "incremental " + incremental);
      assertEquals(2, PafScenes.recovery(PafCodecTest.truth(OpenPoseDecoderTest.PEOPLE), g.people(), 4).exact());
    }
  }

  @Test
  void aCandidateBoundFallsBackToThePafGrouperWithTheReason() {
    PafCodec codec = PafCodec.forInput(PafTopology.BODY_25, 8, 368, 368, PafSettings.DEFAULTS);
    PafTargets t = codec.encode(OpenPoseDecoderTest.PEOPLE, PafScenes.allVisible(2));
    GroupingResult g = new PafIlpGrouper(codec, IlpSettings.DEFAULTS.withMaxCandidates(10))
        .group(t.heatmapGrid(), t.pafGrid());
    assertTrue(g.fallbackReason().contains("> maxCandidates 10"), g.fallbackReason());
    assertEquals(codec.decode(t.heatmapGrid(), t.pafGrid()), g.people());
  }

  @Test
  void stagesFollowDeeperCutHeadArmsLegs() {
    int[] coco = PafIlpGrouper.stages(PafTopology.COCO_18);
    assertEquals(List.of(0, 0, 0, 1, 1, 0, 1, 1, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0),
        java.util.Arrays.stream(coco).boxed().toList());
    int[] body = PafIlpGrouper.stages(PafTopology.BODY_25);
    assertEquals(2, body[8], "mid-hip with the legs");
    assertEquals(2, body[19], "feet with the legs");
    assertEquals(0, body[1], "neck with the head");
  }
}
