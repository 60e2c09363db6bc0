package ai.posespark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.decode.TestImages;
import ai.posespark.jobfile.InputSpec;
import ai.posespark.jobfile.JobSpec;
import ai.posespark.jobfile.JobSpecLoader;
import ai.posespark.model.ModelCatalog;
import ai.posespark.plan.Preflight;
import ai.posespark.report.JobSummary;
import ai.posespark.source.S3ProxyServer;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every job file in {@code jobs/} runs as written on its small inputs (the shipped samples, ../shared's reference
 * data), its output under {@code target/jobs-out}. Only user paths are pointed elsewhere: the S3 job's bucket at an
 * in-process S3 server holding the samples.
 */
class JobFilesTest {
  static final Path OUT = Path.of("target/jobs-out").toAbsolutePath();
  @TempDir
  static Path dir;
  static S3ProxyServer s3;

  /** The job files, in name order. */
  static Stream<String> jobs() throws Exception {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("jobs"))) {
      files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().forEach(names::add);
    }
    return names.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jobs")
  void runsAsWritten(String job) throws Exception {
    Path file = Path.of("jobs", job);
    String text = Files.readString(file);
    ai.posespark.testing.Skip.unless(!job.equals("bottomup-paf.yaml"), "jobs/bottomup-paf.yaml names a user's "
        + "OpenPose export (no weights here): OpenPoseJobTest runs it with a TorchScript model the test builds");
    if (text.contains("../shared")) {
      TestModels.shared();
    }
    Path models = ModelCatalog.bundled().packageFolder();
    ai.posespark.testing.Skip.unless(Files.isDirectory(models), "model package not installed at " + models);
    List<String> overrides = new ArrayList<>(List.of("output.path=" + OUT));
    SparkSession spark = SparkTestSession.get();
    if (text.contains("s3a://")) {
      overrides = s3Overrides(spark);
    }
    JobSpec spec = JobSpecLoader.load(file, overrides);
    Preflight.checkKeys(spec);
    JobSummary summary = PoseJob.run(spark, spec);
    System.out.printf("jobs/%s: %s%n", job, summary);
    if (spec.input().kind() == InputSpec.Kind.TRAIN) {
      Path run = Path.of(java.net.URI.create(summary.runDir()));
      assertTrue(Files.isRegularFile(run.resolve("training.json")), "training.json written");
      assertTrue(Files.isDirectory(run.resolve("model")), "the fine-tuned model written");
      return;
    }
    assertNotNull(summary.report(), "report.html written");
    if (spec.input().kind() == InputSpec.Kind.RESULTS) {
      assertNotNull(summary.evaluation());
      assertTrue(summary.evaluation().coco().stats()[0] > 0.3, "AP of the results evaluated");
      return;
    }
    assertTrue(summary.frames() > 0 && summary.persons() > 0, "frames and people");
    assertEquals(0, summary.errors(), "the inputs are clean");
    if (!spec.evaluation().metrics().isEmpty() && spec.input().annotations() != null) {
      assertNotNull(summary.evaluation(), "evaluated");
    }
  }

  /** The S3 job's bucket → the test server's, holding the samples' images; its output goes there too. */
  private static List<String> s3Overrides(SparkSession spark) throws Exception {
    s3 = S3ProxyServer.start(dir);
    Configuration session = spark.sparkContext().hadoopConfiguration();
    s3.settings().forEach(session::set);
    FileSystem fs = new org.apache.hadoop.fs.Path(s3.root()).getFileSystem(session);
    for (String f : List.of("000000000785.jpg", "messi5.jpg", "basketball1.png")) {
      try (OutputStream out = fs.create(new org.apache.hadoop.fs.Path(s3.root() + "/images/" + f))) {
        out.write(Files.readAllBytes(TestImages.samples().resolve(f)));
      }
    }
    return new ArrayList<>(List.of("input.paths=[" + s3.root() + "/images/]", "output.path=" + s3.root()
        + "/poses"));
  }

  @AfterAll
  static void stopS3() throws Exception {
    if (s3 != null) {
      Configuration session = SparkTestSession.get().sparkContext().hadoopConfiguration();
      s3.settings().keySet().forEach(session::unset);
      s3.close();
    }
  }
}
