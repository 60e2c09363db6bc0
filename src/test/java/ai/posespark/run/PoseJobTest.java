package ai.posespark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.decode.TestImages;
import ai.posespark.jobfile.JobSpec;
import ai.posespark.jobfile.JobSpecLoader;
import ai.posespark.report.JobSummary;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vertical slice end to end on real Spark, the real MoveNet multipose graph and real images: the shipped
 * samples plus a corrupt file. Tables are read back with Spark SQL as a user would.
 */
class PoseJobTest {
  @TempDir
  static Path dir;
  static JobSummary summary;
  static SparkSession spark;

  @BeforeAll
  static void runJob() throws Exception {
    TestModels.assumeInstalled("movenet-multipose");
    Path images = dir.resolve("images");
    Files.createDirectories(images);
    for (String f : List.of("000000000785.jpg", "messi5.jpg", "basketball1.png")) {
      Files.copy(TestImages.samples().resolve(f), images.resolve(f));
    }
    Files.write(images.resolve("corrupt.jpg"), "this is not a JPEG".getBytes());
    Files.copy(TestImages.samples().resolve("person_keypoints.json"), images.resolve("person_keypoints.json"));
    JobSpec spec = JobSpecLoader.parse("""
        name: e2e
        input: {paths: [%s]}
        model: {pose: movenet-multipose, minPersonScore: 0.2}
        execution: {batchSize: 2, device: cpu}
        output: {path: %s}
        """.formatted(images, dir.resolve("out")), List.of());
    spark = SparkTestSession.get();
    summary = PoseJob.run(spark, spec);
    spark.read().parquet(summary.runDir() + "/frames").createOrReplaceTempView("frames");
    spark.read().parquet(summary.runDir() + "/persons").createOrReplaceTempView("persons");
  }

  @Test
  void frameColumnsFollowTheStagesOfTheRun() {
    List<String> columns = List.of(spark.table("frames").columns());
    assertEquals(List.of("read_ms", "decode_ms", "preprocess_ms", "inference_ms", "postprocess_ms", "chunk"),
        columns.subList(columns.size() - 6, columns.size()), "the loop's stages, the pipeline's, the commit's chunk");
    Row ok = spark.sql("SELECT min(read_ms), min(decode_ms), min(preprocess_ms), min(inference_ms) FROM frames "
        + "WHERE status = 'ok'").first();
    for (int i = 0; i < 4; i++) {
      assertTrue(ok.getDouble(i) > 0, "every ok frame is charged stage " + i);
    }
  }

  @Test
  void oneFrameRowPerImageIncludingTheCorruptOne() {
    assertEquals(4, summary.frames());
    assertEquals(1, summary.errors());
    List<Row> rows = spark.sql("SELECT uri, status, error, width, height FROM frames ORDER BY uri").collectAsList();
    Map<String, Row> byName = rows.stream().collect(Collectors.toMap(
        r -> r.getString(0).substring(r.getString(0).lastIndexOf('/') + 1), r -> r));
    Row bad = byName.get("corrupt.jpg");
    assertEquals("error", bad.getString(1));
    assertTrue(bad.getString(2).contains("not a supported image format"), bad.getString(2));
    assertEquals("ok", byName.get("000000000785.jpg").getString(1));
    assertEquals(640, byName.get("000000000785.jpg").getInt(3));
    assertEquals(425, byName.get("000000000785.jpg").getInt(4));
    assertEquals(480, byName.get("basketball1.png").getInt(4));
  }

  @Test
  void findsTheSkierWithKeypointsCloseToTheGroundTruth() throws Exception {
    double mean = Skier.meanKeypointError(spark, "persons");
    int n = 0;
    for (int k = 0; k < 17; k++) {
      n += Skier.annotation().path("keypoints").get(k * 3 + 2).asInt() > 0 ? 1 : 0;
    }
    System.out.printf("skier: mean keypoint error %.1f px over %d labelled keypoints%n", mean, n);
    assertTrue(mean < 15, "mean keypoint error " + mean + " px");
  }

  @Test
  void personRowsJoinTheirFramesAndCountsAgree() {
    Row r = spark.sql("SELECT sum(n_persons), (SELECT count(*) FROM persons) FROM frames").first();
    assertEquals(r.getLong(0), r.getLong(1));
    assertEquals(summary.persons(), r.getLong(1));
    long orphans = spark.sql("SELECT count(*) FROM persons p LEFT ANTI JOIN frames f ON p.frame_id = f.frame_id")
        .first().getLong(0);
    assertEquals(0, orphans);
    Row messi = spark.sql("SELECT n_persons FROM frames WHERE uri LIKE '%messi5.jpg'").first();
    assertTrue(messi.getInt(0) >= 1, "people on the pitch");
  }

  /** The Spark SQL examples of README.md run as written against this run's tables. */
  @Test
  void readmeSqlExamplesRun() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("```sql") + "```sql".length();
    String block = readme.substring(start, readme.indexOf("```", start))
        .replace("out/quickstart", summary.runDir());
    List<String> statements = java.util.Arrays.stream(block.split(";"))
        .map(st -> st.lines().filter(l -> !l.trim().startsWith("--")).collect(Collectors.joining("\n")).trim())
        .filter(st -> !st.isEmpty()).toList();
    assertEquals(4, statements.size(), "two views and two example queries");
    for (String st : statements.subList(0, 2)) {
      spark.sql(st);
    }
    List<Row> failed = spark.sql(statements.get(2)).collectAsList();
    assertEquals(1, failed.size());
    assertTrue(failed.get(0).getString(0).endsWith("corrupt.jpg"));
    List<Row> wrists = spark.sql(statements.get(3)).collectAsList();
    assertTrue(!wrists.isEmpty(), "confident left wrists exist");
    assertTrue(wrists.stream().allMatch(r -> r.getFloat(4) > 0.5f));
  }

  @Test
  void resultsJsonIsCocoResultsFormat() throws Exception {
    JsonNode results = new ObjectMapper().readTree(Path.of(java.net.URI.create(summary.runDir() + "/results.json"))
        .toFile());
    assertEquals(summary.persons(), results.size());
    JsonNode first = null;
    for (JsonNode r : results) {
      if (r.path("image_id").asLong() == 785) {
        first = r;
      }
    }
    assertNotNull(first, "image 785 has a result");
    assertEquals(51, first.path("keypoints").size());
    assertEquals(1, first.path("category_id").asInt());
    assertEquals(4, first.path("bbox").size());
  }
}
