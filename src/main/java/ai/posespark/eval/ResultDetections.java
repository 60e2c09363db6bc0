package ai.posespark.eval;

import ai.posespark.data.AnnotationFormatException;
import ai.posespark.data.CocoResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** COCO results → detections, with pycocotools' {@code loadRes} rules for keypoint results. */
public final class ResultDetections {
  private ResultDetections() {}

  /**
   * Detections of the results whose image the ground truth knows, and how many results name another image.
   *
   * @param detections         results of ground-truth images, in file order
   * @param withoutGroundTruth results left out: their {@code image_id} is no ground-truth image
   */
  public record Matched(List<EvalDetection> detections, long withoutGroundTruth) {}

  /**
   * Converts results as {@code COCO.loadRes} would: a result's area is its bbox w·h when the <b>first</b> result
   * carries a non-empty {@code bbox} (then every result must), else the extent of its keypoints. A result for an
   * image the ground truth does not know is left out and counted (loadRes asserts instead), as a job's persons of
   * such frames are: results of a whole folder scored against labels of part of it.
   *
   * @param file        the results file, for messages
   * @param gtImageIds  ids of the ground-truth images
   */
  public static Matched of(String file, List<CocoResult> results, Set<Long> gtImageIds) {
    if (results.isEmpty()) {
      return new Matched(List.of(), 0); // pycocotools crashes here; an empty result simply scores 0
    }
    boolean bboxArea = results.get(0).bbox() != null;
    List<EvalDetection> out = new ArrayList<>(results.size());
    long unknown = 0;
    for (CocoResult r : results) {
      String rec = "results[" + r.index() + "]";
      if (!gtImageIds.contains(r.imageId())) {
        unknown++;
        continue;
      }
      double area;
      if (bboxArea) {
        if (r.bbox() == null) {
          throw new AnnotationFormatException(file, rec, "bbox",
              "missing, but the first result has one (pycocotools then takes every area from bbox)");
        }
        area = r.bbox()[2] * r.bbox()[3];
      } else {
        area = EvalDetection.keypointExtentArea(r.keypoints());
      }
      out.add(new EvalDetection(r.imageId(), r.categoryId(), r.index(), r.score(), r.keypoints(), area));
    }
    return new Matched(out, unknown);
  }
}
