package ai.posespark.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.data.CocoDataset;
import ai.posespark.data.CocoResult;
import ai.posespark.data.CocoResultsReader;
import ai.posespark.data.ImageInfo;
import ai.posespark.data.Mpii16;
import ai.posespark.data.MpiiDataset;
import ai.posespark.data.MpiiPerson;
import ai.posespark.data.MpiiReader;
import ai.posespark.data.SharedFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Spark paths: distributed COCO evaluation, the job's entry points, the written tables and JSON. */
class SparkEvaluationTest {
  static SparkSession spark;
  static final ObjectMapper JSON = new ObjectMapper();

  /** The persons table's schema (README, "Output"). */
  static final StructType PERSONS = ai.posespark.sink.OutputSchema.PERSONS_TABLE;

  @BeforeAll
  static void start() {
    spark = ai.posespark.run.SparkTestSession.get();
  }

  static Stream<CocoGoldenCases.Case> cases() throws Exception {
    return CocoGoldenCases.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void distributedStatsEqualPycocotools(CocoGoldenCases.Case c) {
    c.require();
    CocoDataset gt = CocoGoldenTest.gt(c);
    List<EvalDetection> dts = CocoGoldenTest.dts(c, gt);
    CocoMetrics m = SparkCocoEvaluation.evaluate(spark, gt,
        JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(dts, 3), OksParams.coco(), 4);
    CocoGoldenTest.assertMatches(c.expected(), m);
  }

  @Test
  void resultsJobWritesTheCocoOutputs(@TempDir Path tmp) throws Exception {
    Path golden = SharedFixtures.require("golden/coco");
    JsonNode expected = JSON.readTree(golden.resolve("expected/synth_a__synth_a__mixed.json").toFile());
    String out = tmp.resolve("eval").toUri().toString();
    EvalReport r = ResultsEvaluation.evaluateResultsFile(spark, golden.resolve("dt/synth_a__mixed.json").toUri()
        .toString(), golden.resolve("gt/synth_a.json").toUri().toString(), null, List.of("coco"), out);
    double[] stats = CocoGoldenCases.doubles(expected.get("stats"));
    assertArrayEquals(stats, r.coco().stats(), 1e-9);
    JsonNode json = JSON.readTree(tmp.resolve("eval/coco.json").toFile());
    assertArrayEquals(stats, CocoGoldenCases.doubles(json.get("stats")), 1e-15);
    assertEquals(stats[1], json.get("AP50").asDouble(), 1e-15);
    List<Row> summary = spark.read().parquet(out + "/coco_summary").orderBy("stat_index").collectAsList();
    assertEquals(10, summary.size());
    for (int i = 0; i < 10; i++) {
      assertEquals(stats[i], summary.get(i).getDouble(summary.get(i).fieldIndex("value")), 1e-15);
    }
    List<Row> kp = spark.read().parquet(out + "/coco_per_keypoint").orderBy("keypoint_index").collectAsList();
    assertEquals(17, kp.size());
    assertEquals("nose", kp.get(0).getString(1));
    for (Row row : kp) {
      long labelled = row.getLong(row.fieldIndex("labelled"));
      long matched = row.getLong(row.fieldIndex("matched"));
      assertTrue(labelled > 0 && matched > 0 && matched <= labelled, row.toString());
      double rate = row.getDouble(row.fieldIndex("detection_rate"));
      assertTrue(rate >= 0 && rate <= row.getDouble(row.fieldIndex("person_match_rate")), row.toString());
    }
  }

  @Test
  void resultsJobWritesThePckhOutputs(@TempDir Path tmp) throws Exception {
    Path golden = SharedFixtures.require("golden/pckh");
    JsonNode expected = JSON.readTree(
        golden.resolve("expected/synth_mpii_a__synth_mpii_a__mixed_outliers_swaps.json").toFile());
    String out = tmp.resolve("eval").toUri().toString();
    ResultsEvaluation.evaluateResultsFile(spark,
        golden.resolve("pred/synth_mpii_a__mixed_outliers_swaps.json").toUri().toString(),
        golden.resolve("gt/synth_mpii_a.json").toUri().toString(), "mpii", List.of("pckh"), out);
    JsonNode json = JSON.readTree(tmp.resolve("eval/pckh.json").toFile());
    for (String key : List.of("mean_pckh@0.5", "mean_pckh@0.1")) {
      assertEquals(expected.get(key).asDouble(), json.get(key).asDouble(), 1e-9, key);
    }
    for (String joint : Mpii16.NAMES) {
      assertEquals(expected.get("pckh@0.5").get(joint).asDouble(), json.get("pckh@0.5").get(joint).asDouble(),
          1e-9, joint);
      assertEquals(expected.get("pckh@0.1").get(joint).asDouble(), json.get("pckh@0.1").get(joint).asDouble(),
          1e-9, joint);
    }
    assertEquals(expected.get("tables").toString(), json.get("tables").toString());
    List<Row> rows = spark.read().parquet(out + "/pckh_per_joint").orderBy("joint_index").collectAsList();
    assertEquals(16, rows.size());
    assertEquals(expected.get("pckh@0.5").get("head_top").asDouble(), rows.get(9).getDouble(3), 1e-9);
  }

  @Test
  void jobEvaluatesThePersonsTable(@TempDir Path tmp) throws Exception {
    Path golden = SharedFixtures.require("golden/coco");
    JsonNode expected = JSON.readTree(golden.resolve("expected/synth_a__synth_a__score_ties.json").toFile());
    CocoDataset gt = CocoGoldenTest.gt(new CocoGoldenCases.Case("", golden.resolve("gt/synth_a.json"), null,
        null));
    Map<Long, String> fileNames = new HashMap<>();
    for (ImageInfo im : gt.images()) {
      fileNames.put(im.id(), im.fileName());
    }
    String dtUri = golden.resolve("dt/synth_a__score_ties.json").toUri().toString();
    List<Row> rows = new ArrayList<>();
    for (CocoResult r : CocoResultsReader.read(dtUri, SharedFixtures.CONF)) {
      rows.add(person("file:/data/synth/" + fileNames.get(r.imageId()), (int) r.index(), r.score(),
          r.keypoints()));
    }
    rows.add(person("file:/data/other/not_in_gt.jpg", 0, 0.99, new double[51]));
    Dataset<Row> persons = spark.createDataFrame(rows, PERSONS);
    EvalReport r = Evaluator.evaluate(spark, persons, golden.resolve("gt/synth_a.json").toUri().toString(), "coco",
        List.of("coco"), tmp.resolve("eval").toUri().toString());
    // float32 coordinates and scores move OKS by ~1e-7, far from any threshold (README: none within 1e-6)
    assertArrayEquals(CocoGoldenCases.doubles(expected.get("stats")), r.coco().stats(), 1e-9);
    assertEquals(1, r.personsWithoutGroundTruth());
    assertTrue(new File(tmp.toFile(), "eval/coco.json").isFile());
  }

  @Test
  void jobComputesPckhFromPersons(@TempDir Path tmp) {
    String gtUri = SharedFixtures.uri("data/mpii/test_mpii.json");
    MpiiDataset gt = MpiiReader.read(gtUri, SharedFixtures.CONF);
    List<Row> rows = new ArrayList<>();
    for (MpiiPerson p : gt.persons()) {
      // a COCO-17 person at the GT joints, 0-based (the file is 1-based)
      double[] kp = new double[51];
      int[] cocoOfMpii = {16, 14, 12, 11, 13, 15, -1, -1, -1, -1, 10, 8, 6, 5, 7, 9};
      for (int j = 0; j < 16; j++) {
        if (cocoOfMpii[j] >= 0) {
          kp[3 * cocoOfMpii[j]] = p.joints()[j][0] - 1;
          kp[3 * cocoOfMpii[j] + 1] = p.joints()[j][1] - 1;
          kp[3 * cocoOfMpii[j] + 2] = 1;
        }
      }
      rows.add(person("file:/mpii/images/" + p.image(), 0, 0.9, kp));
      rows.add(person("file:/mpii/images/" + p.image(), 1, 0.5, new double[51])); // a spurious second person
    }
    EvalReport r = Evaluator.evaluate(spark, spark.createDataFrame(rows, PERSONS), gtUri, null, List.of("pckh"),
        tmp.resolve("eval").toUri().toString());
    PckhMetrics m = r.pckh();
    assertTrue(m.approximatedFromCoco());
    for (int j = 0; j < 16; j++) {
      if (!Mpii16.approximatedFromCoco(j) && m.count()[j] > 0) {
        assertEquals(100.0, m.pckh(0, j), 1e-12, Mpii16.NAMES.get(j));
        assertEquals(100.0, m.pckh(1, j), 1e-12, Mpii16.NAMES.get(j));
      }
    }
  }

  @Test
  void metricMustFitTheGroundTruth(@TempDir Path tmp) {
    String coco = SharedFixtures.uri("data/coco/test_coco.json");
    Dataset<Row> none = spark.createDataFrame(List.of(), PERSONS);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Evaluator.evaluate(spark,
        none, coco, null, List.of("pckh"), tmp.toUri().toString()));
    assertTrue(e.getMessage().contains("pckh"), e.getMessage());
  }

  static Row person(String uri, int index, double score, double[] kp) {
    List<Row> points = new ArrayList<>();
    for (int k = 0; k < kp.length / 3; k++) {
      points.add(RowFactory.create("k" + k, (float) kp[3 * k], (float) kp[3 * k + 1], (float) kp[3 * k + 2]));
    }
    return RowFactory.create("test", (long) uri.hashCode(), uri, 0, index, null, (float) score,
        RowFactory.create(0f, 0f, 0f, 0f), points, null, null, null);
  }
}
