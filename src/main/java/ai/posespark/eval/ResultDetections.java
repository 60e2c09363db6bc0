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
   * Converts results as {@code COCO.loadRes} would: a result's area is its bbox w·h when the <b>first</b> result
   * carries a non-empty {@code bbox} (then every result must), else the extent of its keypoints; each result's
   * {@code image_id} must be a ground-truth image (loadRes asserts this).
   *
   * @param file        the results file, for messages
   * @param gtImageIds  ids of the ground-truth images
   */
  public static List<EvalDetection> of(String file, List<CocoResult> results, Set<Long> gtImageIds) {
    if (results.isEmpty()) {
      return List.of(); // pycocotools crashes here; an empty result simply scores 0
    }
    boolean bboxArea = results.get(0).bbox() != null;
    List<EvalDetection> out = new ArrayList<>(results.size());
    for (CocoResult r : results) {
      String rec = "results[" + r.index() + "]";
      if (!gtImageIds.contains(r.imageId())) {
        throw new AnnotationFormatException(file, rec, "image_id",
            "image " + r.imageId() + " is not in the ground truth");
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
    return out;
  }
}
