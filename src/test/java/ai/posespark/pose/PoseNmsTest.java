package ai.posespark.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.data.Coco17;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parametric (RMPE) and OKS pose NMS on poses built by hand. */
class PoseNmsTest {
  private static final ParametricPoseNms PARAMETRIC = new ParametricPoseNms(ParametricPoseNms.Settings.ALPHAPOSE);

  /** A standing person: 17 keypoints spread over a 100 × 200 box at (x, y), shifted by (dx, dy), all scoring s. */
  private static Person person(float x, float y, float dx, float dy, float s, float detScore) {
    List<Keypoint> kps = new ArrayList<>();
    for (int k = 0; k < 17; k++) {
      kps.add(new Keypoint(Coco17.NAMES.get(k), x + 10 + 5 * k + dx, y + 10 + 11 * k + dy, s));
    }
    Person.BoundingBox box = new Person.BoundingBox(x, y, 100, 200);
    return new Person(s, box, kps).detected(new Person.Detection(box, detScore, s), detScore * s);
  }

  @Test
  void duplicatesMergeIntoTheBestScoreWeighted() {
    Person best = person(100, 50, 0, 0, 0.9f, 0.9f);
    Person dup = person(102, 51, 0.6f, -0.4f, 0.6f, 0.8f);
    List<Person> kept = PARAMETRIC.apply(List.of(dup, best));
    assertEquals(1, kept.size());
    Keypoint k = kept.get(0).keypoints().get(3);
    Keypoint a = best.keypoints().get(3);
    Keypoint b = dup.keypoints().get(3);
    assertEquals((0.9 * a.x() + 0.6 * b.x()) / 1.5, k.x(), 1e-4);
    assertEquals((0.9 * a.y() + 0.6 * b.y()) / 1.5, k.y(), 1e-4);
    assertEquals((0.81 + 0.36) / 1.5, k.score(), 1e-5);
    assertEquals(best.score(), kept.get(0).score(), "the kept person keeps its own score");
  }

  @Test
  void closeButDistinctPeopleAreBothKept() {
    // 15 px apart: beyond the 7 px match radius (α · 200 = 20, capped at 7), spatial term far below γ
    Person a = person(100, 50, 0, 0, 0.9f, 0.9f);
    Person b = person(115, 50, 0, 0, 0.8f, 0.8f);
    assertEquals(2, PARAMETRIC.apply(List.of(a, b)).size());
    assertEquals(2, PARAMETRIC.apply(List.of(a, person(400, 50, 0, 0, 0.8f, 0.8f))).size());
  }

  @Test
  void enoughMatchingKeypointsEliminateEvenWhenTheRestDisagree() {
    Person a = person(100, 50, 0, 0, 0.9f, 0.9f);
    Person b = person(100, 50, 0, 0, 0.7f, 0.7f);
    List<Keypoint> kps = new ArrayList<>(b.keypoints());
    for (int k = 5; k < 17; k++) { // only 5 keypoints stay on top of a's
      Keypoint q = kps.get(k);
      kps.set(k, new Keypoint(q.name(), q.x() + 60, q.y(), q.score()));
    }
    Person partial = new Person(b.score(), b.bbox(), kps, b.detection());
    assertEquals(1, PARAMETRIC.apply(List.of(a, partial)).size(), "5 matches = matchThreshold");
    for (int k = 4; k < 5; k++) {
      Keypoint q = kps.get(k);
      kps.set(k, new Keypoint(q.name(), q.x() + 60, q.y(), q.score()));
    }
    Person fewer = new Person(b.score(), b.bbox(), kps, b.detection());
    assertEquals(2, PARAMETRIC.apply(List.of(a, fewer)).size(), "4 matches, small distance: kept");
  }

  @Test
  void posesWithoutAConfidentKeypointAreDropped() {
    assertEquals(0, PARAMETRIC.apply(List.of(person(100, 50, 0, 0, 0.25f, 0.9f))).size());
    assertEquals(1, PoseNms.NONE.apply(List.of(person(100, 50, 0, 0, 0.25f, 0.9f))).size());
  }

  @Test
  void oksNmsSuppressesNearCopiesAndKeepsDistinctPeopleBestFirst() {
    OksPoseNms oks = new OksPoseNms(0.9);
    Person a = person(100, 50, 0, 0, 0.9f, 0.9f);
    Person copy = person(100, 50, 1, 1, 0.8f, 0.8f);
    Person other = person(115, 50, 0, 0, 0.5f, 0.5f);
    assertTrue(OksPoseNms.oks(a, copy) > 0.99);
    assertTrue(OksPoseNms.oks(a, other) < 0.9, "15 px on a 100 × 200 person: OKS " + OksPoseNms.oks(a, other));
    List<Person> kept = oks.apply(List.of(other, copy, a));
    assertEquals(List.of(a, other), kept);
  }
}
