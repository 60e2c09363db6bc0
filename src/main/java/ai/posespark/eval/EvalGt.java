package ai.posespark.eval;

import ai.posespark.data.PersonAnnotation;
import java.io.Serializable;

/**
 * A ground-truth person as COCO OKS evaluation sees it.
 *
 * @param id        annotation id (what a matched detection records)
 * @param order     position in the ground-truth file: pycocotools keeps file order, which decides OKS ties
 * @param imageId   image id
 * @param categoryId category
 * @param keypoints {@code [x, y, v] × K}; only points with v &gt; 0 count in OKS
 * @param bbox      {@code [x, y, w, h]} (used when no keypoint is labelled)
 * @param area      object scale
 * @param iscrowd   crowd region
 * @param ignore    pycocotools' {@code ignore}: iscrowd, or {@code num_keypoints == 0}
 */
public record EvalGt(long id, long order, long imageId, int categoryId, double[] keypoints, double[] bbox, double area,
    boolean iscrowd, boolean ignore) implements Serializable {

  /**
   * From a reader's annotation. Synthesised keypoints (see {@code AicToCoco}) are set to v = 0 so that the
   * score only measures labelled points; {@code ignore} follows pycocotools ({@code num_keypoints} field).
   */
  public static EvalGt of(PersonAnnotation a, long order) {
    double[] kp = a.keypoints();
    if (a.synthesised() != null) {
      kp = kp.clone();
      for (int k = 0; k < a.synthesised().length; k++) {
        if (a.synthesised()[k]) {
          kp[k * 3 + 2] = 0;
        }
      }
    }
    return new EvalGt(a.id(), order, a.imageId(), a.categoryId(), kp, a.bbox(), a.area(), a.iscrowd(),
        a.iscrowd() || a.numKeypoints() == 0);
  }
}
