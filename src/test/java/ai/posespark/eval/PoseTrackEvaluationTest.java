package ai.posespark.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.data.PoseTrack15;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PoseTrack MOTA/MOTP/precision/recall and AP on one hand-built sequence whose events are counted by hand. Ground
 * truth: A (track 10) and B (track 20), all 15 joints, head box 30×40 (head size 0.6 × 50 = 30 px, so a joint
 * matches within 15 px). Predictions: frame 0 — track 1 on A exactly, track 2 on B 3 px off (0.1 head sizes);
 * frame 1 — the ids swapped; frame 2 — as frame 1, but track 1 lacks right_ankle, and track 3 is a false positive
 * far away (score 0.9, the others 0.8).
 */
class PoseTrackEvaluationTest {
  static final int RIGHT_ANKLE = 0;

  @Test
  void hungarianMatchesSwitchesMissesAndFalsePositivesCountedByHand() {
    PoseTrackMetrics m = PoseTrackMetrics.of(sequence(List.of()).evaluate(predictions(), PoseTrackRules.ALL_FRAMES),
        PoseTrackRules.ALL_FRAMES, false);
    PoseTrackCounts c = m.counts();
    for (int j = 0; j < PoseTrack15.K; j++) {
      boolean ankle = j == RIGHT_ANKLE;
      assertEquals(6, c.objects[j]);
      assertEquals(2, c.switches[j], "the swap in frame 1 switches both people");
      assertEquals(1, c.falsePositives[j]);
      assertEquals(ankle ? 1 : 0, c.misses[j]);
      assertEquals(ankle ? 5 : 6, c.detections[j]);
      // joint j: 1 - (miss + switch + FP) / objects
      assertEquals(ankle ? 1 - 4.0 / 6 : 1 - 3.0 / 6, m.mota()[j], 1e-12);
      assertEquals(ankle ? 1 - 0.2 / 5 : 1 - 0.3 / 6, m.motp()[j], 1e-12);
      assertEquals(ankle ? 5.0 / 6 : 6.0 / 7, m.precision()[j], 1e-12);
      assertEquals(ankle ? 5.0 / 6 : 1, m.recall()[j], 1e-12);
      // AP: the false positive ranks first, then the true joints: the envelope is the final precision
      assertEquals(ankle ? 25.0 / 36 : 6.0 / 7, m.ap()[j], 1e-12);
      assertEquals(ankle ? 5.0 / 6 : 6.0 / 7, m.apPrecision()[j], 1e-12);
      assertEquals(ankle ? 5.0 / 6 : 1, m.apRecall()[j], 1e-12);
      assertEquals(6, c.groundTruth[j]);
    }
    // totals are means over joints, as poseval's
    assertEquals((14 * 0.5 + 1.0 / 3) / 15, m.motaTotal(), 1e-12);
    assertEquals((14 * 0.95 + 0.96) / 15, m.motpTotal(), 1e-12);
    assertEquals((14 * 6.0 / 7 + 5.0 / 6) / 15, m.precisionTotal(), 1e-12);
    assertEquals((14 + 5.0 / 6) / 15, m.recallTotal(), 1e-12);
    assertEquals((14 * 6.0 / 7 + 25.0 / 36) / 15, m.apTotal(), 1e-12);
    assertEquals(0.5, PoseTrackMetrics.table(m.mota()).get("Shoulder"), 1e-12);
    assertEquals((1.0 / 3 + 0.5) / 2, PoseTrackMetrics.table(m.mota()).get("Ankle"), 1e-12);
  }

  @Test
  void posevalLeavesTheLastFrameOutOfMota() {
    PoseTrackMetrics m = PoseTrackMetrics.of(sequence(List.of()).evaluate(predictions(), PoseTrackRules.POSEVAL),
        PoseTrackRules.POSEVAL, false);
    for (int j = 0; j < PoseTrack15.K; j++) {
      assertEquals(4, m.counts().objects[j]);
      assertEquals(0.5, m.mota()[j], 1e-12);
      assertEquals(1 - 0.2 / 4, m.motp()[j], 1e-12);
      assertEquals(1, m.precision()[j], 1e-12);
    }
    assertEquals(2, m.counts().framesInMot);
    // AP uses every frame
    assertEquals((14 * 6.0 / 7 + 25.0 / 36) / 15, m.apTotal(), 1e-12);
  }

  @Test
  void ignoreRegionsRemoveJointsOnBothSides() {
    // a square around the false positive's place: its joints go, so does the false positive
    PoseTrackMetrics m = PoseTrackMetrics.of(
        sequence(List.of(new double[] {900, 900, 1300, 900, 1300, 1300, 900, 1300})).evaluate(predictions(),
            PoseTrackRules.ALL_FRAMES), PoseTrackRules.ALL_FRAMES, false);
    assertEquals(0, m.counts().falsePositives[5]);
    assertEquals(1 - 2.0 / 6, m.mota()[5], 1e-12);
    assertEquals(1, m.ap()[5], 1e-12);
    assertTrue(PoseTrackPose.strictlyInside(new double[] {0, 0, 10, 0, 10, 10}, 6, 3));
    assertEquals(false, PoseTrackPose.strictlyInside(new double[] {0, 0, 10, 0, 10, 10}, 5, 0), "on an edge");
  }

  @Test
  void aFrameWithoutPredictionsCountsOneMissAndOneFalsePositivePerJointInPoseval() {
    // frames 0 and 2 predicted exactly with stable ids, frame 1 not predicted at all
    List<List<PoseTrackPose>> preds = List.of(
        List.of(person(1, 100, 100, 0.8, -1), person(2, 400, 100, 0.8, -1)), List.of(),
        List.of(person(1, 100, 100, 0.8, -1), person(2, 400, 100, 0.8, -1)));
    PoseTrackSequence seq = sequence(List.of());
    PoseTrackMetrics all = PoseTrackMetrics.of(seq.evaluate(preds, PoseTrackRules.ALL_FRAMES),
        PoseTrackRules.ALL_FRAMES, false);
    assertEquals(1 - 2.0 / 6, all.motaTotal(), 1e-12);
    assertEquals(2 * 15, Arrays.stream(all.counts().misses).sum());
    PoseTrackMetrics poseval = PoseTrackMetrics.of(seq.evaluate(preds, PoseTrackRules.POSEVAL),
        PoseTrackRules.POSEVAL, false);
    // frame 0: 2 matches; frame 1: one dummy object missed and one dummy hypothesis; frame 2 left out
    assertEquals(3, poseval.counts().objects[0]);
    assertEquals(1 - 2.0 / 3, poseval.motaTotal(), 1e-12);
  }

  @Test
  void untrackedPersonsCountForApOnly() {
    List<List<PoseTrackPose>> preds = new ArrayList<>();
    for (int f = 0; f < 3; f++) {
      preds.add(List.of(person(-1, 100, 100, 0.8, -1), person(-1, 400, 100, 0.8, -1)));
    }
    PoseTrackMetrics m = PoseTrackMetrics.of(sequence(List.of()).evaluate(preds, PoseTrackRules.ALL_FRAMES),
        PoseTrackRules.ALL_FRAMES, false);
    assertEquals(0, m.motaTotal(), 1e-12);
    assertEquals(1, m.apTotal(), 1e-12);
  }

  /** The ground truth: three frames of A at (100, 100) and B at (400, 100). */
  static PoseTrackSequence sequence(List<double[]> lastFrameIgnore) {
    List<PoseTrackSequence.Frame> frames = new ArrayList<>();
    for (int f = 0; f < 3; f++) {
      frames.add(new PoseTrackSequence.Frame(f, List.of(gt(10, 100, 100), gt(20, 400, 100)),
          f == 2 ? lastFrameIgnore : List.of()));
    }
    return new PoseTrackSequence("seq", frames);
  }

  static List<List<PoseTrackPose>> predictions() {
    return List.of(
        List.of(person(1, 100, 100, 0.8, -1), person(2, 403, 100, 0.8, -1)),
        List.of(person(2, 100, 100, 0.8, -1), person(1, 403, 100, 0.8, -1)),
        List.of(person(2, 100, 100, 0.8, -1), person(1, 403, 100, 0.8, RIGHT_ANKLE),
            person(3, 1000, 1000, 0.9, -1)));
  }

  static PoseTrackPose gt(long track, double x0, double y0) {
    PoseTrackPose p = person(track, x0, y0, 0, -1);
    return new PoseTrackPose(track, p.x(), p.y(), p.present(), p.score(), 0.6 * Math.hypot(30, 40));
  }

  /** Joints 20 px apart in a column from {@code (x0, y0)}; {@code missing} (or -1) left out. */
  static PoseTrackPose person(long track, double x0, double y0, double score, int missing) {
    double[] x = new double[PoseTrack15.K], y = new double[PoseTrack15.K], s = new double[PoseTrack15.K];
    boolean[] present = new boolean[PoseTrack15.K];
    for (int j = 0; j < PoseTrack15.K; j++) {
      x[j] = x0 + (j % 3) * 10;
      y[j] = y0 + 20 * j;
      s[j] = score;
      present[j] = j != missing;
    }
    return new PoseTrackPose(track, x, y, present, s, Double.NaN);
  }
}
