package ai.posespark.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.data.Coco17;
import ai.posespark.decode.TestImages;
import ai.posespark.jobfile.JobSpec;
import ai.posespark.jobfile.JobSpecLoader;
import ai.posespark.report.JobSummary;
import ai.posespark.run.PoseJob;
import ai.posespark.run.SparkTestSession;
import ai.posespark.run.TestModels;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The new decoders end to end ({@code model.pose: posenet | blazepose-full | efficientpose}): real Spark, the real
 * graphs, letterboxed samples, the skier read back from the job's persons table.
 */
class NewDecodersJobTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"posenet", "blazepose-full", "efficientpose"})
  void findsTheSkierWithinFifteenPixelsMean(String model) throws Exception {
    TestModels.assumeInstalled(model);
    JobSpec spec = JobSpecLoader.parse("""
        name: %s
        input: {paths: [%s]}
        model: {pose: %s, minPersonScore: 0.15}
        execution: {batchSize: 2, device: cpu}
        output: {path: %s}
        """.formatted(model, TestImages.samples(), model, dir.resolve("out")), List.of());
    SparkSession spark = SparkTestSession.get();
    JobSummary summary = PoseJob.run(spark, spec);
    assertEquals(0, summary.errors());
    spark.read().parquet(summary.runDir() + "/persons").createOrReplaceTempView("persons");

    List<Row> skier = spark.sql("SELECT keypoints FROM persons WHERE uri LIKE '%000000000785.jpg' "
        + "ORDER BY score DESC LIMIT 1").collectAsList();
    assertEquals(1, skier.size(), "the skier is found");
    JsonNode gt = new ObjectMapper().readTree(TestImages.samples().resolve("person_keypoints.json").toFile())
        .path("annotations").get(0).path("keypoints");
    List<Row> kps = skier.get(0).getList(0);
    double sum = 0;
    int n = 0;
    for (int k = 0; k < 17; k++) {
      boolean predicted = !model.equals("efficientpose") || k > Coco17.RIGHT_EAR; // it has no face points
      if (gt.get(k * 3 + 2).asInt() > 0 && predicted) {
        assertEquals(Skeleton.COCO_17.get(k), kps.get(k).getString(0));
        sum += Math.hypot(kps.get(k).getFloat(1) - gt.get(k * 3).asDouble(),
            kps.get(k).getFloat(2) - gt.get(k * 3 + 1).asDouble());
        n++;
      }
    }
    System.out.printf("%s job, skier: mean keypoint error %.1f px over %d keypoints%n", model, sum / n, n);
    assertTrue(sum / n < 15, "mean keypoint error " + sum / n + " px");
    if (model.equals("posenet")) {
      long players = spark.sql("SELECT count(*) FROM persons WHERE uri LIKE '%basketball1.png'").first().getLong(0);
      assertTrue(players >= 2, players + " players");
    }
  }
}
