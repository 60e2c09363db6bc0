package ai.posespark.eval;

import static ai.posespark.eval.CocoGoldenCases.TOLERANCE;
import static ai.posespark.eval.CocoGoldenCases.doubles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.posespark.data.CocoDataset;
import ai.posespark.data.CocoKeypointsReader;
import ai.posespark.data.CocoResultsReader;
import ai.posespark.data.SharedFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The in-JVM evaluation against every pycocotools golden case: stats, per-threshold AP/AR, full precision. */
class CocoGoldenTest {
  static Stream<CocoGoldenCases.Case> cases() throws Exception {
    return CocoGoldenCases.all();
  }

  static CocoDataset gt(CocoGoldenCases.Case c) {
    return CocoKeypointsReader.read(c.gt().toUri().toString(), SharedFixtures.CONF);
  }

  static List<EvalDetection> dts(CocoGoldenCases.Case c, CocoDataset gt) {
    Set<Long> ids = new HashSet<>();
    gt.images().forEach(i -> ids.add(i.id()));
    String uri = c.dt().toUri().toString();
    return ResultDetections.of(uri, CocoResultsReader.read(uri, SharedFixtures.CONF), ids).detections();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void statsEqualPycocotools(CocoGoldenCases.Case c) {
    c.require();
    CocoDataset gt = gt(c);
    CocoMetrics m = CocoEvaluation.evaluate(gt, dts(c, gt), OksParams.coco());
    assertMatches(c.expected(), m);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void oksMatricesAndMatchingEqualPycocotools(CocoGoldenCases.Case c) {
    c.require();
    CocoDataset gt = gt(c);
    List<EvalDetection> dts = dts(c, gt);
    List<EvalGt> gts = CocoEvaluation.groundTruth(gt);
    OksParams p = OksParams.coco();
    c.expected().get("oks_samples").fields().forEachRemaining(sample -> {
      long img = Long.parseLong(sample.getKey());
      JsonNode e = sample.getValue();
      List<EvalGt> g = gts.stream().filter(x -> x.imageId() == img).toList();
      List<EvalDetection> d = ImageEvaluator.topDetections(
          dts.stream().filter(x -> x.imageId() == img).toList(), p.maxDets);
      assertArrayEquals(longs(e.get("dt_result_index")), d.stream().mapToLong(EvalDetection::order).toArray(),
          "detection order, image " + img);
      assertArrayEquals(longs(e.get("gt_ids")), g.stream().mapToLong(EvalGt::id).toArray());
      double[][] oks = Oks.matrix(d, g, p);
      for (int i = 0; i < oks.length; i++) {
        assertArrayEquals(doubles(e.get("oks").get(i)), oks[i], 1e-12, "OKS row " + i + ", image " + img);
      }
      JsonNode ev = c.expected().get("eval_img_samples").get(sample.getKey());
      AreaMatch m = ImageEvaluator.matchArea(g, d, oks, p.areaRng[0], p);
      assertArrayEquals(longs(ev.get("gt_ids_sorted_ignored_last")), m.gtIds());
      for (int t = 0; t < p.iouThrs.length; t++) {
        assertArrayEquals(longs(ev.get("dt_matched_gt_id_per_thr").get(t)), m.dtMatchedGtId()[t], "t=" + t);
        long[] ig = new long[m.dtIgnore()[t].length];
        for (int i = 0; i < ig.length; i++) {
          ig[i] = m.dtIgnore()[t][i] ? 1 : 0;
        }
        assertArrayEquals(longs(ev.get("dt_ignore_per_thr").get(t)), ig, "ignore, t=" + t);
      }
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parametersAreNumpysDoubles(CocoGoldenCases.Case c) {
    c.require();
    JsonNode params = c.expected().get("params");
    OksParams p = OksParams.coco();
    assertArrayEquals(doubles(params.get("iouThrs")), p.iouThrs, 0);
    assertArrayEquals(doubles(params.get("recThrs")), p.recThrs, 0);
    assertArrayEquals(doubles(params.get("kpt_oks_sigmas")), p.sigmas, 0);
  }

  private static long[] longs(JsonNode n) {
    long[] out = new long[n.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = n.get(i).asLong();
    }
    return out;
  }

  /** Every number of the expected file that {@link CocoMetrics} holds. */
  static void assertMatches(JsonNode e, CocoMetrics m) {
    assertArrayEquals(doubles(e.get("stats")), m.stats(), TOLERANCE, "stats");
    assertEquals(e.get("num_gt_not_ignored_all").asLong(), m.numGtNotIgnored(), "non-ignored GT");
    for (int a = 0; a < OksParams.AREA_LABELS.size(); a++) {
      String area = OksParams.AREA_LABELS.get(a);
      assertArrayEquals(values(e.get("ap_per_oks_by_area").get(area)), m.perThreshold(true, a), TOLERANCE,
          "AP per OKS, " + area);
      assertArrayEquals(values(e.get("ar_per_oks_by_area").get(area)), m.perThreshold(false, a), TOLERANCE,
          "AR per OKS, " + area);
      JsonNode prec = e.get("precision_all_areas").get(area);
      for (int t = 0; t < prec.size(); t++) {
        double[] row = new double[prec.get(t).size()];
        for (int r = 0; r < row.length; r++) {
          row[r] = m.precision()[t][r][0][a];
        }
        assertArrayEquals(doubles(prec.get(t)), row, TOLERANCE, "precision[" + t + "], " + area);
      }
    }
  }

  private static double[] values(JsonNode obj) {
    List<Double> v = new ArrayList<>();
    obj.elements().forEachRemaining(n -> v.add(n.asDouble()));
    return v.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
