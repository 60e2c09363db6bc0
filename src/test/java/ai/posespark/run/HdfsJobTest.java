package ai.posespark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.decode.TestImages;
import ai.posespark.jobfile.JobSpec;
import ai.posespark.jobfile.JobSpecLoader;
import ai.posespark.model.ModelCatalog;
import ai.posespark.report.JobSummary;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job against a real HDFS (an in-process NameNode + DataNode): images, the model (model.json + weight shard)
 * and the output all live on {@code hdfs://}; executors stage the model to local disk and read frames through
 * Hadoop's FileSystem.
 */
class HdfsJobTest {
  @TempDir
  static Path dir;
  static MiniDFSCluster cluster;
  static String hdfs;

  @BeforeAll
  static void startHdfs() throws Exception {
    TestModels.assumeInstalled("movenet-lightning");
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("dfs").toString());
    cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    cluster.waitActive();
    hdfs = "hdfs://localhost:" + cluster.getNameNodePort();
    FileSystem fs = cluster.getFileSystem();
    Path models = ModelCatalog.bundled().packageFolder();
    for (String f : List.of("movenet-lightning.json", "movenet-lightning.bin")) {
      fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(models.resolve(f).toString()),
          new org.apache.hadoop.fs.Path("/models/" + f));
    }
    for (String f : List.of("000000000785.jpg", "messi5.jpg")) {
      fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(TestImages.samples().resolve(f).toString()),
          new org.apache.hadoop.fs.Path("/data/images/" + f));
    }
    try (var out = fs.create(new org.apache.hadoop.fs.Path("/data/images/broken.png"))) {
      out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
    }
  }

  @AfterAll
  static void stopHdfs() {
    if (cluster != null) {
      cluster.shutdown();
    }
  }

  @Test
  void stagesOncePerVersionOfTheRemoteModel() throws Exception {
    Path models = ModelCatalog.bundled().packageFolder();
    FileSystem fs = cluster.getFileSystem();
    for (String f : List.of("posenet.json", "posenet.bin")) {
      fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(models.resolve(f).toString()),
          new org.apache.hadoop.fs.Path("/versioned/" + f));
    }
    String uri = hdfs + "/versioned/posenet.json";
    Path cache = dir.resolve("model-cache");
    Path first = ai.posespark.model.ModelStager.localize(uri, fs.getConf(), cache);
    assertTrue(java.nio.file.Files.isRegularFile(first.resolveSibling("posenet.bin")), "weight shard staged");
    assertEquals(first, ai.posespark.model.ModelStager.localize(uri, fs.getConf(), cache), "staged once");
    // the model replaced at the same URI (a new modification time): staged anew, not served stale
    fs.setTimes(new org.apache.hadoop.fs.Path("/versioned/posenet.json"), System.currentTimeMillis() + 60_000, -1);
    Path second = ai.posespark.model.ModelStager.localize(uri, fs.getConf(), cache);
    assertTrue(!second.equals(first) && java.nio.file.Files.isRegularFile(second), second.toString());
  }

  @Test
  void modelCliRunsAModelStoredOnHdfs() throws Exception {
    Path golden = TestModels.lightningGoldenCase();
    Path out = dir.resolve("cli-out");
    int code = ai.posespark.cli.ModelCommand.execute("run", "--model", hdfs + "/models/movenet-lightning.json",
        "--inputs", "input=" + golden.resolve("input.npy"), "--outdir", out.toString());
    assertEquals(0, code);
    TestModels.assertLightningGoldenOutput(out);
  }

  @Test
  void imagesModelAndOutputOnHdfs() throws Exception {
    JobSpec spec = JobSpecLoader.parse("""
        name: on-hdfs
        input: {paths: ["%1$s/data/images"]}
        model: {pose: "%1$s/models/movenet-lightning.json", minPersonScore: 0.2}
        execution: {device: cpu}
        output: {path: "%1$s/out"}
        """.formatted(hdfs), List.of());
    SparkSession spark = SparkTestSession.get();
    JobSummary summary = PoseJob.run(spark, spec);
    assertTrue(summary.runDir().startsWith(hdfs), summary.runDir());
    assertEquals(3, summary.frames());
    assertEquals(1, summary.errors());
    List<Row> frames = spark.read().parquet(hdfs + "/out/on-hdfs/frames")
        .select("uri", "status", "n_persons", "model").orderBy("uri").collectAsList();
    assertEquals("error", frames.get(1).getString(1), "broken.png");
    assertEquals("ok", frames.get(0).getString(1));
    assertEquals(1, frames.get(0).getInt(2), "the skier, found by the staged lightning model");
    assertEquals("movenet-lightning", frames.get(0).getString(3));
    assertTrue(cluster.getFileSystem().exists(new org.apache.hadoop.fs.Path("/out/on-hdfs/results.json")));
  }
}
