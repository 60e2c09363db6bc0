package ai.posespark.eval;

import java.io.Serializable;

/**
 * A detected person as COCO OKS evaluation sees it.
 *
 * @param imageId    ground-truth image id it was matched to
 * @param categoryId category ({@code 1} = person)
 * @param order      position in the results (file order, or person_index): breaks score ties inside an image
 * @param score      detection score
 * @param keypoints  {@code [x, y, v] × K} (v unused by OKS)
 * @param area       the detection's area, as {@code loadRes} sets it (see {@link #keypointExtentArea})
 */
public record EvalDetection(long imageId, int categoryId, long order, double score, double[] keypoints,
    double area) implements Serializable {

  /**
   * pycocotools' {@code loadRes} area for keypoint results: (max x − min x) × (max y − min y) over all K points,
   * (0, 0) points included.
   */
  public static double keypointExtentArea(double[] kp) {
    double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY;
    double y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < kp.length; i += 3) {
      x0 = Math.min(x0, kp[i]);
      x1 = Math.max(x1, kp[i]);
      y0 = Math.min(y0, kp[i + 1]);
      y1 = Math.max(y1, kp[i + 1]);
    }
    return (x1 - x0) * (y1 - y0);
  }
}
