package ai.posespark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.decode.TestImages;
import ai.posespark.jobfile.JobSpec;
import ai.posespark.jobfile.JobSpecLoader;
import ai.posespark.report.JobSummary;
import ai.posespark.report.RunIncrement;
import ai.posespark.sink.DeltaSink;
import io.delta.tables.DeltaTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code output.format: delta}: scheduled runs over a growing folder write Delta tables; the second run processes
 * only the new file, a replaced file's rows leave by MERGE and come back new, and each chunk is a table version.
 */
class DeltaRunsTest {
  @TempDir
  static Path dir;
  static SparkSession spark;

  @BeforeAll
  static void session() {
    TestModels.assumeInstalled("movenet-lightning");
    SparkTestSession.get().stop();
    SparkSession.Builder b = SparkSession.builder().master("local[2]").appName("posespark-delta-test")
        .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "4");
    DeltaSink.SESSION_CONF.forEach(kv -> b.config(kv[0], kv[1]));
    spark = b.getOrCreate();
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  private static JobSpec spec(Path input) {
    return JobSpecLoader.parse("""
        name: nightly
        input: {paths: [%s]}
        model: {pose: movenet-lightning}
        execution: {device: cpu}
        output: {path: %s, mode: append, format: delta}
        """.formatted(input, dir.resolve("out")), List.of());
  }

  private static void copy(String sample, Path to) throws Exception {
    Files.createDirectories(to.getParent());
    Files.copy(TestImages.samples().resolve(sample), to, StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void scheduledRunsAppendOnlyNewAndReplacedFilesToDeltaTables() throws Exception {
    Path in = dir.resolve("bucket");
    copy("000000000785.jpg", in.resolve("a.jpg"));
    copy("messi5.jpg", in.resolve("b.jpg"));
    JobSummary first = PoseJob.run(spark, spec(in));
    assertEquals(new RunIncrement(2, 0, 0), first.increment().counts());

    copy("basketball1.png", in.resolve("c.png"));
    JobSummary second = PoseJob.run(spark, spec(in));
    System.out.println("delta, second scheduled run: " + second.increment().counts());
    assertEquals(new RunIncrement(1, 2, 0), second.increment().counts(), "only the new file");

    copy("basketball1.png", in.resolve("a.jpg"));
    Files.setLastModifiedTime(in.resolve("a.jpg"), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    JobSummary third = PoseJob.run(spark, spec(in));
    System.out.println("delta, third scheduled run (a.jpg replaced): " + third.increment().counts());
    assertEquals(new RunIncrement(1, 2, 1), third.increment().counts());

    String run = third.runDir();
    Dataset<Row> frames = spark.read().format("delta").load(run + "/frames");
    assertEquals(3, frames.count());
    assertEquals(3, frames.select("frame_id").distinct().count(), "each frame once");
    assertEquals(480, frames.where("uri LIKE '%/a.jpg'").select("height").first().getInt(0), "the new a.jpg");
    long people = frames.agg(functions.sum("n_persons")).first().getLong(0);
    assertEquals(people, spark.read().format("delta").load(run + "/persons").count());
    long versions = DeltaTable.forPath(spark, run + "/frames").history().count();
    System.out.println("delta frames table: " + versions + " versions in its history");
    assertTrue(versions >= 4, "three appends and a MERGE: " + versions);
    assertTrue(Files.isDirectory(Path.of(java.net.URI.create(run + "/frames/_delta_log"))));
  }

  /**
   * Delta tables under an {@code output.path} with a space, {@code %}, {@code #}, glob characters and non-ASCII
   * letters: the run, an append over it, the tables read back through the report and an export.
   */
  @Test
  void deltaTablesWorkUnderAnOddOutputPath() throws Exception {
    Path in = dir.resolve("odd-input");
    copy("000000000785.jpg", in.resolve("a.jpg"));
    Path out = dir.resolve("runs [1] {a,b} #50% ünï *?");
    JobSpec spec = JobSpecLoader.parse("""
        name: odd
        input: {paths: ['%s']}
        model: {pose: movenet-lightning}
        execution: {device: cpu}
        output: {path: '%s', mode: append, format: delta}
        """.formatted(in, out), List.of());
    JobSummary first = PoseJob.run(spark, spec);
    assertEquals(1, first.frames());
    copy("messi5.jpg", in.resolve("b.jpg"));
    JobSummary second = PoseJob.run(spark, spec);
    assertEquals(new RunIncrement(1, 1, 0), second.increment().counts(), "the first file is in the Delta tables");
    assertEquals(2, second.frames());
    assertEquals(2, DeltaTable.forPath(spark, out.resolve("odd/frames").toString()).toDF().count());
    assertTrue(Files.exists(out.resolve("odd/report.html")));
    String wrote = ai.posespark.report.RunExport.export(spark, second.runDir(),
        ai.posespark.report.RunExport.Format.COCO, null, out.resolve("odd/exports/coco").toString(), 0);
    assertTrue(wrote.endsWith(" persons") && !wrote.startsWith("0 "), wrote);
  }
}
