package ai.posespark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.decode.TestImages;
import ai.posespark.jobfile.JobSpec;
import ai.posespark.jobfile.JobSpecException;
import ai.posespark.jobfile.JobSpecLoader;
import ai.posespark.report.JobSummary;
import ai.posespark.report.RunIncrement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code output.mode} on real runs (movenet-lightning on the samples): scheduled appends over a growing folder
 * process only new and replaced files, {@code execution.retryErrors} redoes error rows, and the modes that must not
 * touch or delete a folder refuse, naming {@code output.mode}.
 */
class RunModesTest {
  @TempDir
  Path dir;
  static SparkSession spark;

  @BeforeAll
  static void session() {
    TestModels.assumeInstalled("movenet-lightning");
    spark = SparkTestSession.get();
  }

  private JobSpec spec(String name, Path input, String mode, String... extra) {
    return JobSpecLoader.parse("""
        name: %s
        input: {paths: [%s]}
        model: {pose: movenet-lightning}
        execution: {device: cpu}
        output: {path: %s, mode: %s}
        """.formatted(name, input, dir.resolve("out"), mode), List.of(extra));
  }

  private void copy(String sample, Path to) throws Exception {
    Files.createDirectories(to.getParent());
    Files.copy(TestImages.samples().resolve(sample), to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private Dataset<Row> frames(JobSummary s) {
    return spark.read().parquet(s.runDir() + "/frames");
  }

  @Test
  void scheduledAppendsProcessOnlyNewAndReplacedFiles() throws Exception {
    Path in = dir.resolve("bucket");
    copy("000000000785.jpg", in.resolve("a.jpg"));
    copy("messi5.jpg", in.resolve("b.jpg"));
    JobSummary first = PoseJob.run(spark, spec("nightly", in, "append"));
    assertEquals(new RunIncrement(2, 0, 0), first.increment().counts());

    copy("basketball1.png", in.resolve("c.png"));
    JobSummary second = PoseJob.run(spark, spec("nightly", in, "append"));
    System.out.println("second scheduled run: " + second.increment().counts());
    assertEquals(new RunIncrement(1, 2, 0), second.increment().counts(), "only the new file");
    assertEquals(3, second.frames());

    copy("basketball1.png", in.resolve("a.jpg"));
    Files.setLastModifiedTime(in.resolve("a.jpg"), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    JobSummary third = PoseJob.run(spark, spec("nightly", in, "append"));
    System.out.println("third scheduled run (a.jpg replaced): " + third.increment().counts());
    assertEquals(new RunIncrement(1, 2, 1), third.increment().counts(), "the replaced file is redone");
    Dataset<Row> frames = frames(third);
    assertEquals(3, frames.count());
    assertEquals(3, frames.select("frame_id").distinct().count(), "each frame once");
    Row a = frames.where("uri LIKE '%/a.jpg'").select("height").first();
    assertEquals(480, a.getInt(0), "the replaced file's row is the new image's (basketball, 480 high)");
    long people = frames.agg(org.apache.spark.sql.functions.sum("n_persons")).first().getLong(0);
    assertEquals(people, spark.read().parquet(third.runDir() + "/persons").count());

    JobSummary idle = PoseJob.run(spark, spec("nightly", in, "append"));
    assertEquals(new RunIncrement(0, 3, 0), idle.increment().counts(), "nothing new: nothing processed");
  }

  @Test
  void retryErrorsRedoesOnlyTheErrorRows() throws Exception {
    Path in = dir.resolve("with-corrupt");
    copy("messi5.jpg", in.resolve("good.jpg"));
    Files.writeString(in.resolve("corrupt.jpg"), "not a JPEG");
    JobSummary first = PoseJob.run(spark, spec("retry", in, "resume"));
    assertEquals(1, first.errors());
    JobSummary kept = PoseJob.run(spark, spec("retry", in, "resume"));
    assertEquals(new RunIncrement(0, 2, 0), kept.increment().counts(), "without retryErrors an error row is kept");
    JobSummary retried = PoseJob.run(spark, spec("retry", in, "resume", "execution.retryErrors=true"));
    assertEquals(new RunIncrement(1, 1, 1), retried.increment().counts(), "the error frame is redone");
    assertEquals(2, frames(retried).count(), "its old row was replaced, not added to");
    assertEquals(1, retried.errors());
  }

  @Test
  void errorModeRefusesAnExistingRun() throws Exception {
    Path in = dir.resolve("one");
    copy("messi5.jpg", in.resolve("m.jpg"));
    PoseJob.run(spark, spec("once", in, "overwrite"));
    JobSpecException e = assertThrows(JobSpecException.class, () -> PoseJob.run(spark, spec("once", in, "error")));
    assertEquals("output.mode", e.key());
  }

  @Test
  void overwriteDeletesNeitherAForeignFolderNorAnInput() throws Exception {
    Path in = dir.resolve("imgs");
    copy("messi5.jpg", in.resolve("m.jpg"));
    Path foreign = dir.resolve("out/foreign");
    Files.createDirectories(foreign);
    Files.writeString(foreign.resolve("thesis.tex"), "years of work");
    JobSpecException e = assertThrows(JobSpecException.class,
        () -> PoseJob.run(spark, spec("foreign", in, "overwrite")));
    assertEquals("output.mode", e.key());
    assertTrue(e.getMessage().contains("not a PoseSpark run"), e.getMessage());
    assertTrue(Files.exists(foreign.resolve("thesis.tex")));

    Path holder = dir.resolve("out/holder");
    copy("messi5.jpg", holder.resolve("images/m.jpg"));
    Files.writeString(holder.resolve(RunFolder.MARKER), "{}");
    e = assertThrows(JobSpecException.class,
        () -> PoseJob.run(spark, spec("holder", holder.resolve("images"), "overwrite")));
    assertTrue(e.getMessage().contains("holds input"), e.getMessage());
    assertTrue(Files.exists(holder.resolve("images/m.jpg")));
  }
}
