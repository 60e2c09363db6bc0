package ai.posespark.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.posespark.pose.Keypoint;
import ai.posespark.pose.Person;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class PersonRowsTest {
  private static final List<Keypoint> KEYPOINTS = List.of(new Keypoint("nose", 10.5f, 20.25f, 0.9f),
      new Keypoint("left_eye", 12f, 18f, 0.25f));

  @Test
  void aWholeFramePersonComesBackAsItWent() {
    Person p = new Person(0.75f, new Person.BoundingBox(1f, 2f, 30f, 40f), KEYPOINTS);
    Row r = PersonRows.toRow(3, 42L, p);
    assertEquals(p, PersonRows.person(r));
    assertEquals(3, PersonRows.personIndex(r));
    assertEquals(42L, r.getLong(PersonRows.PERSON.fieldIndex(Columns.TRACK_ID)));
    assertNull(r.get(PersonRows.PERSON.fieldIndex(Columns.DET_BBOX)), "no detector: no detection columns");
    assertNull(r.get(PersonRows.PERSON.fieldIndex(Columns.POSE_SCORE)));
  }

  @Test
  void aTopDownPersonKeepsItsDetection() {
    Person p = new Person(0.5f, new Person.BoundingBox(1f, 2f, 30f, 40f), KEYPOINTS)
        .detected(new Person.Detection(new Person.BoundingBox(0f, 1f, 33f, 44f), 0.8f, 0.625f), 0.5f);
    Row r = PersonRows.toRow(0, PersonRows.UNTRACKED, p);
    assertEquals(p, PersonRows.person(r));
    assertEquals(0.8f, r.getFloat(PersonRows.PERSON.fieldIndex(Columns.DET_SCORE)));
    assertEquals(0.625f, r.getFloat(PersonRows.PERSON.fieldIndex(Columns.POSE_SCORE)));
  }

  @Test
  void theFramesPeopleAreNumberedInOrderAndUntracked() {
    Person a = new Person(0.9f, new Person.BoundingBox(0f, 0f, 1f, 1f), KEYPOINTS);
    Person b = new Person(0.1f, new Person.BoundingBox(5f, 5f, 1f, 1f), KEYPOINTS);
    List<Row> rows = PersonRows.toRows(List.of(a, b));
    assertEquals(List.of(0, 1), rows.stream().map(PersonRows::personIndex).toList());
    assertEquals(List.of(-1L, -1L), rows.stream().map(r -> r.getLong(1)).toList());
    assertEquals(b, PersonRows.person(rows.get(1)));
  }

  @Test
  void thePersonsTableIsTheFrameKeyThenThePersonsFields() {
    assertEquals(List.of("run", "frame_id", "uri", "frame_index", "person_index", "track_id", "score", "bbox",
        "keypoints", "det_bbox", "det_score", "pose_score"), Arrays.asList(OutputSchema.PERSONS_TABLE.fieldNames()));
  }
}
