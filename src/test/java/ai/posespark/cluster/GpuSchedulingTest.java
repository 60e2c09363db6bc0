package ai.posespark.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.posespark.decode.TestImages;
import ai.posespark.jobfile.JobSpecLoader;
import ai.posespark.report.JobSummary;
import ai.posespark.run.PoseJob;
import ai.posespark.run.SparkTestSession;
import ai.posespark.run.TestModels;
import ai.posespark.testing.Skip;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GPU scheduling on the standalone cluster without GPUs: one Worker declares two GPUs through
 * {@code scripts/gpu-discovery.sh} (with a fake {@code nvidia-smi} that lists 0 and 1); the application asks one GPU
 * per executor. The two executors get different addresses, each task records the address Spark gave it, and the
 * number of tasks an executor runs at once follows {@code spark.task.resource.gpu.amount} (1: one at a time on a
 * two-core executor; 0.5: two). PyTorch sees no CUDA, so {@code execution.device: auto} runs them on the CPU.
 */
@Tag("cluster")
class GpuSchedulingTest {
  @TempDir
  static Path dir;
  static StandaloneCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    TestModels.assumeInstalled("movenet-lightning");
    Path fake = Files.createDirectories(dir.resolve("fake-bin"));
    Files.writeString(fake.resolve("nvidia-smi"), "#!/bin/sh\necho 0\necho 1\n");
    Files.setPosixFilePermissions(fake.resolve("nvidia-smi"), PosixFilePermissions.fromString("rwxr-xr-x"));
    String script = Path.of("scripts/gpu-discovery.sh").toAbsolutePath().toString();
    cluster = StandaloneCluster.start(dir, 1, 4, List.of("-Dspark.worker.resource.gpu.amount=2",
        "-Dspark.worker.resource.gpu.discoveryScript=" + script), List.of(fake));
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void oneGpuPerTaskRunsOneTaskPerExecutorAtATime() throws Exception {
    Outcome o = run("whole", "1");
    assertEquals(Set.of("0", "1"), o.addresses(), "the two executors hold different GPUs");
    assertEquals(2, o.concurrency().size(), "two executors");
    o.concurrency().values().forEach(c -> assertEquals(1, c, "one task per GPU on a two-core executor"));
  }

  @Test
  void halfAGpuPerTaskRunsTwoTasksPerExecutor() throws Exception {
    Outcome o = run("half", "0.5");
    assertEquals(Set.of("0", "1"), o.addresses());
    assertEquals(2, o.concurrency().size(), "two executors");
    o.concurrency().values().forEach(c -> assertEquals(2, c, "two tasks share each GPU"));
  }

  private record Outcome(Set<String> addresses, Map<String, Integer> concurrency) {}

  private Outcome run(String name, String taskAmount) throws Exception {
    Path jar = Path.of("target/posespark-deploy.jar").toAbsolutePath();
    Skip.unless(Files.isRegularFile(jar), "no " + jar + ": build it with mvn -Pdeploy -DskipTests package");
    Path images = Files.createDirectories(dir.resolve("images-" + name));
    for (int i = 0; i < 8; i++) {
      for (String f : List.of("000000000785.jpg", "messi5.jpg", "basketball1.png")) {
        Files.copy(TestImages.samples().resolve(f), images.resolve(i + "-" + f));
      }
    }
    SparkTestSession.get().stop();
    Concurrency listener = new Concurrency();
    SparkSession spark = SparkSession.builder().master(cluster.masterUrl()).appName("gpu-" + name)
        .config("spark.ui.enabled", "false")
        .config("spark.jars", jar.toString())
        .config("spark.executor.cores", "2")
        .config("spark.executor.memory", "2g")
        .config("spark.executor.resource.gpu.amount", "1")
        .config("spark.task.resource.gpu.amount", taskAmount)
        .config("spark.executor.extraJavaOptions", "-Dai.djl.offline=true")
        .config("spark.executorEnv.DJL_CACHE_DIR", System.getenv("DJL_CACHE_DIR"))
        .config("spark.executorEnv.POSESPARK_MODELS_DIR", System.getenv("POSESPARK_MODELS_DIR"))
        .getOrCreate();
    try {
      spark.sparkContext().addSparkListener(listener);
      JobSummary summary = PoseJob.run(spark, JobSpecLoader.parse("""
          name: %s
          input: {paths: [%s]}
          model: {pose: movenet-lightning}
          execution: {batchSize: 1, device: auto, partitions: 12}
          output: {path: %s}
          """.formatted(name, images, dir.resolve("out")), List.of()));
      Set<String> addresses = new TreeSet<>();
      List<Row> rows = spark.read().parquet(summary.runDir() + "/frames").select("spark_gpu", "device")
          .distinct().collectAsList();
      for (Row r : rows) {
        addresses.add(r.getString(0));
        assertEquals("cpu", r.getString(1), "no CUDA here: auto falls back to the CPU");
      }
      System.out.printf("task gpu amount %s: GPU addresses in frame rows %s, most tasks at once per executor %s%n",
          taskAmount, addresses, listener.max);
      assertEquals(24, summary.frames());
      System.out.println("summary: " + summary);
      assertEquals(2, summary.increment().modelLoads().size(), "two executors reported");
      summary.increment().modelLoads().values().forEach(n -> assertEquals(1L, n, "one model per executor JVM, "
          + "shared by its concurrent tasks"));
      return new Outcome(addresses, Map.copyOf(listener.max));
    } finally {
      spark.stop();
    }
  }

  /**
   * The most tasks each executor ran at once. Task start and end events overlap on the listener bus (a slot is
   * offered again before the finished task's end event is posted), so each task's interval is its launch plus the
   * executor's own deserialize and run time.
   */
  private static final class Concurrency extends SparkListener {
    final Map<String, Integer> max = new HashMap<>();
    private final Map<String, List<long[]>> intervals = new HashMap<>();

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
      if (end.taskMetrics() == null) {
        return;
      }
      long launch = end.taskInfo().launchTime();
      long done = launch + end.taskMetrics().executorDeserializeTime() + end.taskMetrics().executorRunTime();
      List<long[]> list = intervals.computeIfAbsent(end.taskInfo().executorId(), k -> new ArrayList<>());
      list.add(new long[] {launch, 1});
      list.add(new long[] {done, -1});
      // ends before starts at the same millisecond: a slot handed on is not two tasks at once
      list.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
      int now = 0;
      int most = 0;
      for (long[] e : list) {
        now += (int) e[1];
        most = Math.max(most, now);
      }
      max.put(end.taskInfo().executorId(), most);
    }
  }
}
