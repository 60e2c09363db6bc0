package ai.posespark.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.decode.TestImages;
import ai.posespark.jobfile.JobSpec;
import ai.posespark.jobfile.JobSpecLoader;
import ai.posespark.report.JobSummary;
import ai.posespark.run.PoseJob;
import ai.posespark.run.SparkTestSession;
import ai.posespark.run.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code model.grouping: ilp} on PoseNet end to end: real Spark, the real graph, the shipped samples. */
class IlpGroupingJobTest {
  @TempDir
  Path dir;

  @Test
  void aPoseNetJobGroupsByIlpOnTheSamples() throws Exception {
    TestModels.assumeInstalled("posenet");
    JobSpec spec = JobSpecLoader.parse("""
        name: posenet-ilp
        input: {paths: [%s]}
        model: {pose: posenet, grouping: ilp, minPersonScore: 0.15}
        execution: {batchSize: 2, device: cpu}
        output: {path: %s}
        """.formatted(TestImages.samples(), dir.resolve("out")), List.of());
    SparkSession spark = SparkTestSession.get();
    JobSummary summary = PoseJob.run(spark, spec);
    assertEquals(0, summary.errors());
    spark.read().parquet(summary.runDir() + "/persons").createOrReplaceTempView("persons");
    long skier = spark.sql("SELECT count(*) FROM persons WHERE uri LIKE '%000000000785.jpg'").first().getLong(0);
    long players = spark.sql("SELECT count(*) FROM persons WHERE uri LIKE '%basketball1.png'").first().getLong(0);
    System.out.printf("posenet + ilp job: %d people on the skier image, %d on basketball1%n", skier, players);
    assertTrue(skier >= 1, "the skier is found");
    assertTrue(players >= 2, players + " players");
    // the frames the greedy fallback decoded are counted in the report
    long noted = spark.read().parquet(summary.runDir() + "/frames").where("note IS NOT NULL").count();
    String report = Files.readString(dir.resolve("out/posenet-ilp/report.html"));
    assertTrue(report.contains("<td>frames with a note</td><td>" + noted), "noted frames " + noted);
  }
}
