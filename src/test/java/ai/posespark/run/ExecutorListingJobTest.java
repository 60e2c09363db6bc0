package ai.posespark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.decode.TestImages;
import ai.posespark.jobfile.JobSpec;
import ai.posespark.jobfile.JobSpecLoader;
import ai.posespark.plan.DriverPlan;
import ai.posespark.plan.ExecutorPlan;
import ai.posespark.plan.RunPlan;
import ai.posespark.report.JobSummary;
import ai.posespark.report.RunIncrement;
import ai.posespark.source.ListingReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs on the executor listing path ({@code input.listing: executors}): a whole job, scheduled appends (new and
 * replaced files only), {@code execution.retryErrors} on resume, the chunks of a plan whose tasks stay on the
 * executors, and which path {@code auto} takes.
 */
class ExecutorListingJobTest {
  @TempDir
  Path dir;
  SparkSession spark;

  @BeforeEach
  void session() {
    spark = SparkTestSession.get();
  }

  private JobSpec spec(String name, Path input, String mode, String... extra) {
    return JobSpecLoader.parse("""
        name: %s
        input: {paths: [%s], listing: executors}
        model: {pose: movenet-lightning}
        execution: {device: cpu}
        output: {path: %s, mode: %s}
        """.formatted(name, input, dir.resolve("out"), mode), List.of(extra));
  }

  private void copy(String sample, Path to) throws Exception {
    Files.createDirectories(to.getParent());
    Files.copy(TestImages.samples().resolve(sample), to, StandardCopyOption.REPLACE_EXISTING);
  }

  private Dataset<Row> frames(JobSummary s) {
    return spark.read().parquet(s.runDir() + "/frames");
  }

  @Test
  void scheduledAppendsOnTheExecutorsProcessOnlyNewAndReplacedFiles() throws Exception {
    TestModels.assumeInstalled("movenet-lightning");
    Path in = dir.resolve("bucket");
    copy("000000000785.jpg", in.resolve("day1/a.jpg"));
    copy("messi5.jpg", in.resolve("day1/b.jpg"));
    Files.writeString(in.resolve("day1/notes.txt"), "not an image");
    JobSummary first;
    try (LogCapture log = LogCapture.start()) {
      first = PoseJob.run(spark, spec("nightly", in, "append"));
      assertTrue(log.text().contains("listed on the executors"), "the executor path ran");
    }
    assertEquals(new RunIncrement(2, 0, 0), first.increment().counts());
    assertEquals(1, first.listing().skipped(), "notes.txt counted");
    Dataset<Row> rows = frames(first);
    assertEquals(2, rows.where("status = 'ok'").count());
    long people = rows.agg(org.apache.spark.sql.functions.sum("n_persons")).first().getLong(0);
    assertTrue(people > 0);
    assertEquals(people, spark.read().parquet(first.runDir() + "/persons").count());
    assertTrue(Files.isRegularFile(Path.of(java.net.URI.create(first.runDir())).resolve("results.json")));

    copy("basketball1.png", in.resolve("day2/c.png"));
    JobSummary second = PoseJob.run(spark, spec("nightly", in, "append"));
    assertEquals(new RunIncrement(1, 2, 0), second.increment().counts(), "only the new file");

    copy("basketball1.png", in.resolve("day1/a.jpg"));
    Files.setLastModifiedTime(in.resolve("day1/a.jpg"), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    JobSummary third = PoseJob.run(spark, spec("nightly", in, "append"));
    assertEquals(new RunIncrement(1, 2, 1), third.increment().counts(), "the replaced file is redone");
    Dataset<Row> after = frames(third);
    assertEquals(3, after.count());
    assertEquals(3, after.select("frame_id").distinct().count(), "each frame once");
    assertEquals(480, after.where("uri LIKE '%/a.jpg'").select("height").first().getInt(0),
        "the replaced file's row is the new image's");

    JobSummary idle = PoseJob.run(spark, spec("nightly", in, "append"));
    assertEquals(new RunIncrement(0, 3, 0), idle.increment().counts(), "nothing new: nothing processed");
  }

  @Test
  void retryErrorsOnTheExecutorsRedoesOnlyTheErrorRows() throws Exception {
    TestModels.assumeInstalled("movenet-lightning");
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
  }

  /** 40 empty files in 40 folders: auto takes the executors; the chunks hold whole waves and every file once. */
  @Test
  void autoListsManyFoldersOnTheExecutorsAndChunksTheirPartitions() throws Exception {
    Path in = dir.resolve("many");
    for (int f = 0; f < 40; f++) {
      Files.createDirectories(in.resolve("f" + f));
      Files.write(in.resolve("f" + f + "/i.jpg"), new byte[0]);
    }
    JobSpec auto = spec("plan", in, "overwrite", "input.listing=auto", "execution.partitions=8",
        "output.chunkFrames=10");
    RunPlan plan = RunPlan.of(spark, auto, null, null, new ListingReport());
    assertInstanceOf(ExecutorPlan.class, plan);
    assertEquals(40, plan.frames());
    long sum = 0;
    for (int k = 0; k < plan.chunks(); k++) {
      int parts = plan.tasks(k).getNumPartitions();
      assertTrue(k == plan.chunks() - 1 || parts % 2 == 0, "whole waves of the 2 cores: " + parts);
      assertEquals(plan.frames(k), plan.tasks(k).count());
      assertEquals(plan.frames(k), plan.inputs(k).count());
      sum += plan.frames(k);
    }
    assertEquals(40, sum);
    assertTrue(plan.chunks() >= 2, plan.chunks() + " chunks");
    Path few = dir.resolve("few");
    Files.createDirectories(few.resolve("a"));
    Files.write(few.resolve("a/i.jpg"), new byte[0]);
    assertInstanceOf(DriverPlan.class, RunPlan.of(spark, spec("plan", few, "overwrite", "input.listing=auto"),
        null, null, new ListingReport()));
  }
}
