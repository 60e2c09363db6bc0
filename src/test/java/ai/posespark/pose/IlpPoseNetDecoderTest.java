package ai.posespark.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.data.Coco17;
import ai.posespark.model.ModelOutputs;
import ai.posespark.pose.ilp.IlpPoseNetDecoder;
import ai.posespark.pose.ilp.IlpSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ILP grouper on {@link SyntheticPoseNet}'s rendered outputs, against the greedy decoder on the same maps. */
class IlpPoseNetDecoderTest {
  private static final int SIZE = 25;
  private static final DecoderSettings SETTINGS =
      new DecoderSettings(385, 385, PoseNetDecoder.HUMAN_MODELS_OUTPUT_NAMES, 0);
  private final float[][] left = SyntheticPoseNet.pose(100, 80);
  private final float[][] right = SyntheticPoseNet.pose(150, 280);

  private static void assertSamePose(float[][] expected, Person p) {
    for (int k = 0; k < 17; k++) {
      assertEquals(expected[k][1] + 0.5f, p.keypoints().get(k).x(), 1e-3, Skeleton.COCO_17.get(k) + " x");
      assertEquals(expected[k][0] + 0.5f, p.keypoints().get(k).y(), 1e-3, Skeleton.COCO_17.get(k) + " y");
    }
  }

  @Test
  void recoversBothPeopleAsTheGreedyDecoderDoes() {
    List<float[]> out = SyntheticPoseNet.render(SIZE, List.of(left, right), new float[] {1, 3});
    GroupingResult ilp = new IlpPoseNetDecoder(SETTINGS, IlpSettings.DEFAULTS).group(out);
    assertNull(ilp.fallbackReason());
    List<Person> greedy = PoseNetDecoder.withDefaults(SETTINGS.outputNames(), 385, 385, 10, 0).decode(out);
    assertEquals(2, ilp.people().size());
    assertEquals(greedy.size(), ilp.people().size());
    assertSamePose(right, ilp.people().get(0));
    assertSamePose(left, ilp.people().get(1));
    for (int i = 0; i < 2; i++) {
      assertSamePose(i == 0 ? right : left, greedy.get(i));
      assertEquals(greedy.get(i).score(), ilp.people().get(i).score(), 1e-5);
    }
    assertEquals(ModelOutputs.sigmoid(3), ilp.people().get(0).score(), 1e-5);
  }

  @Test
  void aMissingJointSitsAtTheBoxCentreWithScoreZero() {
    List<float[]> out = SyntheticPoseNet.render(SIZE, List.<float[][]>of(left), new float[] {3});
    int r = Math.round(left[Coco17.LEFT_ANKLE][0] / 16);
    int c = Math.round(left[Coco17.LEFT_ANKLE][1] / 16);
    out.get(1)[(r * SIZE + c) * 17 + Coco17.LEFT_ANKLE] = -8; // the left ankle's peak gone
    List<Person> people = new IlpPoseNetDecoder(SETTINGS, IlpSettings.DEFAULTS).decode(out);
    assertEquals(1, people.size());
    Person p = people.get(0);
    Keypoint ankle = p.keypoints().get(Coco17.LEFT_ANKLE);
    assertEquals(0, ankle.score());
    assertEquals(p.bbox().x() + p.bbox().w() / 2, ankle.x(), 1e-4);
    assertEquals(p.bbox().y() + p.bbox().h() / 2, ankle.y(), 1e-4);
    assertEquals(ModelOutputs.sigmoid(3) * 16 / 17, p.score(), 1e-5);
  }

  @Test
  void tooManyCandidatesFallBackToGreedyWithTheReason() {
    List<float[]> out = SyntheticPoseNet.render(SIZE, List.of(left, right), new float[] {1, 3});
    GroupingResult r = new IlpPoseNetDecoder(SETTINGS, IlpSettings.DEFAULTS.withMaxCandidates(5)).group(out);
    assertTrue(r.fallbackReason().contains("34 part candidates > maxCandidates 5"), r.fallbackReason());
    List<Person> greedy = PoseNetDecoder.withDefaults(SETTINGS.outputNames(), 385, 385,
        PoseDecoders.POSENET_MAX_PEOPLE, 0).decode(out);
    assertEquals(greedy, r.people());
  }
}
