package ai.posespark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.jobfile.JobSpec;
import ai.posespark.jobfile.JobSpecLoader;
import ai.posespark.report.JobSummary;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MoveNet multipose through the whole job on the COCO val images of ../shared/data/coco, checked against their
 * ground truth: a labelled person counts as found when some detected person in the same image has a mean
 * keypoint error of at most {@value #MAX_MEAN_ERROR_PX} px over the person's labelled keypoints.
 */
class CocoSampleAccuracyTest {
  static final double MAX_MEAN_ERROR_PX = 20;

  @TempDir
  Path dir;

  @Test
  void mostAnnotatedPeopleAreFoundWithAccurateKeypoints() throws Exception {
    Path coco = TestModels.shared().resolve("data/coco");
    TestModels.assumeInstalled("movenet-multipose");
    JobSpec spec = JobSpecLoader.parse("""
        name: coco
        input: {paths: ["%s/*.jpg"]}
        model: {pose: movenet-multipose, minPersonScore: 0.1}
        output: {path: %s}
        """.formatted(coco, dir), List.of());
    SparkSession spark = SparkTestSession.get();
    JobSummary summary = PoseJob.run(spark, spec);
    assertEquals(4, summary.frames());
    assertEquals(0, summary.errors());

    Map<String, List<float[]>> detected = new HashMap<>();
    for (Row r : spark.read().parquet(summary.runDir() + "/persons").select("uri", "keypoints").collectAsList()) {
      String name = r.getString(0).substring(r.getString(0).lastIndexOf('/') + 1);
      List<Row> kps = r.getList(1);
      float[] xy = new float[34];
      for (int k = 0; k < 17; k++) {
        xy[2 * k] = kps.get(k).getFloat(1);
        xy[2 * k + 1] = kps.get(k).getFloat(2);
      }
      detected.computeIfAbsent(name, n -> new ArrayList<>()).add(xy);
    }

    JsonNode gt = new ObjectMapper().readTree(coco.resolve("test_coco.json").toFile());
    Map<Long, String> files = new HashMap<>();
    gt.path("images").forEach(i -> files.put(i.path("id").asLong(), i.path("file_name").asText()));
    int annotated = 0;
    int found = 0;
    for (JsonNode a : gt.path("annotations")) {
      if (a.path("num_keypoints").asInt() == 0) {
        continue;
      }
      annotated++;
      String file = files.get(a.path("image_id").asLong());
      double best = Double.POSITIVE_INFINITY;
      for (float[] xy : detected.getOrDefault(file, List.of())) {
        double sum = 0;
        int n = 0;
        for (int k = 0; k < 17; k++) {
          JsonNode kp = a.path("keypoints");
          if (kp.get(3 * k + 2).asInt() > 0) {
            sum += Math.hypot(xy[2 * k] - kp.get(3 * k).asDouble(), xy[2 * k + 1] - kp.get(3 * k + 1).asDouble());
            n++;
          }
        }
        best = Math.min(best, sum / n);
      }
      System.out.printf("%s person %d (%d keypoints): best mean error %.1f px%n", file, a.path("id").asLong(),
          a.path("num_keypoints").asInt(), best);
      if (best <= MAX_MEAN_ERROR_PX) {
        found++;
      }
    }
    System.out.printf("found %d of %d annotated people within %.0f px%n", found, annotated, MAX_MEAN_ERROR_PX);
    assertEquals(12, annotated);
    assertTrue(found >= 10, "found " + found + " of " + annotated);
  }
}
