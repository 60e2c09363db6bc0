package ai.posespark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.decode.HostileFiles;
import ai.posespark.decode.TestImages;
import ai.posespark.jobfile.JobSpecLoader;
import ai.posespark.report.JobSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that really kills the JVM decoding it: a 400 MB PNG of a few hundred bytes, decoded by a local job in its
 * own JVM with a 1 GB heap and {@code -XX:+ExitOnOutOfMemoryError} (what YARN's {@code OnOutOfMemoryError=kill}
 * and many clusters' executor options do). The run dies with the frame in flight recorded; {@code resume} gives that
 * file the error row "executor died while decoding this file" without decoding it again, and runs the rest.
 */
class ExecutorDeathTest {
  @TempDir
  static Path dir;

  @Test
  void resumeGivesTheFileThatKilledTheJvmAnErrorRowAndFinishes() throws Exception {
    TestModels.assumeInstalled("movenet-lightning");
    Path images = Files.createDirectories(dir.resolve("images"));
    for (String f : List.of("000000000785.jpg", "messi5.jpg", "basketball1.png")) {
      Files.copy(TestImages.samples().resolve(f), images.resolve(f));
    }
    Files.write(images.resolve("killer.png"), HostileFiles.pngDeclaring(20_000, 20_000));
    Path job = dir.resolve("death.yaml");
    Files.writeString(job, yaml(images, "overwrite"));

    ChildJob child = ChildJob.start(job, dir.resolve("death.log"), dir.resolve("tmp"),
        List.of("-Xmx1g", "-XX:+ExitOnOutOfMemoryError", "-XX:ErrorFile=" + dir.resolve("hs_err_%p.log")));
    int code = child.await(600);
    String log = child.output();
    // 3, or 134 where libtorch's static destructors crash on the way out
    assertNotEquals(0, code, "the JVM ends on the OOM: " + log);
    assertNotEquals(-1, code, "the JVM ends on the OOM: " + log);
    assertTrue(log.contains("Terminating due to java.lang.OutOfMemoryError"), log);
    Path run = dir.resolve("out/death");
    assertEquals(List.of("part-"), inflight(run, "part-"), "the frame in flight is recorded");

    SparkSession spark = SparkTestSession.get();
    JobSummary resumed = PoseJob.run(spark, JobSpecLoader.parse(yaml(images, "resume"), List.of()));
    Map<String, Row> frames = FrameRows.byFileName(spark, resumed.runDir());
    System.out.printf("executor death: 1 JVM killed by killer.png; resume: %d rows, %d error rows, %d persons%n",
        resumed.frames(), resumed.errors(), resumed.persons());
    assertEquals(4, frames.size(), "one row per file");
    assertEquals("error", frames.get("killer.png").getAs("status"));
    assertEquals("executor died while decoding this file", frames.get("killer.png").getAs("error"));
    for (String f : List.of("000000000785.jpg", "messi5.jpg", "basketball1.png")) {
      assertEquals("ok", frames.get(f).getAs("status"), f);
    }
    assertEquals(1, resumed.errors());
    assertEquals(List.of(), inflight(run, "part-"), "no frame left in flight");
    assertEquals(List.of("died-"), inflight(run, "died-"), "the killer stays recorded for the run");
  }

  /** The prefixes of the run's in-flight files starting with {@code prefix} (one entry per file). */
  private static List<String> inflight(Path run, String prefix) throws Exception {
    Path folder = run.resolve("_inflight");
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).map(n -> prefix)
          .toList();
    }
  }

  private static String yaml(Path images, String mode) {
    return """
        name: death
        input: {paths: [%s], maxPixels: 500000000, maxDecodePixels: 500000000}
        model: {pose: movenet-lightning}
        execution: {batchSize: 1, device: cpu, partitions: 1}
        output: {path: %s, mode: %s}
        """.formatted(images, dir.resolve("out"), mode);
  }
}
