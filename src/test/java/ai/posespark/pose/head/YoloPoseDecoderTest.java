package ai.posespark.pose.head;

import static ai.posespark.pose.head.SyntheticHeads.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.pose.Keypoint;
import ai.posespark.pose.Person;
import ai.posespark.pose.PoseDecoders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code yolo-pose} head on hand-built candidates: two overlapping people, one apart, and noise. */
class YoloPoseDecoderTest {
  private static final int K = 17;
  private static final int VALUES = 5 + 3 * K;

  /** Candidate rows {cx, cy, w, h, score, then per keypoint x, y, visibility}. */
  private static float[][] candidates() {
    float[][] c = new float[6][];
    c[0] = candidate(100, 120, 40, 100, 0.60f, 1); // overlaps c[2] (IoU 0.86): suppressed
    c[1] = candidate(300, 200, 50, 120, 0.80f, 2); // apart
    c[2] = candidate(102, 122, 40, 100, 0.90f, 3); // best
    c[3] = candidate(400, 400, 30, 30, 0.10f, 4); // below the threshold
    c[4] = candidate(160, 120, 40, 100, 0.50f, 5); // overlaps c[2] by IoU 0.2: kept
    c[5] = candidate(0, 0, 0, 0, 0, 0);
    return c;
  }

  private static float[] candidate(float cx, float cy, float w, float h, float score, int tag) {
    float[] r = new float[VALUES];
    r[0] = cx;
    r[1] = cy;
    r[2] = w;
    r[3] = h;
    r[4] = score;
    for (int k = 0; k < K; k++) {
      r[5 + 3 * k] = cx - w / 2 + k; // x
      r[6 + 3 * k] = cy - h / 2 + 5 * k; // y
      r[7 + 3 * k] = (tag * 100 + k) / 2000f; // visibility, tagging the candidate
    }
    return r;
  }

  private static float[] rows(float[][] c) {
    float[] out = new float[c.length * VALUES];
    for (int i = 0; i < c.length; i++) {
      System.arraycopy(c[i], 0, out, i * VALUES, VALUES);
    }
    return out;
  }

  private static float[] columns(float[][] c) {
    float[] out = new float[c.length * VALUES];
    for (int i = 0; i < c.length; i++) {
      for (int v = 0; v < VALUES; v++) {
        out[v * c.length + i] = c[i][v];
      }
    }
    return out;
  }

  @Test
  void nmsKeepsTheBestOfTwoOverlappingPeopleInBothLayouts() {
    float[][] c = candidates();
    List<Person> columnsFirst = new YoloPoseDecoder(settings(640, 640, 0.25, Map.of())).decode(List.of(columns(c)));
    List<Person> rowsFirst = new YoloPoseDecoder(settings(640, 640, 0.25, Map.of("layout", "rows")))
        .decode(List.of(rows(c)));
    for (List<Person> people : List.of(columnsFirst, rowsFirst)) {
      assertEquals(3, people.size());
      assertPerson(people.get(0), c[2], 3);
      assertPerson(people.get(1), c[1], 2);
      assertPerson(people.get(2), c[4], 5);
    }
  }

  @Test
  void nmsIouAndMaxPeopleComeFromTheCodec() {
    float[][] c = candidates();
    List<Person> loose = new YoloPoseDecoder(settings(640, 640, 0.25, Map.of("nmsIou", 0.9)))
        .decode(List.of(columns(c)));
    assertEquals(4, loose.size(), "IoU 0.86 is below 0.9: both overlapping people stay");
    List<Person> one = new YoloPoseDecoder(settings(640, 640, 0.25, Map.of("maxPeople", 1)))
        .decode(List.of(columns(c)));
    assertEquals(1, one.size());
    assertEquals(0.9f, one.get(0).score());
  }

  @Test
  void badLayoutsAndSizesAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new YoloPoseDecoder(settings(640, 640, 0.25, Map.of("layout", "nchw"))));
    assertTrue(e.getMessage().startsWith("yolo-pose: codec.layout"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new YoloPoseDecoder(settings(640, 640, 0.25, Map.of("nmsIou", 1.5))));
    assertTrue(e.getMessage().startsWith("yolo-pose: codec.nmsIou"), e.getMessage());
    YoloPoseDecoder d = new YoloPoseDecoder(settings(640, 640, 0.25, Map.of()));
    e = assertThrows(IllegalArgumentException.class, () -> d.decode(List.of(new float[8400 * 56 + 17])));
    assertTrue(e.getMessage().contains("5 + 3 × 17"), e.getMessage());
    PoseDecoders.Entry entry = PoseDecoders.STANDARD.get("yolo-pose");
    assertTrue(!entry.singlePerson());
    assertNull(entry.grouping());
  }

  private static void assertPerson(Person p, float[] c, int tag) {
    assertEquals(c[4], p.score());
    assertEquals(c[0] - c[2] / 2, p.bbox().x(), 1e-4);
    assertEquals(c[1] - c[3] / 2, p.bbox().y(), 1e-4);
    assertEquals(c[2], p.bbox().w(), 1e-4);
    assertEquals(c[3], p.bbox().h(), 1e-4);
    for (int k = 0; k < K; k++) {
      Keypoint kp = p.keypoints().get(k);
      assertEquals(c[0] - c[2] / 2 + k, kp.x(), 1e-4);
      assertEquals(c[1] - c[3] / 2 + 5 * k, kp.y(), 1e-4);
      assertEquals((tag * 100 + k) / 2000f, kp.score(), 1e-7, "visibility used as it is (already a sigmoid)");
    }
  }
}
