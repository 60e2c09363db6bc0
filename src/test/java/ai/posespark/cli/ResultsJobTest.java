package ai.posespark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.posespark.run.TestModels;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The results-only job from the command line: a job file with {@code input.kind: results} evaluates another
 * tool's COCO results against ground truth — no model — and writes eval/coco.json equal to pycocotools.
 */
class ResultsJobTest {
  @TempDir
  Path dir;

  @Test
  void resultsJobReproducesPycocotoolsStats() throws Exception {
    Path golden = TestModels.shared().resolve("golden/coco");
    Path job = dir.resolve("eval.yaml");
    Files.writeString(job, """
        name: noise030
        input:
          kind: results
          paths: [%s]
          annotations: %s
        evaluation: {metrics: [coco]}
        output: {path: %s}
        """.formatted(golden.resolve("dt/mmpose_test_coco__noise_030.json"),
        golden.resolve("gt/mmpose_test_coco.json"), dir.resolve("out")));
    int code = new CommandLine(new SubmitCommand()).execute(job.toString(), "--master", "local[2]",
        "--set", "output.mode=error");
    assertEquals(0, code);
    ObjectMapper json = new ObjectMapper();
    JsonNode ours = json.readTree(dir.resolve("out/noise030/eval/coco.json").toFile()).path("stats");
    JsonNode expected = json.readTree(golden.resolve(
        "expected/mmpose_test_coco__mmpose_test_coco__noise_030.json").toFile()).path("stats");
    assertEquals(10, ours.size());
    for (int i = 0; i < 10; i++) {
      assertEquals(expected.get(i).asDouble(), ours.get(i).asDouble(), 1e-9, "stats[" + i + "]");
    }
  }

  /**
   * What jobs/evaluate-results.yaml met: results for the whole sample folder against labels of one image. Results
   * for images the ground truth does not know are counted and reported, not fatal (pycocotools asserts).
   */
  @Test
  void resultsForImagesWithoutGroundTruthAreCountedNotFatal() throws Exception {
    Path gt = Path.of("data/samples/person_keypoints.json").toAbsolutePath();
    JsonNode labelled = new ObjectMapper().readTree(gt.toFile()).path("annotations").get(0);
    String keypoints = labelled.path("keypoints").toString();
    Path results = dir.resolve("results.json");
    Files.writeString(results, """
        [{"image_id": 785, "category_id": 1, "keypoints": %1$s, "score": 0.9},
         {"image_id": 1001, "category_id": 1, "keypoints": %1$s, "score": 0.8},
         {"image_id": 1002, "category_id": 1, "keypoints": %1$s, "score": 0.7}]
        """.formatted(keypoints));
    int code = new CommandLine(new SubmitCommand()).execute("jobs/evaluate-results.yaml", "--master", "local[2]",
        "--set", "input.paths=[" + results + "]", "--set", "input.annotations=" + gt, "--set",
        "output.path=" + dir.resolve("out"));
    assertEquals(0, code);
    JsonNode coco = new ObjectMapper().readTree(dir.resolve("out/evaluate-results/eval/coco.json").toFile());
    assertEquals(2, coco.path("persons_without_ground_truth").asInt());
    assertEquals(1.0, coco.path("stats").get(0).asDouble(), 1e-9, "the labelled person, exact: AP 1");
  }
}
