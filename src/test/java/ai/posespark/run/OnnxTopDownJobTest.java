package ai.posespark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.decode.TestImages;
import ai.posespark.jobfile.JobSpec;
import ai.posespark.jobfile.JobSpecException;
import ai.posespark.jobfile.JobSpecLoader;
import ai.posespark.plan.Preflight;
import ai.posespark.report.JobSummary;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ONNX models through the whole job: the shipped RTMDet-nano and PP-TinyPose (in the repository, so these run
 * on a fresh clone) on the shipped samples; on ../shared's COCO images, the detectors against the people the
 * reference data's README found with ONNX Runtime in Python (RTMDet all 14 annotated people at IoU ≥ 0.74,
 * YOLOX-Nano 11 of 14 at IoU ≥ 0.72, both at score ≥ 0.3 and NMS 0.45) and the pipeline's COCO AP; a user's
 * catalog file adding a model without code.
 */
class OnnxTopDownJobTest {
  @TempDir
  static Path dir;
  static SparkSession spark;
  static Path samples;

  @BeforeAll
  static void setUp() throws Exception {
    samples = dir.resolve("samples");
    Files.createDirectories(samples);
    for (String f : List.of("000000000785.jpg", "messi5.jpg", "basketball1.png")) {
      Files.copy(TestImages.samples().resolve(f), samples.resolve(f));
    }
    spark = SparkTestSession.get();
  }

  /** The job {@code name} on {@code input} (the input map's content) with the model keys {@code model}. */
  private static JobSummary run(String name, String input, String model, String extra) throws Exception {
    JobSpec spec = JobSpecLoader.parse("""
        name: %s
        input: {%s}
        model: {pipeline: top-down, minPersonScore: 0.05, %s}
        execution: {batchSize: 4, device: cpu}
        output: {path: %s}
        %s
        """.formatted(name, input, model, dir.resolve("out"), extra), List.of());
    JobSummary summary = PoseJob.run(spark, spec);
    spark.read().parquet(summary.runDir() + "/persons").createOrReplaceTempView(name + "_persons");
    return summary;
  }

  @Test
  void theShippedDetectorAndPoseModelRunOnTheSamples() throws Exception {
    JobSummary s = run("onnx", "paths: [\"" + samples + "\"]", "detector: rtmdet-nano-person-heads, "
        + "pose: pp-tinypose-256x192, flipTest: true", "");
    assertEquals(3, s.frames());
    assertEquals(0, s.errors());
    double error = Skier.meanKeypointError(spark, "onnx_persons");
    System.out.printf("top-down rtmdet-nano + pp-tinypose (flip): skier mean keypoint error %.1f px%n", error);
    assertTrue(error < 8, "mean keypoint error " + error + " px");
    assertTrue(spark.sql("SELECT count(*) FROM onnx_persons WHERE uri LIKE '%basketball1.png'").first()
        .getLong(0) >= 2, "the two players");
  }

  @Test
  void theDetectorsFindWhatOnnxRuntimeFoundForTheReferenceData() throws Exception {
    Path coco = TestModels.shared().resolve("data/coco");
    Path yolox = TestModels.shared().resolve("models/yolox-nano.onnx");
    String paths = "paths: [\"" + coco + "/*.jpg\"]";
    String boxesOnly = "pose: pp-tinypose-256x192, poseNms: none, minDetectionScore: 0.3, detectionNmsIou: 0.45";
    run("rtm", paths, "detector: rtmdet-nano-person-heads, " + boxesOnly, "");
    run("yx", paths, "detector: \"" + yolox + "\", " + boxesOnly, "");
    JsonNode gt = new ObjectMapper().readTree(coco.resolve("test_coco.json").toFile());
    assertEquals(14, matched("rtm", gt, 0.74), "RTMDet-nano finds all 14 annotated people");
    assertTrue(matched("yx", gt, 0.72) >= 11, "YOLOX-Nano finds at least 11 of 14");
  }

  @Test
  void theAccurateDefaultScoresOnTheCocoSample() throws Exception {
    Path coco = TestModels.shared().resolve("data/coco");
    JobSummary s = run("ap", "paths: [\"" + coco + "/*.jpg\"], annotations: \"" + coco.resolve("test_coco.json")
        + "\"", "detector: rtmdet-nano-person-heads, pose: pp-tinypose-256x192, flipTest: true",
        "evaluation: {metrics: [coco]}");
    JsonNode stats = new ObjectMapper().readTree(Path.of(s.runDir().replace("file:", ""), "eval", "coco.json")
        .toFile()).path("stats");
    System.out.printf("rtmdet-nano + pp-tinypose (flip, DARK) on ../shared/data/coco: AP %.4f AR %.4f%n",
        stats.get(0).asDouble(), stats.get(5).asDouble());
    assertTrue(stats.get(0).asDouble() >= 0.75, "COCO AP " + stats.get(0));
  }

  @Test
  void aUsersCatalogFileAddsAModelWithoutCode() throws Exception {
    Path catalog = dir.resolve("my-models.yaml");
    Path model = dir.resolve("my-pose.onnx");
    Files.copy(Path.of("models/pp-tinypose-256x192.onnx"), model);
    Files.writeString(catalog, """
        models:
          my-pose:
            file: my-pose.onnx
            format: onnx
            input: {size: [256, 192], dtype: float32, layout: nchw,
                    mean: [123.675, 116.28, 103.53], std: [58.395, 57.12, 57.375]}
            resize: stretch
            decoder: heatmap
            codec: {refine: shift}
            keypoints: coco17
            batch: 0
        """);
    run("mine", "paths: [\"" + samples + "\"]", "detector: rtmdet-nano-person-heads, pose: my-pose, catalog: \""
        + catalog + "\"", "");
    double error = Skier.meanKeypointError(spark, "mine_persons");
    System.out.printf("a user's catalog entry (tinypose, quarter shift): skier mean keypoint error %.1f px%n", error);
    assertTrue(error < 10, "mean keypoint error " + error + " px");

    Files.writeString(catalog, "models:\n  my-pose: {file: my-pose.onnx, formt: onnx}\n");
    JobSpec bad = JobSpecLoader.parse("name: x\ninput: {paths: [" + samples + "]}\nmodel: {pipeline: top-down, "
        + "detector: rtmdet-nano-person-heads, pose: my-pose, catalog: \"" + catalog + "\"}\n", List.of());
    JobSpecException e = assertThrows(JobSpecException.class, () -> Preflight.checkKeys(bad));
    assertEquals("model.catalog", e.key());
    assertTrue(e.getMessage().contains("formt"), e.getMessage());
  }

  /** Annotated people whose box some detected person's detector box overlaps by at least {@code iou}. */
  private static int matched(String view, JsonNode gt, double iou) {
    Map<String, List<float[]>> boxes = new HashMap<>();
    for (Row r : spark.sql("SELECT uri, det_bbox.x, det_bbox.y, det_bbox.w, det_bbox.h FROM " + view + "_persons")
        .collectAsList()) {
      String name = r.getString(0).substring(r.getString(0).lastIndexOf('/') + 1);
      boxes.computeIfAbsent(name, n -> new ArrayList<>()).add(new float[] {r.getFloat(1), r.getFloat(2),
          r.getFloat(3), r.getFloat(4)});
    }
    Map<Long, String> files = new HashMap<>();
    gt.path("images").forEach(i -> files.put(i.path("id").asLong(), i.path("file_name").asText()));
    int found = 0;
    for (JsonNode a : gt.path("annotations")) {
      JsonNode b = a.path("bbox");
      double best = 0;
      for (float[] d : boxes.getOrDefault(files.get(a.path("image_id").asLong()), List.of())) {
        double ix = Math.max(0, Math.min(b.get(0).asDouble() + b.get(2).asDouble(), d[0] + d[2])
            - Math.max(b.get(0).asDouble(), d[0]));
        double iy = Math.max(0, Math.min(b.get(1).asDouble() + b.get(3).asDouble(), d[1] + d[3])
            - Math.max(b.get(1).asDouble(), d[1]));
        double inter = ix * iy;
        best = Math.max(best, inter / (b.get(2).asDouble() * b.get(3).asDouble() + d[2] * d[3] - inter));
      }
      System.out.printf("%s: annotation %d best IoU %.2f%n", view, a.path("id").asLong(), best);
      found += best >= iou ? 1 : 0;
    }
    return found;
  }
}
