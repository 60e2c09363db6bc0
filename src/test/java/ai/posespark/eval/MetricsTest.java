package ai.posespark.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.posespark.data.AnnotationFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {
  @Test
  void requestedMetricsComeInRegistrationOrderWhateverTheCase() {
    assertEquals(List.of("coco", "posetrack"), Metrics.of(List.of("PoseTrack", "coco")).stream()
        .map(Metric::name).toList());
  }

  @Test
  void anUnknownMetricNamesTheKeyAndTheRegisteredOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Metrics.of(List.of("oks")));
    assertEquals("evaluation.metrics: unknown metric 'oks' (expected coco, pckh or posetrack)", e.getMessage());
  }

  @Test
  void eachMetricNamesTheGroundTruthItCannotUse() {
    assertThrows(IllegalArgumentException.class,
        () -> Metrics.require("coco").checkGroundTruth(AnnotationFormat.MPII, "gt.json"));
    Metrics.require("coco").checkGroundTruth(AnnotationFormat.AIC, "gt.json");
    Metrics.require("coco").checkGroundTruth(AnnotationFormat.POSETRACK, "gt.json");
    assertThrows(IllegalArgumentException.class,
        () -> Metrics.require("pckh").checkGroundTruth(AnnotationFormat.COCO, "gt.json"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Metrics.require("posetrack").checkGroundTruth(AnnotationFormat.COCO, "gt.json"));
    assertEquals("evaluation.metrics: posetrack needs PoseTrack18 ground truth (track ids, head boxes); gt.json is "
        + "coco", e.getMessage());
  }

  @Test
  void onlyPoseTrackRefusesAResultsFileAndTheReportOpensEveryTable() {
    assertNull(Metrics.require("coco").refusesResultsFile());
    assertNull(Metrics.require("pckh").refusesResultsFile());
    assertEquals("evaluates the persons table of a job run (track ids), not a results file",
        Metrics.require("posetrack").refusesResultsFile());
    assertEquals(List.of("coco_summary", "coco_per_keypoint", "pckh_per_joint", "posetrack_mota"), Metrics.tables());
  }
}
