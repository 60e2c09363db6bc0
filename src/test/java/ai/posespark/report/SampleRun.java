package ai.posespark.report;

import ai.posespark.decode.TestImages;
import ai.posespark.jobfile.JobSpecLoader;
import ai.posespark.run.PoseJob;
import ai.posespark.run.SparkTestSession;
import ai.posespark.run.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One real run shared by the report, export and SQL tests of a JVM: MoveNet multipose over the shipped samples
 * (one of them annotated, so the run is evaluated) plus a corrupt file, under {@code target/report-run}.
 */
final class SampleRun {
  private static JobSummary summary;

  private SampleRun() {}

  /** The run's summary (running it on first use); skips when the model package is missing. */
  static synchronized JobSummary get() throws Exception {
    TestModels.assumeInstalled("movenet-multipose");
    if (summary == null) {
      Path dir = Path.of("target/report-run").toAbsolutePath();
      Path images = dir.resolve("images");
      Files.createDirectories(images);
      for (String f : List.of("000000000785.jpg", "messi5.jpg", "basketball1.png", "person_keypoints.json")) {
        Files.copy(TestImages.samples().resolve(f), images.resolve(f),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      Files.write(images.resolve("corrupt.jpg"), "this is not a JPEG".getBytes());
      summary = PoseJob.run(SparkTestSession.get(), JobSpecLoader.parse("""
          name: samples
          input: {paths: [%s], annotations: %s}
          model: {pose: movenet-multipose, minPersonScore: 0.2}
          execution: {batchSize: 2, device: cpu}
          output: {path: %s}
          evaluation: {metrics: [coco]}
          """.formatted(images, images.resolve("person_keypoints.json"), dir.resolve("out")), List.of()));
    }
    return summary;
  }

  /** The run folder as a local path. */
  static Path dir() throws Exception {
    return Path.of(java.net.URI.create(get().runDir()));
  }
}
