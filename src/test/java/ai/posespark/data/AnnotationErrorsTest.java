package ai.posespark.data;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.eval.GroundTruth;
import ai.posespark.run.TestModels;
import ai.posespark.testing.Mutator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Malformed ground truth of every format fails with a message naming the file, the record and the field; a
 * seeded mutation fuzz of the real sample files of each format (../shared) finds no other exception.
 */
class AnnotationErrorsTest {
  private static final Configuration CONF = new Configuration();
  private static final int CASES_PER_FORMAT = 150;

  @TempDir
  Path dir;

  private static String cocoPerson(String keypoints) {
    return """
        {"images": [{"id": 1, "file_name": "a.jpg", "width": 100, "height": 80}],
         "annotations": [{"id": 7, "image_id": 1, "category_id": 1, "iscrowd": 0, "bbox": [1, 2, 30, 40],
                          "area": 1200, "keypoints": %s}],
         "categories": [{"id": 1, "name": "person", "keypoints": ["nose", "left_eye", "right_eye", "left_ear",
           "right_ear", "left_shoulder", "right_shoulder", "left_elbow", "right_elbow", "left_wrist",
           "right_wrist", "left_hip", "right_hip", "left_knee", "right_knee", "left_ankle", "right_ankle"]}]}
        """.formatted(keypoints);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "short keypoints | [1, 2, 2] | annotations[0] (id 7) | keypoints",
      "text keypoint | [\"a\", 2, 2, 1, 2, 2, 1, 2, 2, 1, 2, 2, 1, 2, 2, 1, 2, 2, 1, 2, 2, 1, 2, 2, 1, 2, 2, 1, 2, 2, "
          + "1, 2, 2, 1, 2, 2, 1, 2, 2, 1, 2, 2, 1, 2, 2, 1, 2, 2, 1, 2, 2] | annotations[0] (id 7) | keypoints"})
  void cocoErrorsNameFileRecordAndField(String label, String keypoints, String record, String field)
      throws Exception {
    Path file = Files.writeString(dir.resolve("gt.json"), cocoPerson(keypoints));
    AnnotationFormatException e = assertThrows(AnnotationFormatException.class,
        () -> GroundTruth.load(file.toString(), "coco", List.of("coco"), CONF));
    assertNames(e, file, record, field);
  }

  @Test
  void mpiiErrorsNameFileRecordAndField() throws Exception {
    Path file = Files.writeString(dir.resolve("mpii.json"), """
        [{"image": "a.jpg", "joints": "everywhere", "joints_vis": [1], "scale": 1.0, "center": [5, 5]}]
        """);
    AnnotationFormatException e = assertThrows(AnnotationFormatException.class,
        () -> GroundTruth.load(file.toString(), "mpii", List.of("pckh"), CONF));
    assertNames(e, file, "[0]", "joints");
  }

  private static void assertNames(AnnotationFormatException e, Path file, String record, String field) {
    String m = e.getMessage();
    assertTrue(m.startsWith(file.toString()) && m.contains(record) && m.contains("field '" + field + "'"), m);
  }

  /** Each real sample file, mutated: it loads, or fails with the documented errors, never anything else. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"coco, data/coco/test_coco.json, coco", "mpii, data/mpii/test_mpii.json, pckh",
      "aic, data/aic/test_aic.json, coco", "posetrack, data/posetrack18/annotations/test_posetrack18_val.json, coco"})
  void mutatedSampleFilesLoadOrFailNamingWhere(String format, String sample, String metric) throws Exception {
    String text = Files.readString(TestModels.shared().resolve(sample));
    Mutator mutator = new Mutator(format.hashCode());
    int loaded = 0;
    int refused = 0;
    for (int i = 0; i < CASES_PER_FORMAT; i++) {
      Path file = Files.writeString(dir.resolve(format + i + ".json"), mutator.mutate(text));
      try {
        GroundTruth.load(file.toString(), format, List.of(metric), CONF);
        loaded++;
      } catch (AnnotationFormatException e) {
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        refused++;
      } catch (RuntimeException e) {
        throw new AssertionError(format + " case " + i + " crashed the reader with " + e, e);
      }
    }
    System.out.printf("annotation fuzz (%s): %d cases, %d loaded, %d refused naming file and place, 0 crashes%n",
        format, CASES_PER_FORMAT, loaded, refused);
  }
}
