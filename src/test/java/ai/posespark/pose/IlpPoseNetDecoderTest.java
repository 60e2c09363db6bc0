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

  /** Sets part {@code k}'s logit at the cell of {@code pose}'s part k to {@code logit}. */
  private static void setPeak(List<float[]> out, float[][] pose, int k, float logit) {
    int r = Math.round(pose[k][0] / 16);
    int c = Math.round(pose[k][1] / 16);
    out.get(1)[(r * SIZE + c) * 17 + k] = logit;
  }

  private static List<Person> greedy(List<float[]> out) {
    return PoseNetDecoder.withDefaults(SETTINGS.outputNames(), 385, 385, PoseNetDecoder.MAX_PEOPLE, 0)
        .decode(out);
  }

  @Test
  void aJointWithoutACandidateIsCompletedByGreedysWalk() {
    List<float[]> out = SyntheticPoseNet.render(SIZE, List.<float[][]>of(left), new float[] {3});
    setPeak(out, left, Coco17.LEFT_ANKLE, -8); // the left ankle's peak gone: no candidate, nothing to link
    List<Person> people = new IlpPoseNetDecoder(SETTINGS, IlpSettings.DEFAULTS).decode(out);
    assertEquals(1, people.size());
    Person p = people.get(0);
    // the knee's forward displacement leads to the ankle's cell, whose offset places it exactly
    assertSamePose(left, p);
    assertEquals(ModelOutputs.sigmoid(-8), p.keypoints().get(Coco17.LEFT_ANKLE).score(), 1e-6);
    assertEquals((16 * ModelOutputs.sigmoid(3) + ModelOutputs.sigmoid(-8)) / 17, p.score(), 1e-5);
    assertEquals(greedy(out), people, "the greedy reading of the same evidence");
  }

  @Test
  void aLoneStrongPartIsCompletedIntoItsWholePerson() {
    List<float[]> out = SyntheticPoseNet.render(SIZE, List.of(left, right), new float[] {3, 2});
    for (int k = 1; k < 17; k++) {
      setPeak(out, right, k, -8); // the right person shows only its nose
    }
    List<Person> people = new IlpPoseNetDecoder(SETTINGS, IlpSettings.DEFAULTS).decode(out);
    assertEquals(2, people.size());
    assertSamePose(left, people.get(0));
    assertSamePose(right, people.get(1));
    assertEquals((ModelOutputs.sigmoid(2) + 16 * ModelOutputs.sigmoid(-8)) / 17, people.get(1).score(), 1e-5);
    assertEquals(greedy(out), people);
  }

  @Test
  void aClusterOfPartsTooWeakToRootAGreedyPoseIsDropped() {
    // the right person's parts at p = 0.40: candidates (≥ 0.25) whose links hold them together, but none ≥ 0.5
    List<float[]> out = SyntheticPoseNet.render(SIZE, List.of(left, right), new float[] {3, -0.4f});
    List<Person> people = new IlpPoseNetDecoder(SETTINGS, IlpSettings.DEFAULTS).decode(out);
    assertEquals(1, people.size());
    assertSamePose(left, people.get(0));
    assertEquals(greedy(out), people);
    // the same parts at p = 0.55 are a person
    List<float[]> strong = SyntheticPoseNet.render(SIZE, List.of(left, right), new float[] {3, 0.2f});
    assertEquals(2, new IlpPoseNetDecoder(SETTINGS, IlpSettings.DEFAULTS).decode(strong).size());
  }

  @Test
  void aSecondPeakOfAPersonsPartIsAbsorbedNotReportedAsAPerson() {
    List<float[]> out = SyntheticPoseNet.render(SIZE, List.<float[][]>of(left), new float[] {3});
    int r = Math.round(left[Coco17.LEFT_WRIST][0] / 16);
    int c = Math.round(left[Coco17.LEFT_WRIST][1] / 16) + 2;
    // a weaker left-wrist maximum two cells away whose offset places it 10 px from the person's wrist: the person
    // keeps its own wrist (the elbow's displacement hits it), the other is a one-part cluster within greedy's NMS
    // radius of it (minPersonScore 0 would report it)
    out.get(1)[(r * SIZE + c) * 17 + Coco17.LEFT_WRIST] = 1;
    out.get(3)[(r * SIZE + c) * 34 + 17 + Coco17.LEFT_WRIST] += 10;
    GroupingResult ilp = new IlpPoseNetDecoder(SETTINGS, IlpSettings.DEFAULTS).group(out);
    assertNull(ilp.fallbackReason());
    assertEquals(1, ilp.people().size());
    assertSamePose(left, ilp.people().get(0));
    assertEquals(ModelOutputs.sigmoid(3), ilp.people().get(0).score(), 1e-5);
  }

  @Test
  void aFragmentWhoseWalkLeadsIntoAPersonIsMergedIntoIt() {
    List<float[]> out = SyntheticPoseNet.render(SIZE, List.<float[][]>of(left), new float[] {3});
    int e = 10; // nose → right shoulder
    float[] nose = left[Coco17.NOSE];
    int noseCell = Math.round(nose[0] / 16) * SIZE + Math.round(nose[1] / 16);
    int r = Math.round(left[Coco17.RIGHT_SHOULDER][0] / 16);
    int c = Math.round(left[Coco17.RIGHT_SHOULDER][1] / 16) - 2;
    int wrong = r * SIZE + c;
    // a weaker right-shoulder maximum W two cells out, at its cell's centre (30 px from the real one), that the
    // nose's forward and its own backward displacement tie to the nose: the partition gives W to the head, and
    // the real shoulder, arm and leg (whose displacements join them to it) become a fragment
    out.get(1)[wrong * 17 + Coco17.RIGHT_SHOULDER] = 0.5f;
    out.get(3)[wrong * 34 + Coco17.RIGHT_SHOULDER] = 0;
    out.get(3)[wrong * 34 + 17 + Coco17.RIGHT_SHOULDER] = 0;
    out.get(0)[noseCell * 32 + e] = r * 16 - nose[0];
    out.get(0)[noseCell * 32 + 16 + e] = c * 16 - nose[1];
    out.get(2)[wrong * 32 + e] = nose[0] - r * 16;
    out.get(2)[wrong * 32 + 16 + e] = nose[1] - c * 16;
    List<Person> people = new IlpPoseNetDecoder(SETTINGS, IlpSettings.DEFAULTS).decode(out);
    // the fragment's walk leads back into the person: merged, its stronger shoulder replacing W
    assertEquals(1, people.size());
    assertSamePose(left, people.get(0));
    assertEquals(ModelOutputs.sigmoid(3), people.get(0).score(), 1e-5);
  }

  @Test
  void tooManyCandidatesFallBackToGreedyWithTheReason() {
    List<float[]> out = SyntheticPoseNet.render(SIZE, List.of(left, right), new float[] {1, 3});
    GroupingResult r = new IlpPoseNetDecoder(SETTINGS, IlpSettings.DEFAULTS.withMaxCandidates(5)).group(out);
    assertTrue(r.fallbackReason().contains("34 part candidates > maxCandidates 5"), r.fallbackReason());
    List<Person> greedy = PoseNetDecoder.withDefaults(SETTINGS.outputNames(), 385, 385,
        PoseNetDecoder.MAX_PEOPLE, 0).decode(out);
    assertEquals(greedy, r.people());
  }
}
