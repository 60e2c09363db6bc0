package ai.posespark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.decode.TestImages;
import ai.posespark.jobfile.JobSpec;
import ai.posespark.jobfile.JobSpecException;
import ai.posespark.jobfile.JobSpecLoader;
import ai.posespark.model.ModelCatalog;
import ai.posespark.plan.Preflight;
import ai.posespark.report.JobSummary;
import ai.posespark.source.S3ProxyServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job against a real S3 server (s3proxy in-process on loopback) through S3A: images, the model (model.json +
 * weight shard) and the output all live on {@code s3a://}. The session gets the {@code fs.s3a.*} settings in its
 * Hadoop configuration, as {@code spark.hadoop.fs.s3a.*} gives them to a real run.
 */
class S3aJobTest {
  @TempDir
  static Path dir;
  static S3ProxyServer s3;
  static FileSystem fs;

  @BeforeAll
  static void startS3() throws Exception {
    TestModels.assumeInstalled("movenet-lightning");
    s3 = S3ProxyServer.start(dir);
    fs = new org.apache.hadoop.fs.Path(s3.root()).getFileSystem(s3.conf());
    Path models = ModelCatalog.bundled().packageFolder();
    for (String f : List.of("movenet-lightning.json", "movenet-lightning.bin")) {
      put("/models/" + f, Files.readAllBytes(models.resolve(f)));
    }
    for (String f : List.of("000000000785.jpg", "messi5.jpg")) {
      put("/data/images/" + f, Files.readAllBytes(TestImages.samples().resolve(f)));
    }
    put("/data/images/broken.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
    Configuration session = SparkTestSession.get().sparkContext().hadoopConfiguration();
    s3.settings().forEach(session::set);
  }

  @AfterAll
  static void stopS3() throws Exception {
    if (s3 != null) {
      Configuration session = SparkTestSession.get().sparkContext().hadoopConfiguration();
      s3.settings().keySet().forEach(session::unset);
      fs.close();
      s3.close();
    }
  }

  @Test
  void modelCliRunsAModelStoredOnS3() throws Exception {
    Path golden = TestModels.lightningGoldenCase();
    Path out = dir.resolve("cli-out");
    // model-cli has no Spark session: it takes spark.hadoop.* system properties, as scripts/model-cli.sh does
    s3.settings().forEach((k, v) -> System.setProperty("spark.hadoop." + k, v));
    int code;
    try {
      code = ai.posespark.cli.ModelCommand.execute("run", "--model", s3.root() + "/models/movenet-lightning.json",
          "--inputs", "input=" + golden.resolve("input.npy"), "--outdir", out.toString());
    } finally {
      s3.settings().keySet().forEach(k -> System.clearProperty("spark.hadoop." + k));
    }
    assertEquals(0, code);
    TestModels.assertLightningGoldenOutput(out);
  }

  @Test
  void imagesModelAndOutputOnS3() throws Exception {
    SparkSession spark = SparkTestSession.get();
    JobSummary summary = PoseJob.run(spark, job("on-s3"));
    assertTables(spark, summary, "on-s3");
    assertTrue(fs.exists(new org.apache.hadoop.fs.Path(s3.root() + "/out/on-s3/results.json")));
  }

  @Test
  void magicCommitterWritesTheTables() throws Exception {
    SparkSession spark = SparkTestSession.get();
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    spark.conf().set("spark.sql.sources.commitProtocolClass",
        "org.apache.spark.internal.io.cloud.PathOutputCommitProtocol");
    spark.conf().set("spark.sql.parquet.output.committer.class",
        "org.apache.spark.internal.io.cloud.BindingParquetOutputCommitter");
    hadoop.set("fs.s3a.committer.name", "magic");
    try {
      JobSummary summary = PoseJob.run(spark, job("magic"));
      assertTables(spark, summary, "magic");
    } finally {
      spark.conf().unset("spark.sql.sources.commitProtocolClass");
      spark.conf().unset("spark.sql.parquet.output.committer.class");
      hadoop.unset("fs.s3a.committer.name");
    }
    // an S3A committer's _SUCCESS is a JSON manifest naming it (FileOutputCommitter's is empty); a run of a few
    // frames commits one chunk
    try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(s3.root() + "/out/magic/frames/chunk=1/_SUCCESS"))) {
      String success = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(success.contains("\"committer\":\"magic\""), success);
    }
    assertFalse(fs.exists(new org.apache.hadoop.fs.Path(s3.root() + "/out/magic/frames/chunk=1/__magic")),
        "the committer cleans up its pending-upload folder");
  }

  /**
   * The S3 keys (real-shaped, {@link S3ProxyServer}) never reach the logs (INFO and above, every logger), a
   * failure's message, the summary, or any object the run writes (tables, results.json, eval).
   */
  @Test
  void secretsNeverReachLogsErrorsOrOutputs() throws Exception {
    SparkSession spark = SparkTestSession.get();
    StringBuilder seen = new StringBuilder();
    try (LogCapture logs = LogCapture.start()) {
      JobSpec spec = JobSpecLoader.parse("""
          name: secrets
          input: {paths: ["%1$s/data/images"], annotations: "%1$s/data/gt.json"}
          model: {pose: "%1$s/models/movenet-lightning.json", minPersonScore: 0.2}
          execution: {device: cpu}
          output: {path: "%1$s/out"}
          evaluation: {metrics: [coco]}
          """.formatted(s3.root()), List.of());
      put("/data/gt.json", Files.readAllBytes(TestImages.samples().resolve("person_keypoints.json")));
      seen.append(PoseJob.run(spark, spec));
      // an input that is not there, then a model file that is not there (named after a catalog entry, so the
      // job's keys pass and the store is asked)
      for (String[] missing : List.of(new String[] {"/data/nothing-here", "/models/movenet-lightning.json"},
          new String[] {"/data/images", "/models/none/movenet-lightning.json"})) {
        try {
          Preflight.check(JobSpecLoader.parse(
              "name: bad\ninput: {paths: [\"%1$s%2$s\"]}\nmodel: {pose: \"%1$s%3$s\"}\n".formatted(s3.root(),
                  missing[0], missing[1]), List.of()), s3.conf());
        } catch (JobSpecException e) {
          seen.append('\n').append(e.getMessage());
        }
      }
      seen.append('\n').append(logs.text());
    }
    assertTrue(seen.toString().contains("nothing-here' matches no file"), seen.toString());
    assertTrue(seen.toString().contains("model.pose: cannot load model movenet-lightning"), seen.toString());
    var files = fs.listFiles(new org.apache.hadoop.fs.Path(s3.root() + "/out/secrets"), true);
    int objects = 0;
    while (files.hasNext()) {
      try (InputStream in = fs.open(files.next().getPath())) {
        seen.append(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
        objects++;
      }
    }
    assertTrue(objects >= 4, objects + " objects");
    assertFalse(seen.toString().contains(S3ProxyServer.SECRET_KEY), "the secret key leaked");
    assertFalse(seen.toString().contains(S3ProxyServer.ACCESS_KEY), "the access key leaked");
    System.out.printf("secrets: %d output objects and %d chars of logs and messages, no key found%n", objects,
        seen.length());
  }

  /**
   * Writes an object. Not {@code copyFromLocalFile}: S3A 3.4.1's fails on a file to a new key ("Cannot get
   * relative path for URI").
   */
  private static void put(String key, byte[] bytes) throws IOException {
    try (var out = fs.create(new org.apache.hadoop.fs.Path(s3.root() + key))) {
      out.write(bytes);
    }
  }

  private static JobSpec job(String name) {
    return JobSpecLoader.parse("""
        name: %2$s
        input: {paths: ["%1$s/data/images"]}
        model: {pose: "%1$s/models/movenet-lightning.json", minPersonScore: 0.2}
        execution: {device: cpu}
        output: {path: "%1$s/out"}
        """.formatted(s3.root(), name), List.of());
  }

  private static void assertTables(SparkSession spark, JobSummary summary, String name) {
    assertTrue(summary.runDir().startsWith(s3.root()), summary.runDir());
    assertEquals(3, summary.frames());
    assertEquals(1, summary.errors());
    List<Row> frames = spark.read().parquet(s3.root() + "/out/" + name + "/frames")
        .select("uri", "status", "n_persons", "model").orderBy("uri").collectAsList();
    assertEquals(3, frames.size());
    assertEquals("error", frames.get(1).getString(1), "broken.png");
    assertEquals("ok", frames.get(0).getString(1));
    assertEquals(1, frames.get(0).getInt(2), "the skier, found by the staged lightning model");
    assertEquals("movenet-lightning", frames.get(0).getString(3));
    assertEquals(1, spark.read().parquet(s3.root() + "/out/" + name + "/persons")
        .where("uri like '%000000000785.jpg'").count());
  }
}
