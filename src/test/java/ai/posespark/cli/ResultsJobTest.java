package ai.posespark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.posespark.job.TestModels;
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
}
