package ai.posespark.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.decode.HostileFiles;
import ai.posespark.decode.TestImages;
import ai.posespark.run.SparkTestSession;
import ai.posespark.run.TestModels;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PoseSpark on a real Spark standalone cluster (a Master and two one-core Workers on 127.0.0.1), submitted the way
 * a user does: {@code scripts/submit.sh} with {@code SPARK_HOME} set, which runs spark-submit with the deploy jar.
 * The quickstart's output is checked, and an executor killed hard mid-job costs nothing: every input keeps exactly
 * one frame row and its persons exactly once.
 */
@Tag("cluster")
class StandaloneClusterTest {
  @TempDir
  static Path dir;
  static StandaloneCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    TestModels.assumeInstalled("movenet-multipose");
    TestModels.assumeInstalled("movenet-lightning");
    cluster = StandaloneCluster.start(dir, 2, 1, List.of(), List.of());
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private Process submit(Path log, String... args) throws Exception {
    return submitWith(log, "--conf spark.executor.memory=2g", args);
  }

  /** scripts/submit.sh on the cluster with {@code conf} (spark-submit flags) after the common ones. */
  private Process submitWith(Path log, String conf, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("bash", "scripts/submit.sh"));
    cmd.addAll(List.of(args));
    ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    b.environment().putAll(cluster.environment());
    b.environment().put("SPARK_SUBMIT_ARGS", "--master " + cluster.masterUrl() + " --conf spark.ui.enabled=false "
        + "--conf spark.executor.cores=1 --driver-memory 1g " + conf);
    return b.start();
  }

  private static int finish(Process p, Path log) throws Exception {
    assertTrue(p.waitFor(15, TimeUnit.MINUTES), "spark-submit finished: " + Files.readString(log));
    return p.exitValue();
  }

  @Test
  void quickstartRunsThroughSparkSubmitOnTheCluster() throws Exception {
    Path log = dir.resolve("quickstart.log");
    Path out = dir.resolve("out");
    int code = finish(submit(log, "jobs/quickstart.yaml", "--set", "output.path=" + out), log);
    String text = Files.readString(log);
    assertEquals(0, code, text);
    assertTrue(text.contains(cluster.masterUrl()), "connected to the standalone master");
    SparkSession spark = SparkTestSession.get();
    Dataset<Row> frames = spark.read().parquet(out.resolve("quickstart/frames").toString());
    assertEquals(3, frames.count(), "the three samples");
    assertEquals(3, frames.where("status = 'ok' AND device = 'cpu'").count());
    long people = frames.agg(functions.sum("n_persons")).first().getLong(0);
    assertEquals(people, spark.read().parquet(out.resolve("quickstart/persons").toString()).count());
    assertTrue(people >= 3, people + " people");
    assertEquals(people, new ObjectMapper().readTree(out.resolve("quickstart/results.json").toFile()).size());
    double ap = new ObjectMapper().readTree(out.resolve("quickstart/eval/coco.json").toFile()).path("stats").get(0)
        .asDouble();
    System.out.printf("quickstart on the standalone cluster: %d frames, %d persons, AP %.3f%n", frames.count(),
        people, ap);
    assertTrue(ap > 0.3, "AP " + ap);
    try (var apps = Files.list(dir.resolve("worker-0"))) {
      assertTrue(apps.anyMatch(p -> p.getFileName().toString().startsWith("app-")), "the Worker ran executors");
    }
  }

  @Test
  void anExecutorKilledMidJobLosesAndDuplicatesNothing() throws Exception {
    int copies = 15;
    Path images = Files.createDirectories(dir.resolve("images"));
    for (int i = 0; i < copies; i++) {
      for (String f : List.of("000000000785.jpg", "messi5.jpg", "basketball1.png")) {
        Files.copy(TestImages.samples().resolve(f), images.resolve(i + "-" + f));
      }
    }
    Path job = dir.resolve("executor-loss.yaml");
    Path run = dir.resolve("out/executor-loss");
    Files.writeString(job, """
        name: executor-loss
        input: {paths: [%s]}
        model: {pose: movenet-multipose}
        execution: {batchSize: 1, device: cpu, partitions: 10}
        output: {path: %s, chunkFrames: 1}
        """.formatted(images, dir.resolve("out")));
    Path log = dir.resolve("executor-loss.log");
    Process p = submit(log, job.toString());
    long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (!Files.exists(run.resolve("frames/chunk=1")) && p.isAlive() && System.nanoTime() < until) {
      Thread.sleep(50);
    }
    List<ProcessHandle> executors = cluster.executors();
    assertFalse(executors.isEmpty(), "executors are running: " + Files.readString(log));
    assertTrue(p.isAlive(), "the job is still running when the executor is killed");
    executors.get(0).destroyForcibly();
    System.out.println("killed executor pid " + executors.get(0).pid() + " after the first chunk committed");
    assertEquals(0, finish(p, log), Files.readString(log));
    String summary = Files.readString(log).lines().filter(l -> l.contains("models loaded per executor JVM"))
        .findFirst().orElse("");
    System.out.println("summary: " + summary);
    assertTrue(summary.matches(".*this run:? +45 new.*"), "the run summary: " + summary);

    SparkSession spark = SparkTestSession.get();
    Dataset<Row> frames = spark.read().parquet(run.resolve("frames").toString());
    Dataset<Row> persons = spark.read().parquet(run.resolve("persons").toString());
    long people = frames.agg(functions.sum("n_persons")).first().getLong(0);
    long inputs = copies * 3L;
    System.out.printf("executor killed: %d inputs, %d frame rows (%d distinct), %d person rows (%d distinct), "
        + "expected %d persons%n", inputs, frames.count(), frames.select("frame_id").distinct().count(),
        persons.count(), persons.select("frame_id", "person_index").distinct().count(), people);
    assertEquals(inputs, frames.count(), "one frame row per input");
    assertEquals(inputs, frames.select("frame_id").distinct().count());
    assertEquals(0, frames.where("status <> 'ok'").count(), "no frame failed with the executor");
    assertEquals(people, persons.count(), "each person once");
    assertEquals(people, persons.select("frame_id", "person_index").distinct().count());
  }

  /**
   * A file that really kills the executor decoding it (a 400 MB PNG of a few hundred bytes; executors with a 1 GB
   * heap and -XX:+ExitOnOutOfMemoryError, as YARN's OnOutOfMemoryError=kill): Spark retries the task, the retry finds
   * the frame in flight and gives it an error row, and the job finishes with one row per file.
   */
  @Test
  void aFileThatKillsItsExecutorGetsAnErrorRowAndTheJobFinishes() throws Exception {
    Path images = Files.createDirectories(dir.resolve("killer-images"));
    for (int i = 0; i < 2; i++) {
      for (String f : List.of("000000000785.jpg", "messi5.jpg", "basketball1.png")) {
        Files.copy(TestImages.samples().resolve(f), images.resolve(i + "-" + f));
      }
    }
    Files.write(images.resolve("killer.png"), HostileFiles.pngDeclaring(20_000, 20_000));
    Path job = dir.resolve("killer.yaml");
    Files.writeString(job, """
        name: killer
        input: {paths: [%s], maxPixels: 500000000, maxDecodePixels: 500000000}
        model: {pose: movenet-lightning}
        execution: {batchSize: 1, device: cpu, partitions: 2}
        output: {path: %s}
        """.formatted(images, dir.resolve("out")));
    Path log = dir.resolve("killer.log");
    Process p = submitWith(log, "--conf spark.executor.memory=1g "
        + "--conf spark.executor.defaultJavaOptions=-XX:+ExitOnOutOfMemoryError", job.toString());
    assertEquals(0, finish(p, log), Files.readString(log));
    String text = Files.readString(log);
    long lost = text.lines().filter(l -> l.contains("Lost executor") || l.contains("ExecutorLostFailure")).count();
    SparkSession spark = SparkTestSession.get();
    Dataset<Row> frames = spark.read().parquet(dir.resolve("out/killer/frames").toString());
    System.out.printf("killer file on the cluster: %d frame rows, %d error rows, %d executor-loss log lines%n",
        frames.count(), frames.where("status = 'error'").count(), lost);
    assertEquals(7, frames.count(), "one row per file");
    assertEquals(7, frames.select("frame_id").distinct().count());
    List<Row> errors = frames.where("status = 'error'").select("uri", "error").collectAsList();
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).getString(0).endsWith("/killer.png"), errors.toString());
    assertEquals("executor died while decoding this file", errors.get(0).getString(1));
    try (var left = Files.list(dir.resolve("out/killer/_inflight"))) {
      assertEquals(List.of("died-"), left.map(f -> f.getFileName().toString()).filter(n -> !n.startsWith("."))
          .map(n -> n.substring(0, 5)).toList(), "only the killer's record is left");
    }
  }
}
