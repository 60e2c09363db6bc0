package ai.posespark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.decode.TestImages;
import ai.posespark.decode.TestVideos;
import ai.posespark.jobfile.JobSpecLoader;
import ai.posespark.jobfile.JobSpec;
import ai.posespark.jobfile.JobSpecException;
import ai.posespark.report.JobSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run folder's rows stay one run's: a video replaced by a shorter one leaves no rows of frames it no longer has
 * ({@code append}, then {@code resume}), and an {@code append} with another model or other model settings is
 * refused before any inference, naming both.
 */
class ConsistentRunsTest {
  @TempDir
  static Path dir;

  @Test
  void aVideoReplacedByAShorterOneLeavesOnlyItsNewFramesRows() throws Exception {
    TestModels.assumeInstalled("movenet-lightning");
    Path input = dir.resolve("videos");
    Path clip = render(input, 30);
    SparkSession spark = SparkTestSession.get();
    String runDir = PoseJob.run(spark, videoSpec(input, "append")).runDir();
    assertEquals(30, frames(spark, runDir).count());

    assertEquals(clip, render(input, 12));
    JobSummary second = PoseJob.run(spark, videoSpec(input, "append"));
    assertOnlyFrames(spark, runDir, 12);
    assertEquals(render(input, 5), clip);
    JobSummary third = PoseJob.run(spark, videoSpec(input, "resume"));
    assertOnlyFrames(spark, runDir, 5);
    System.out.printf("video replaced by shorter ones: 30 → 12 → 5 frames; rows %d, %d; %s, %s%n", second.frames(),
        third.frames(), second.increment().counts(), third.increment().counts());
  }

  @Test
  void appendWithAnotherModelOrOtherSettingsIsRefusedNamingBoth() throws Exception {
    TestModels.assumeInstalled("movenet-lightning");
    TestModels.assumeInstalled("movenet-thunder");
    Path images = Files.createDirectories(dir.resolve("images"));
    Files.copy(TestImages.samples().resolve("messi5.jpg"), images.resolve("messi5.jpg"));
    SparkSession spark = SparkTestSession.get();
    JobSummary first = PoseJob.run(spark, imageSpec(images, "movenet-lightning", 0.1));
    Files.copy(TestImages.samples().resolve("000000000785.jpg"), images.resolve("skier.jpg"));

    JobSpecException model = assertThrows(JobSpecException.class,
        () -> PoseJob.run(spark, imageSpec(images, "movenet-thunder", 0.1)));
    System.out.println("another model: " + model.getMessage());
    assertEquals("output.mode", model.key());
    assertTrue(model.getMessage().contains("holds rows of model movenet-lightning, this job runs movenet-thunder "
        + "(model.pose: \"movenet-lightning\" there, \"movenet-thunder\" here)"), model.getMessage());

    JobSpecException settings = assertThrows(JobSpecException.class,
        () -> PoseJob.run(spark, imageSpec(images, "movenet-lightning", 0.3)));
    System.out.println("other settings: " + settings.getMessage());
    assertTrue(settings.getMessage().contains("(model.minPersonScore: 0.1 there, 0.3 here)"), settings.getMessage());
    assertEquals(1, frames(spark, first.runDir()).count(), "nothing was added");

    JobSummary same = PoseJob.run(spark, imageSpec(images, "movenet-lightning", 0.1));
    assertEquals(2, frames(spark, same.runDir()).count(), "the same model and settings append");
  }

  private static void assertOnlyFrames(SparkSession spark, String runDir, int count) {
    Dataset<Row> frames = frames(spark, runDir);
    assertEquals(count, frames.count(), "a row per frame of the new video");
    assertEquals(count, frames.select("frame_id").distinct().count());
    assertEquals(count - 1, frames.agg(functions.max("frame_index")).first().getInt(0));
    Dataset<Row> persons = spark.read().parquet(runDir + "/persons");
    assertEquals(0, persons.join(frames, persons.col("frame_id").equalTo(frames.col("frame_id")), "left_anti")
        .count(), "no person of a frame the video no longer has");
  }

  private static Dataset<Row> frames(SparkSession spark, String runDir) {
    return spark.read().parquet(runDir + "/frames");
  }

  /** clip.avi in {@code folder}, {@code frames} long, written aside and moved over the old one. */
  private static Path render(Path folder, int frames) throws Exception {
    Path made = TestVideos.render(dir.resolve("render-" + frames), "clip", new TestVideos.Spec(160, 120, 25, frames,
        TestVideos.Codec.MJPEG_AVI, 10), TestVideos.frameNumbers());
    Files.createDirectories(folder);
    return Files.move(made, folder.resolve(made.getFileName()), StandardCopyOption.REPLACE_EXISTING);
  }

  private static JobSpec videoSpec(Path input, String mode) {
    return JobSpecLoader.parse("""
        name: shorter
        input: {paths: [%s], kind: video}
        model: {pose: movenet-lightning}
        execution: {batchSize: 4, device: cpu, framesPerTask: 10}
        output: {path: %s, mode: %s}
        """.formatted(input, dir.resolve("out"), mode), List.of());
  }

  private static JobSpec imageSpec(Path images, String model, double minPersonScore) {
    return JobSpecLoader.parse("""
        name: models
        input: {paths: [%s]}
        model: {pose: %s, minPersonScore: %s}
        execution: {batchSize: 1, device: cpu}
        output: {path: %s, mode: append}
        """.formatted(images, model, minPersonScore, dir.resolve("out")), List.of());
  }
}
