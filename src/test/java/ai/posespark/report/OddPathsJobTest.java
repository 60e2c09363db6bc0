package ai.posespark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.decode.TestImages;
import ai.posespark.jobfile.JobSpecLoader;
import ai.posespark.run.PoseJob;
import ai.posespark.run.SparkTestSession;
import ai.posespark.run.TestModels;
import java.nio.file.Files;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@code output.path} with a space, {@code %}, {@code #}, glob characters ({@code [ ] { } * ?}) and non-ASCII
 * letters, and frames named with {@code :}, through the real job and every way PoseSpark reads its own run back:
 * the summary, results.json, evaluation, the report and the four exports. Before, such a path was read back as a
 * glob or failed {@code URI.create} after the whole inference.
 */
class OddPathsJobTest {
  @TempDir
  java.nio.file.Path dir;

  @Test
  void everyReadBackWorksUnderAnOddOutputPath() throws Exception {
    TestModels.assumeInstalled("movenet-lightning");
    java.nio.file.Path images = Files.createDirectories(dir.resolve("images"));
    Files.copy(TestImages.samples().resolve("000000000785.jpg"), images.resolve("000000000785.jpg"));
    Files.copy(TestImages.samples().resolve("000000000785.jpg"), images.resolve("2024-05-01T10:22:33.jpg"));
    java.nio.file.Path out = dir.resolve("runs [1] {a,b} #50% ünï *?");
    SparkSession spark = SparkTestSession.get();
    JobSummary summary = PoseJob.run(spark, JobSpecLoader.parse("""
        name: odd
        input: {paths: ['%s'], annotations: '%s'}
        model: {pose: movenet-lightning}
        execution: {device: cpu}
        output: {path: '%s'}
        evaluation: {metrics: [coco]}
        """.formatted(images, TestImages.samples().resolve("person_keypoints.json"), out), List.of()));
    System.out.println(summary);
    java.nio.file.Path run = out.resolve("odd");
    assertEquals(2, summary.frames());
    assertEquals(0, summary.errors());
    assertTrue(summary.toString().contains(run.toString()), summary.toString());
    assertTrue(Files.size(run.resolve("results.json")) > 10);
    assertTrue(Files.exists(run.resolve("report.html")));
    assertTrue(Files.exists(run.resolve("eval/coco.json")), "evaluation");
    assertEquals(2, spark.read().parquet(ai.posespark.sink.LiteralPath.of(summary.runDir() + "/frames")).count());
    RunReport.write(spark, summary.runDir());
    for (RunExport.Format format : RunExport.Format.values()) {
      String to = RunExport.defaultOutDir(summary.runDir(), format);
      System.out.println(format + ": " + RunExport.export(spark, summary.runDir(), format, null, to, 10));
    }
    // every person "needs review" with a minimum score above 1: the review export copies both frames
    String review = RunExport.defaultOutDir(summary.runDir(), RunExport.Format.REVIEW) + "-all";
    assertEquals(2L, ReviewExport.write(spark, null, review, new ReviewExport.Criteria(2, 8, 0.3, 6)));
    try (var files = Files.walk(run.resolve("exports"))) {
      List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.contains("10:22:33")).toList();
      System.out.println("export files named with ':': " + names);
      assertEquals(3, names.size(), "openpose, overlays and review write the ':' frame: " + names);
    }
  }
}
