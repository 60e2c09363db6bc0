package ai.posespark.track;

import static ai.posespark.track.Figures.at;
import static ai.posespark.track.Figures.frame;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.pose.Person;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The tracker on hand-built videos whose true identities are known. */
class PoseFlowTrackerTest {
  /** Only the online pass: no fragment merging, no dropping. */
  static final TrackingSettings ONLINE_ONLY = TrackingSettings.DEFAULTS.withFlowNms(0, 0.2, 0, 0.3);

  @Test
  void peopleCrossingPathsKeepTheirIds() {
    // A walks right, B walks left a little lower (further from the camera): at the crossing their boxes overlap
    // with IoU 0.54; the list order of the two people flips every third frame
    List<TrackFrame> frames = new ArrayList<>();
    boolean[] aFirst = new boolean[21];
    for (int t = 0; t <= 20; t++) {
      Person a = at(100 + 20 * t, 100);
      Person b = at(500 - 20 * t, 160);
      aFirst[t] = t % 3 != 0;
      frames.add(aFirst[t] ? frame(t, a, b) : frame(t, b, a));
    }
    assertTrue(PoseSimilarity.boxIou(at(300, 100).bbox(), at(300, 160).bbox()) > 0.5);
    long[][] ids = new PoseFlowTracker(TrackingSettings.DEFAULTS).track(frames);
    long idA = ids[0][aFirst[0] ? 0 : 1];
    long idB = ids[0][aFirst[0] ? 1 : 0];
    assertNotEquals(idA, idB);
    for (int t = 0; t <= 20; t++) {
      assertEquals(idA, ids[t][aFirst[t] ? 0 : 1], "A at frame " + t);
      assertEquals(idB, ids[t][aFirst[t] ? 1 : 0], "B at frame " + t);
    }
  }

  @Test
  void aPersonMissingWithinTheLookBackKeepsTheirId() {
    // P stands still and is missed in frames 5 and 6; Q walks by. Back at frame 7, P was last seen 3 frames ago.
    List<TrackFrame> frames = standingWithGap(5, 6);
    long[][] kept = new PoseFlowTracker(ONLINE_ONLY.withLookBack(3)).track(frames);
    assertEquals(kept[0][0], kept[7][0]);
    assertEquals(kept[0][1], kept[7][1]);
    long[][] lost = new PoseFlowTracker(ONLINE_ONLY.withLookBack(2)).track(frames);
    assertEquals(2, lost[7][0], "beyond the look-back P gets a new id");
    assertEquals(lost[0][1], lost[7][1]);
  }

  @Test
  void flowNmsRelinksAPersonLostBeyondTheLookBack() {
    List<TrackFrame> frames = standingWithGap(5, 6);
    TrackingSettings s = TrackingSettings.DEFAULTS.withLookBack(2);
    long[][] ids = new PoseFlowTracker(s).track(frames);
    assertEquals(ids[0][0], ids[7][0]);
    assertEquals(0, ids[0][0]);
    assertEquals(1, ids[0][1]);
  }

  @Test
  void aFragmentSplitByAGapIsMerged() {
    // a person walking right at 30 px/frame is occluded for frames 5..9 (a bystander stays in view) and comes back
    // where their motion says, 150 px on: no overlap with where they were last seen, so the online pass starts a
    // new flow; flow NMS predicts both fragments' ends towards each other and joins them
    List<TrackFrame> frames = new ArrayList<>();
    for (int t = 0; t <= 14; t++) {
      Person bystander = at(800, 400);
      frames.add(t < 5 || t > 9 ? frame(t, at(30 * t, 100), bystander) : frame(t, bystander));
    }
    assertEquals(0, PoseSimilarity.boxIou(at(30 * 4, 100).bbox(), at(30 * 10, 100).bbox()));
    long[][] online = new PoseFlowTracker(ONLINE_ONLY).track(frames);
    assertArrayEquals(new long[] {0, 1}, online[4]);
    assertArrayEquals(new long[] {2, 1}, online[10]);
    long[][] merged = new PoseFlowTracker(TrackingSettings.DEFAULTS).track(frames);
    for (int t = 0; t <= 14; t++) {
      assertArrayEquals(t < 5 || t > 9 ? new long[] {0, 1} : new long[] {1}, merged[t], "frame " + t);
    }
    // beyond mergeGap the fragments stay apart
    long[][] apart = new PoseFlowTracker(TrackingSettings.DEFAULTS.withFlowNms(5, 0.2, 3, 0.3)).track(frames);
    assertArrayEquals(new long[] {2, 1}, apart[10]);
  }

  @Test
  void motionCarriesAFlowAcrossFramesWithoutPeople() {
    // the same walker alone: the frames of the occlusion have nobody, so the frame before it is the previous frame
    // with people, and the walker's constant-velocity prediction links them online
    List<TrackFrame> frames = new ArrayList<>();
    for (int t = 0; t <= 14; t++) {
      frames.add(t < 5 || t > 9 ? frame(t, at(30 * t, 100)) : frame(t));
    }
    long[][] ids = new PoseFlowTracker(ONLINE_ONLY).track(frames);
    assertArrayEquals(new long[] {0}, ids[10]);
  }

  @Test
  void aShortLowScoreFlickerIsDropped() {
    List<TrackFrame> frames = new ArrayList<>();
    for (int t = 0; t < 10; t++) {
      List<Person> people = new ArrayList<>(List.of(at(100, 100)));
      if (t == 4 || t == 5) {
        people.add(at(800, 300, 0.1f));   // a false detection for two frames
      }
      if (t == 7) {
        people.add(at(1200, 300, 0.9f));  // a confident one-frame person: kept
      }
      if (t >= 2 && t <= 5) {
        people.add(at(500, 500, 0.1f));   // low score but four frames long: kept
      }
      frames.add(new TrackFrame(t, people));
    }
    long[][] ids = new PoseFlowTracker(TrackingSettings.DEFAULTS).track(frames);
    assertEquals(0, ids[0][0]);
    assertEquals(1, ids[2][1]);
    assertArrayEquals(new long[] {0, -1, 1}, ids[4]);
    assertArrayEquals(new long[] {0, -1, 1}, ids[5]);
    assertArrayEquals(new long[] {0, 2}, ids[7]);
    long[][] kept = new PoseFlowTracker(ONLINE_ONLY).track(frames);
    assertArrayEquals(new long[] {0, 2, 1}, kept[4]);
  }

  @Test
  void frameGapsCountAsSampledFrames() {
    // every 5th frame, and frames 15 and 20 missing (failed to decode): with stride 5, a look-back of 3 spans them
    List<TrackFrame> frames = new ArrayList<>();
    for (int t = 0; t <= 40; t += 5) {
      if (t != 15 && t != 20) {
        frames.add(frame(t, at(100 + t, 100), at(600 - t, 400)));
      }
    }
    TrackingSettings s = ONLINE_ONLY.withLookBack(3);
    long[][] ids = new PoseFlowTracker(s).track(frames, 5);
    for (long[] f : ids) {
      assertArrayEquals(new long[] {0, 1}, f);
    }
    // counted in raw frame indices instead, every 5-frame step is beyond a look-back of 3
    long[][] raw = new PoseFlowTracker(s).track(frames, 1);
    assertArrayEquals(new long[] {2, 3}, raw[1]);
  }

  @Test
  void idsDoNotDependOnHowTheVideoWasSplitOrListed() {
    List<TrackFrame> frames = busyVideo(new Random(3), 40);
    TrackingSettings s = TrackingSettings.DEFAULTS.withLookBack(4);
    long[][] whole = new PoseFlowTracker(s).track(frames);
    // the two halves of a split, the later task's frames first
    List<TrackFrame> halves = new ArrayList<>(frames.subList(20, 40));
    halves.addAll(frames.subList(0, 20));
    long[][] joined = new PoseFlowTracker(s).track(halves);
    for (int i = 0; i < 40; i++) {
      assertArrayEquals(whole[i], joined[(i + 20) % 40], "frame " + i);
    }
    // shuffled, and with the empty frames left out
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      if (!frames.get(i).people().isEmpty()) {
        order.add(i);
      }
    }
    Collections.shuffle(order, new Random(5));
    List<TrackFrame> shuffled = new ArrayList<>();
    order.forEach(i -> shuffled.add(frames.get(i)));
    long[][] ids = new PoseFlowTracker(s).track(shuffled);
    for (int k = 0; k < order.size(); k++) {
      assertArrayEquals(whole[order.get(k)], ids[k], "frame " + order.get(k));
    }
  }

  @Test
  void idsCountFromZeroInOrderOfFirstAppearance() {
    List<TrackFrame> frames = busyVideo(new Random(9), 30);
    long[][] ids = new PoseFlowTracker(TrackingSettings.DEFAULTS).track(frames);
    long next = 0;
    for (long[] f : ids) {
      for (long id : f) {
        assertTrue(id == -1 || id <= next, "id " + id + " before " + next);
        if (id == next) {
          next++;
        }
      }
    }
    assertTrue(next > 3);
  }

  @Test
  void eachFrameTakesTheBestAssignment() {
    // small random scenes: the pairing the tracker made between frames 0 and 1 has the largest total grade
    Random rnd = new Random(1);
    TrackingSettings s = ONLINE_ONLY;
    for (int trial = 0; trial < 100; trial++) {
      int n = 1 + rnd.nextInt(6);
      int m = 1 + rnd.nextInt(6);
      List<Person> first = new ArrayList<>();
      List<Person> second = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        first.add(at(rnd.nextInt(300), rnd.nextInt(200)));
      }
      for (int j = 0; j < m; j++) {
        second.add(at(rnd.nextInt(300), rnd.nextInt(200)));
      }
      long[][] ids = new PoseFlowTracker(s).track(List.of(new TrackFrame(0, first), new TrackFrame(1, second)));
      double[][] grade = new double[n][m];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < m; j++) {
          grade[i][j] = FlowEnd.of(first.get(i), 0, null, 0).grade(second.get(j), 1, true, s);
        }
      }
      double total = 0;
      for (int j = 0; j < m; j++) {
        if (ids[1][j] < n) {
          assertTrue(grade[(int) ids[1][j]][j] > s.matchThreshold());
          total += grade[(int) ids[1][j]][j];
        }
      }
      assertEquals(best(grade, s.matchThreshold(), 0, new boolean[m]), total, 1e-6, "trial " + trial);
    }
  }

  @Test
  void aRepeatedFrameIndexAndBadSettingsAreRefused() {
    PoseFlowTracker t = new PoseFlowTracker(TrackingSettings.DEFAULTS);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> t.track(List.of(frame(3, at(0, 0)), frame(3, at(5, 0)))));
    assertTrue(e.getMessage().contains("frame_index 3"));
    e = assertThrows(IllegalArgumentException.class, () -> TrackingSettings.DEFAULTS.withLookBack(0));
    assertTrue(e.getMessage().startsWith("tracking.lookBack:"), e.getMessage());
    assertEquals(0, t.track(List.of()).length);
  }

  /** Frames 0..10: P (list position 0) standing at (100, 100) except in the missed frames, Q walking. */
  private static List<TrackFrame> standingWithGap(int... missed) {
    List<TrackFrame> frames = new ArrayList<>();
    for (int t = 0; t <= 10; t++) {
      boolean gone = false;
      for (int m : missed) {
        gone |= m == t;
      }
      Person q = at(600 + 5 * t, 300);
      frames.add(gone ? frame(t, q) : frame(t, at(100 + t, 100), q));
    }
    return frames;
  }

  /** People walking in random directions, entering and leaving, some frames empty. */
  private static List<TrackFrame> busyVideo(Random rnd, int n) {
    List<double[]> walkers = new ArrayList<>();
    for (int k = 0; k < 6; k++) {
      walkers.add(new double[] {rnd.nextInt(1000), rnd.nextInt(500), rnd.nextInt(21) - 10, rnd.nextInt(11) - 5,
          rnd.nextInt(n), 5 + rnd.nextInt(n)});
    }
    List<TrackFrame> frames = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      List<Person> people = new ArrayList<>();
      if (t % 13 != 7) {
        for (double[] w : walkers) {
          if (t >= w[4] && t < w[4] + w[5] && rnd.nextDouble() > 0.1) {
            people.add(at(w[0] + w[2] * t, w[1] + w[3] * t, 0.3f + 0.6f * rnd.nextFloat()));
          }
        }
        Collections.shuffle(people, rnd);
      }
      frames.add(new TrackFrame(100 + 2 * t, people));
    }
    return frames;
  }

  private static double best(double[][] g, double min, int row, boolean[] used) {
    if (row == g.length) {
      return 0;
    }
    double b = best(g, min, row + 1, used);
    for (int j = 0; j < used.length; j++) {
      if (!used[j] && g[row][j] > min) {
        used[j] = true;
        b = Math.max(b, g[row][j] + best(g, min, row + 1, used));
        used[j] = false;
      }
    }
    return b;
  }
}
