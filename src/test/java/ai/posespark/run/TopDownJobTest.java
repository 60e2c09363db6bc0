package ai.posespark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.decode.TestImages;
import ai.posespark.jobfile.JobSpec;
import ai.posespark.jobfile.JobSpecException;
import ai.posespark.jobfile.JobSpecLoader;
import ai.posespark.plan.Preflight;
import ai.posespark.report.JobSummary;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The top-down pipeline end to end on real Spark and real models, on the shipped samples (no ../shared): centernet
 * finds the people, movenet-thunder poses each crop, parametric pose NMS; and the same with the boxes of a detection
 * file. A frame nobody is in is an ok row with no persons.
 */
class TopDownJobTest {
  @TempDir
  static Path dir;
  static SparkSession spark;
  static Path images;
  static JsonNode skier;

  @BeforeAll
  static void images() throws Exception {
    TestModels.assumeInstalled("centernet");
    TestModels.assumeInstalled("movenet-thunder");
    images = dir.resolve("images");
    Files.createDirectories(images);
    for (String f : List.of("000000000785.jpg", "messi5.jpg", "basketball1.png")) {
      Files.copy(TestImages.samples().resolve(f), images.resolve(f));
    }
    BufferedImage empty = new BufferedImage(320, 240, BufferedImage.TYPE_3BYTE_BGR);
    var g = empty.createGraphics();
    g.setColor(new Color(128, 128, 128));
    g.fillRect(0, 0, 320, 240);
    g.dispose();
    Files.write(images.resolve("empty.png"), TestImages.encode(empty, "png"));
    skier = Skier.annotation();
    spark = SparkTestSession.get();
  }

  private static JobSummary run(String name, String model, String extraInput) throws Exception {
    JobSpec spec = JobSpecLoader.parse("""
        name: %s
        input: {paths: [%s]%s}
        model: {pipeline: top-down, pose: movenet-thunder, minPersonScore: 0.1, %s}
        execution: {batchSize: 2, device: cpu}
        output: {path: %s}
        """.formatted(name, images, extraInput, model, dir.resolve("out")), List.of());
    JobSummary summary = PoseJob.run(spark, spec);
    spark.read().parquet(summary.runDir() + "/frames").createOrReplaceTempView(name + "_frames");
    spark.read().parquet(summary.runDir() + "/persons").createOrReplaceTempView(name + "_persons");
    return summary;
  }

  @Test
  void aDetectorModelFindsThePeopleAndThunderPosesEachCrop() throws Exception {
    JobSummary s = run("td", "detector: centernet", "");
    assertEquals(4, s.frames());
    assertEquals(0, s.errors());
    List<String> columns = List.of(spark.table("td_frames").columns());
    assertEquals(List.of("read_ms", "decode_ms", "detect_ms", "crop_ms", "pose_ms", "postprocess_ms", "nms_ms",
        "chunk"), columns.subList(columns.size() - 8, columns.size()), "the stages, then the commit's chunk");
    Row empty = spark.sql("SELECT status, n_persons FROM td_frames WHERE uri LIKE '%empty.png'").first();
    assertEquals("ok", empty.getString(0));
    assertEquals(0, empty.getInt(1), "nobody in a grey frame");
    assertTrue(spark.sql("SELECT n_persons FROM td_frames WHERE uri LIKE '%messi5.jpg'").first().getInt(0) >= 1);
    double error = Skier.meanKeypointError(spark, "td_persons");
    System.out.printf("top-down centernet + thunder: skier mean keypoint error %.1f px%n", error);
    assertTrue(error < 12, "mean keypoint error " + error + " px");
    for (Row p : spark.sql("SELECT score, det_score, pose_score, det_bbox.w, bbox.w FROM td_persons").collectAsList()) {
      assertEquals(p.getFloat(1) * p.getFloat(2), p.getFloat(0), 1e-5, "score = detector score × pose score");
      assertTrue(p.getFloat(3) > 0 && p.getFloat(3) == p.getFloat(4), "the person's box is its detector box");
    }
  }

  @Test
  void boxesFromADetectionFileReplaceTheDetector() throws Exception {
    JsonNode box = skier.path("bbox");
    Path dets = dir.resolve("dets.json");
    Files.writeString(dets, "[{\"image_id\": 785, \"category_id\": 1, \"score\": 0.95, \"bbox\": " + box + "}, "
        + "{\"image_id\": 785, \"category_id\": 3, \"score\": 0.99, \"bbox\": [0, 0, 50, 50]}]");
    JobSummary s = run("tdfile", "detector: file", ", detections: " + dets);
    assertEquals(4, s.frames());
    assertEquals(1, s.persons(), "one person box (the car box is not a person), no boxes elsewhere");
    Row p = spark.sql("SELECT det_score, det_bbox.x, det_bbox.w FROM tdfile_persons").first();
    assertEquals(0.95f, p.getFloat(0), 1e-6);
    assertEquals(box.get(0).asDouble(), p.getFloat(1), 1e-3);
    assertEquals(box.get(2).asDouble(), p.getFloat(2), 1e-3);
    double error = Skier.meanKeypointError(spark, "tdfile_persons");
    System.out.printf("top-down ground-truth box + thunder: skier mean keypoint error %.1f px%n", error);
    assertTrue(error < 12, "mean keypoint error " + error + " px");
  }

  @Test
  void topDownKeysThatCannotWorkFailBeforeSparkStarts() {
    JobSpec noDetector = JobSpecLoader.parse("name: x\ninput: {paths: [" + images + "]}\n"
        + "model: {pipeline: top-down, pose: movenet-thunder}\n", List.of());
    assertEquals("model.detector", org.junit.jupiter.api.Assertions.assertThrows(JobSpecException.class,
        () -> Preflight.checkKeys(noDetector)).key());
    JobSpec noFile = JobSpecLoader.parse("name: x\ninput: {paths: [" + images + "]}\n"
        + "model: {pipeline: top-down, pose: movenet-thunder, detector: file}\n", List.of());
    assertEquals("input.detections", org.junit.jupiter.api.Assertions.assertThrows(JobSpecException.class,
        () -> Preflight.checkKeys(noFile)).key());
    JobSpec multi = JobSpecLoader.parse("name: x\ninput: {paths: [" + images + "]}\n"
        + "model: {pipeline: top-down, pose: movenet-multipose, detector: centernet}\n", List.of());
    assertEquals("model.pose", org.junit.jupiter.api.Assertions.assertThrows(JobSpecException.class,
        () -> Preflight.checkKeys(multi)).key());
    assertEquals("model.poseNms", org.junit.jupiter.api.Assertions.assertThrows(JobSpecException.class,
        () -> JobSpecLoader.parse("name: x\ninput: {paths: [a]}\nmodel: {pose: p, poseNms: soft}\n", List.of()))
        .key());
    assertEquals("model.refine", org.junit.jupiter.api.Assertions.assertThrows(JobSpecException.class,
        () -> JobSpecLoader.parse("name: x\ninput: {paths: [a]}\nmodel: {pose: p, refine: 3}\n", List.of())).key());
    JobSpec custom = JobSpecLoader.parse("name: x\ninput: {paths: [a]}\n"
        + "model: {pose: p, poseNms: {method: parametric, gamma: 20, matchThreshold: 6}}\n", List.of());
    assertEquals(20, custom.model().poseNms().gamma(), 1e-12);
  }
}
