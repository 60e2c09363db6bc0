package ai.posespark.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.posespark.data.AicToCoco;
import ai.posespark.data.CocoDataset;
import ai.posespark.data.CocoKeypointsReader;
import ai.posespark.data.PersonAnnotation;
import ai.posespark.data.PoseTrackReader;
import ai.posespark.data.SharedFixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** In-JVM evaluation on the other datasets and at the edges pycocotools does not reach. */
class CocoEvaluationTest {
  private static final double[] PERFECT = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

  /** A detection at every non-ignored GT person's keypoints, score 1. */
  static List<EvalDetection> perfect(CocoDataset gt) {
    List<EvalDetection> out = new ArrayList<>();
    for (PersonAnnotation a : gt.annotations()) {
      if (!a.iscrowd() && a.numKeypoints() > 0) {
        out.add(new EvalDetection(a.imageId(), a.categoryId(), out.size(), 1.0, a.keypoints(),
            EvalDetection.keypointExtentArea(a.keypoints())));
      }
    }
    return out;
  }

  @Test
  void aicConvertedToCocoScoresOnlyLabelledPoints() {
    CocoDataset gt = AicToCoco.convert(CocoKeypointsReader.read(SharedFixtures.uri("data/aic/test_aic.json"),
        SharedFixtures.CONF));
    List<EvalDetection> dts = perfect(gt);
    double[] allLarge = {1, 1, 1, -1, 1, 1, 1, 1, -1, 1}; // every AIC person here is large: medium has no GT
    assertArrayEquals(allLarge, CocoEvaluation.evaluate(gt, dts, OksParams.coco()).stats(), 0);
    // moving only the synthesised face points changes nothing: they are not ground truth
    List<EvalDetection> moved = new ArrayList<>();
    for (EvalDetection d : dts) {
      double[] kp = d.keypoints().clone();
      for (int k = 0; k < 5; k++) {
        kp[3 * k] += 500;
      }
      moved.add(new EvalDetection(d.imageId(), d.categoryId(), d.order(), d.score(), kp, d.area()));
    }
    assertArrayEquals(allLarge, CocoEvaluation.evaluate(gt, moved, OksParams.coco()).stats(), 0);
  }

  @Test
  void poseTrackGroundTruthEvaluates() {
    CocoDataset gt = PoseTrackReader.read(SharedFixtures.uri("data/posetrack18/annotations/val"),
        SharedFixtures.CONF).coco();
    CocoMetrics m = CocoEvaluation.evaluate(gt, perfect(gt), OksParams.coco());
    assertEquals(1.0, m.stats()[0], 0);
    assertEquals(14, m.numGtNotIgnored());
  }

  @Test
  void noDetectionsScoreZeroAndEmptyAreasMinusOne() {
    CocoDataset gt = CocoKeypointsReader.read(SharedFixtures.uri("data/coco/test_coco.json"), SharedFixtures.CONF);
    CocoMetrics m = CocoEvaluation.evaluate(gt, List.of(), OksParams.coco());
    assertArrayEquals(new double[10], m.stats(), 0);
    CocoMetrics one = CocoEvaluation.evaluate(gt, perfect(gt).subList(0, 1), OksParams.coco());
    assertEquals(1.0 / 12, one.stats()[5], 1e-15); // AR: one of 12 persons found at every threshold
  }
}
