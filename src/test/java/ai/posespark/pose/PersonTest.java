package ai.posespark.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.posespark.data.Coco17;
import ai.posespark.decode.AffineCrop;
import ai.posespark.decode.Letterbox;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersonTest {
  private static Person person(float dx) {
    List<Keypoint> kps = new ArrayList<>();
    for (int k = 0; k < 17; k++) {
      kps.add(new Keypoint(Coco17.NAMES.get(k), 10 * k + dx, 5 * k, k / 20f));
    }
    return new Person(0.5f, Person.boxAround(kps, 0), kps);
  }

  @Test
  void leftAndRightSwapByNameAndTheRestStays() {
    Person p = person(0);
    Person s = p.swappedLeftRight();
    assertEquals(p.keypoints().get(Coco17.NOSE), s.keypoints().get(Coco17.NOSE));
    Keypoint right = p.keypoints().get(Coco17.RIGHT_WRIST);
    Keypoint nowLeft = s.keypoints().get(Coco17.LEFT_WRIST);
    assertEquals("left_wrist", nowLeft.name());
    assertEquals(right.x(), nowLeft.x());
    assertEquals(right.score(), nowLeft.score());
    assertEquals(p.keypoints(), s.swappedLeftRight().keypoints());
  }

  @Test
  void aPoseSeenInAMirroredCropLandsWhereTheUnmirroredOneDoes() {
    AffineCrop crop = AffineCrop.around(200, 100, 80, 160, 1.25, 640, 480, 192, 256);
    AffineCrop mirror = crop.mirrored();
    // the same body seen in both crops: in the mirrored crop at u' = 192 - u, with left and right exchanged
    Person inCrop = person(20);
    List<Keypoint> mirrored = new ArrayList<>();
    for (Keypoint k : inCrop.keypoints()) {
      mirrored.add(new Keypoint(k.name(), 192 - k.x(), k.y(), k.score()));
    }
    Person seen = new Person(0.5f, Person.boxAround(mirrored, 0), mirrored).swappedLeftRight();
    Person a = inCrop.toSource(crop);
    Person b = seen.toSource(mirror).swappedLeftRight();
    for (int k = 0; k < 17; k++) {
      Keypoint ka = a.keypoints().get(k);
      Keypoint kb = b.keypoints().get(k);
      assertEquals(ka.name(), kb.name());
      assertEquals(ka.x(), kb.x(), 1e-3, ka.name());
      assertEquals(ka.y(), kb.y(), 1e-3, ka.name());
      assertEquals(ka.score(), kb.score(), 1e-6);
    }
    assertEquals(a.bbox().x(), b.bbox().x(), 1e-3, "the box maps through the mirror too");
    assertEquals(a.bbox().w(), b.bbox().w(), 1e-3);
  }

  @Test
  void toSourceClampsKeypointsAndBoxToTheFrame() {
    Letterbox box = Letterbox.fit(100, 50, 64, 64);
    List<Keypoint> kps = List.of(new Keypoint("nose", 32, 2, 1), new Keypoint("left_eye", 70, 40, 1));
    Person p = new Person(1, Person.boxAround(kps, 0), kps).toSource(box);
    assertEquals(0, p.keypoints().get(0).y(), "in the top padding: clamped");
    assertEquals(100, p.keypoints().get(1).x(), "beyond the right edge: clamped");
    assertEquals(100, p.bbox().x() + p.bbox().w(), 1e-4);
  }
}
