package ai.posespark.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.data.AnnotationFormatException;
import ai.posespark.run.TestModels;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectionFileTest {
  private static final Configuration CONF = new Configuration();

  @TempDir
  Path tmp;

  @Test
  void mmposesDetectionFileHas118PersonBoxesOverFourImages() throws Exception {
    Path file = TestModels.shared().resolve("data/coco/test_coco_det_AP_H_56.json");
    DetectionFile d = DetectionFile.read(file.toUri().toString(), CONF);
    assertEquals(118, d.entries());
    assertEquals(118, d.personBoxes());
    assertEquals(Set.of(785L, 40083L, 196141L, 197388L), d.imageIds());
    assertEquals(22, d.boxes(785).size());
    assertEquals(26, d.boxes(40083).size());
    assertEquals(33, d.boxes(196141).size());
    assertEquals(37, d.boxes(197388).size());
    assertEquals(List.of(), d.boxes(1));
    List<PersonBox> skier = d.boxes(785);
    for (int i = 1; i < skier.size(); i++) {
      assertTrue(skier.get(i - 1).score() >= skier.get(i).score(), "best first");
    }
    PersonBox best = skier.get(0); // the file's first entry: [277.1, 45.7, 225.1, 333.6], score 0.99997
    assertEquals(277.118, best.x(), 1e-3);
    assertEquals(333.560, best.h(), 1e-3);
    assertEquals(0.99997, best.score(), 1e-5);
    System.out.printf("detection file: %d boxes; skier's best [%.1f, %.1f, %.1f × %.1f] score %.5f%n",
        d.personBoxes(), best.x(), best.y(), best.w(), best.h(), best.score());
  }

  @Test
  void otherCategoriesAreSkippedAndAPlainPathWorks() throws Exception {
    Path file = write("[{\"image_id\": 7, \"category_id\": 1, \"bbox\": [1, 2, 3, 4], \"score\": 0.5},"
        + " {\"image_id\": 7, \"category_id\": 18, \"bbox\": [0, 0, 9, 9], \"score\": 0.9},"
        + " {\"image_id\": 7, \"category_id\": 1, \"bbox\": [5, 6, 7, 8], \"score\": 0.75}]");
    DetectionFile d = DetectionFile.read(file.toString(), CONF);
    assertEquals(3, d.entries());
    assertEquals(List.of(new PersonBox(5, 6, 7, 8, 0.75f), new PersonBox(1, 2, 3, 4, 0.5f)), d.boxes(7));
    assertEquals(d.boxes(7), roundTrip(d).boxes(7), "serializable, for executors");
  }

  @Test
  void aMalformedFileFailsNamingTheFileTheEntryAndTheField() throws Exception {
    assertFails("[{\"image_id\": 1, \"category_id\": 1, \"bbox\": [1, 2, 3], \"score\": 0.5}]",
        "detections[0], field 'bbox': expected 4 numbers, found 3");
    assertFails("[{\"image_id\": 1, \"category_id\": 1, \"bbox\": [1, 2, 3, 4]}]", "field 'score': missing");
    assertFails("[{\"image_id\": 1, \"category_id\": 1, \"bbox\": [1, 2, -3, 4], \"score\": 0.5}]",
        "width and height must be ≥ 0");
    assertFails("[{\"image_id\": 1, \"category_id\": 1, \"bbox\": [1, 2, 3, 4], \"score\": 7}]",
        "expected a number in 0..1");
    assertFails("{\"annotations\": []}", "expected a JSON array of detections");
    assertFails("[{\"image_id\": 1, \"category_id\": 1, \"bbox\": [1, 2, 3, 4], \"score\": 0.5},",
        "not valid JSON after 1 detections");
  }

  @Test
  void aMissingFileIsAnIoError() {
    IOException e = assertThrows(IOException.class,
        () -> DetectionFile.read(tmp.resolve("absent.json").toString(), CONF));
    assertTrue(e.getMessage().contains("absent.json"), e.getMessage());
  }

  private void assertFails(String json, String expected) throws IOException {
    Path file = write(json);
    AnnotationFormatException e = assertThrows(AnnotationFormatException.class,
        () -> DetectionFile.read(file.toString(), CONF));
    assertTrue(e.getMessage().startsWith(file.toString()), "names the file: " + e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  private Path write(String json) throws IOException {
    Path file = Files.createTempFile(tmp, "det", ".json");
    Files.writeString(file, json);
    return file;
  }

  private static DetectionFile roundTrip(DetectionFile d) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(d);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (DetectionFile) in.readObject();
    }
  }
}
