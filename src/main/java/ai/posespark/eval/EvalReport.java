package ai.posespark.eval;

/**
 * What an evaluation produced, for logging and for callers that want the numbers without reading the files.
 *
 * @param coco                     COCO OKS results, or null when not requested
 * @param pckh                     PCKh results, or null when not requested
 * @param posetrack                PoseTrack MOTA and AP, or null when not requested
 * @param personsWithoutGroundTruth persons (or results) of frames with no ground-truth image, left out
 * @param evalOutDir               where the tables and JSON files were written
 */
public record EvalReport(CocoMetrics coco, PckhMetrics pckh, PoseTrackMetrics posetrack,
    long personsWithoutGroundTruth, String evalOutDir) {

  /** A report without PoseTrack results. */
  public EvalReport(CocoMetrics coco, PckhMetrics pckh, long personsWithoutGroundTruth, String evalOutDir) {
    this(coco, pckh, null, personsWithoutGroundTruth, evalOutDir);
  }

  /** One line per metric family, e.g. {@code COCO AP=0.5355 AP50=1.0000 ...}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("evaluation -> ").append(evalOutDir);
    if (coco != null) {
      sb.append("\n  COCO keypoints (maxDets 20):");
      for (int i = 0; i < coco.stats().length; i++) {
        sb.append(String.format(" %s=%.4f", CocoMetrics.STAT_NAMES.get(i), coco.stats()[i]));
      }
    }
    if (pckh != null) {
      sb.append(String.format("%n  PCKh: mean@0.5=%.2f mean@0.1=%.2f", pckh.mean(0), pckh.mean(1)));
    }
    if (posetrack != null) {
      sb.append(String.format("%n  PoseTrack: MOTA=%.4f MOTP=%.4f precision=%.4f recall=%.4f AP=%.4f",
          posetrack.motaTotal(), posetrack.motpTotal(), posetrack.precisionTotal(), posetrack.recallTotal(),
          posetrack.apTotal()));
    }
    if (personsWithoutGroundTruth > 0) {
      sb.append("\n  persons of frames without ground truth (not evaluated): ").append(personsWithoutGroundTruth);
    }
    return sb.toString();
  }
}
