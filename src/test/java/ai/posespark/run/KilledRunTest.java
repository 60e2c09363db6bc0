package ai.posespark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.decode.TestImages;
import ai.posespark.jobfile.JobSpec;
import ai.posespark.jobfile.JobSpecLoader;
import ai.posespark.report.JobSummary;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drivers killed mid-run, in their own JVM: after SIGKILL the committed chunks stay and {@code output.mode: resume}
 * processes only the rest, each frame once; SIGTERM during an overwrite says what was committed, leaves the old
 * output whole, no pending chunk and no temp file, and resume finishes the overwrite.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KilledRunTest {
  private static final int COPIES = 8;
  private static final int FRAMES = COPIES * 3;
  @TempDir
  static Path dir;

  @Test
  @Order(1)
  void resumeAfterSigkillProcessesOnlyTheFramesNotCommitted() throws Exception {
    TestModels.assumeInstalled("movenet-lightning");
    Path run = dir.resolve("out/killed");
    ChildJob child = ChildJob.start(jobFile("overwrite"), dir.resolve("kill.log"), dir.resolve("tmp-kill"));
    assertTrue(child.awaitPath(run.resolve("frames/chunk=1"), 300), "a first chunk commits: " + child.output());
    child.kill();
    int chunks = chunkCount(run);
    SparkSession spark = SparkTestSession.get();
    long before = spark.read().parquet(run.resolve("frames").toString()).count();
    System.out.printf("SIGKILL after %d committed chunks: %d of %d frames kept%n", chunks, before, FRAMES);
    assertTrue(before > 0 && before < FRAMES, before + " frames committed before the kill");

    JobSummary resumed = PoseJob.run(spark, spec("resume"));
    System.out.println("resumed: " + resumed);
    assertEquals(before, resumed.increment().skipped(), "the committed frames are skipped");
    assertEquals(FRAMES - before, resumed.increment().processed(), "only the rest is processed");
    assertEachFrameOnce(spark, run, resumed);
  }

  @Test
  @Order(2)
  void sigtermDuringAnOverwriteKeepsTheOldRunAndResumeFinishesIt() throws Exception {
    TestModels.assumeInstalled("movenet-lightning");
    Path run = dir.resolve("out/killed");
    SparkSession spark = SparkTestSession.get();
    if (!Files.exists(run.resolve(RunFolder.MARKER))) {
      PoseJob.run(spark, spec("overwrite"));
    }
    List<String> oldChunks = chunkNames(run);
    Path aside = dir.resolve("out/.killed.pending");
    Path tmp = dir.resolve("tmp-term");
    ChildJob child = ChildJob.start(jobFile("overwrite"), dir.resolve("term.log"), tmp);
    assertTrue(child.awaitPath(aside.resolve("frames/chunk=1"), 300), "the new run commits aside: " + child.output());
    child.terminate();
    String log = child.output();
    System.out.println(log.lines().filter(l -> l.contains("interrupted")).findFirst().orElse("(no message)"));
    assertTrue(log.contains("posespark: interrupted: "), log);
    assertTrue(log.contains("chunks committed by this run"), log);
    assertTrue(log.contains("previous output in"), log);
    assertEquals(oldChunks, chunkNames(run), "the old run is untouched");
    assertEquals(FRAMES, spark.read().parquet(run.resolve("frames").toString()).count());
    try (Stream<Path> left = Files.walk(aside)) {
      assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith("_pending-")).toList(),
          "the chunk in flight is removed");
    }
    try (Stream<Path> left = Files.walk(tmp)) {
      assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith("imageio")).toList(),
          "no ImageIO cache files");
    }

    JobSummary resumed = PoseJob.run(spark, spec("resume"));
    System.out.println("resumed overwrite: " + resumed);
    assertTrue(resumed.increment().skipped() > 0, "the aside chunks are kept");
    assertFalse(Files.exists(aside), "the new run replaced the old one");
    assertEachFrameOnce(spark, run, resumed);
  }

  private static void assertEachFrameOnce(SparkSession spark, Path run, JobSummary summary) throws IOException {
    Dataset<Row> frames = spark.read().parquet(run.resolve("frames").toString());
    Dataset<Row> persons = spark.read().parquet(run.resolve("persons").toString());
    assertEquals(FRAMES, frames.count(), "a row per input");
    assertEquals(FRAMES, frames.select("frame_id").distinct().count(), "each frame once");
    long people = frames.agg(org.apache.spark.sql.functions.sum("n_persons")).first().getLong(0);
    assertEquals(people, persons.count(), "persons match the frames' counts");
    assertEquals(people, persons.select("frame_id", "person_index").distinct().count(), "each person once");
    assertEquals(people, summary.persons());
    assertEquals(people, new ObjectMapper().readTree(run.resolve("results.json").toFile()).size(),
        "results.json covers the whole run");
    System.out.printf("tables: %d frames, %d persons, %d chunks%n", FRAMES, people, chunkCount(run));
  }

  private static int chunkCount(Path run) throws IOException {
    return chunkNames(run).size();
  }

  private static List<String> chunkNames(Path run) throws IOException {
    try (Stream<Path> list = Files.list(run.resolve("frames"))) {
      return list.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("chunk=")).sorted().toList();
    }
  }

  private static Path images() throws IOException {
    Path images = dir.resolve("images");
    if (!Files.isDirectory(images)) {
      Files.createDirectories(images);
      for (int i = 0; i < COPIES; i++) {
        for (String f : List.of("000000000785.jpg", "messi5.jpg", "basketball1.png")) {
          Files.copy(TestImages.samples().resolve(f), images.resolve(i + "-" + f));
        }
      }
    }
    return images;
  }

  private static String yaml(String mode) throws IOException {
    return """
        name: killed
        input: {paths: [%s]}
        model: {pose: movenet-lightning}
        execution: {batchSize: 1, device: cpu, partitions: %d}
        output: {path: %s, mode: %s, chunkFrames: 1}
        """.formatted(images(), FRAMES / 2, dir.resolve("out"), mode);
  }

  private static JobSpec spec(String mode) throws IOException {
    return JobSpecLoader.parse(yaml(mode), List.of());
  }

  private static Path jobFile(String mode) throws IOException {
    Path file = dir.resolve("killed-" + mode + ".yaml");
    Files.writeString(file, yaml(mode));
    return file;
  }
}
