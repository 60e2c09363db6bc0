package ai.posespark.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.posespark.data.Mpii16;
import ai.posespark.data.MpiiDataset;
import ai.posespark.data.MpiiPredictionsReader;
import ai.posespark.data.MpiiReader;
import ai.posespark.data.SharedFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** PCKh against every case of {@code shared/golden/pckh}, through the Spark path. */
class PckhGoldenTest {
  static final double TOLERANCE = 1e-9;
  static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = ai.posespark.run.SparkTestSession.get();
  }

  /** Expected files; a single "absent" marker (the test then skips) without the shared folder. */
  static Stream<String> cases() throws Exception {
    String root = System.getProperty("posespark.shared");
    Path dir = root == null ? null : Path.of(root, "golden", "pckh", "expected");
    if (dir == null || !Files.isDirectory(dir)) {
      return Stream.of("shared/golden/pckh absent");
    }
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("SUMMARY.json")).sorted().forEach(out::add);
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void equalsTheMpiiReference(String name) throws Exception {
    Path dir = SharedFixtures.require("golden/pckh");
    JsonNode e = new ObjectMapper().readTree(dir.resolve("expected").resolve(name).toFile());
    String gtUri = dir.resolve(e.get("gt").asText()).toUri().toString();
    String predUri = dir.resolve(e.get("pred").asText()).toUri().toString();
    MpiiDataset gt = MpiiReader.read(gtUri, SharedFixtures.CONF);
    PckhMetrics m = PckhEvaluation.evaluatePredictions(spark, gt,
        MpiiPredictionsReader.read(predUri, SharedFixtures.CONF), predUri);
    assertMatches(e, m);
  }

  /** Per-joint values and counts, both tables at both thresholds, both means. */
  static void assertMatches(JsonNode e, PckhMetrics m) {
    String[] thr = {"pckh@0.5", "pckh@0.1"};
    for (int j = 0; j < Mpii16.K; j++) {
      String joint = Mpii16.NAMES.get(j);
      assertEquals(e.get("joint_count").get(joint).asLong(), m.count()[j], joint + " count");
      for (int t = 0; t < 2; t++) {
        assertEquals(e.get(thr[t]).get(joint).asDouble(), m.pckh(t, j), TOLERANCE, thr[t] + " " + joint);
      }
    }
    assertEquals(e.get("mean_pckh@0.5").asDouble(), m.mean(0), TOLERANCE, "mean@0.5");
    assertEquals(e.get("mean_pckh@0.1").asDouble(), m.mean(1), TOLERANCE, "mean@0.1");
    for (int t = 0; t < 2; t++) {
      JsonNode tables = e.get("tables").get(thr[t]);
      assertTable(tables.get("table_mmpose_hrnet"), m.table(t, false), thr[t] + " mmpose/HRNet");
      assertTable(tables.get("table_official_matlab"), m.table(t, true), thr[t] + " official");
    }
  }

  private static void assertTable(JsonNode expected, Map<String, Double> actual, String what) {
    for (String col : PckhMetrics.GROUPS) {
      assertEquals(expected.get(col).asDouble(), actual.get(col), TOLERANCE, what + " " + col);
    }
  }
}
