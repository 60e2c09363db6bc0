package ai.posespark.data;

import java.io.Serializable;

/**
 * One person of a COCO-style ground truth.
 *
 * @param id           annotation id
 * @param imageId      {@code images[].id} it belongs to
 * @param categoryId   category ({@code 1} = person)
 * @param keypoints    {@code [x1, y1, v1, x2, y2, v2, ...]}, K×3 values in original-image pixels; v = 0 unlabelled,
 *                     1 labelled but not visible, 2 visible
 * @param bbox         {@code [x, y, w, h]}
 * @param area         the object scale OKS uses; the file's {@code area}, or {@link #areaFromBbox} where absent
 * @param areaFromFile false when the file had no {@code area} and it was derived from the box
 * @param iscrowd      crowd region (never matched as a person, absorbs detections)
 * @param numKeypoints the file's {@code num_keypoints} (pycocotools ignores a person whose value is 0)
 * @param trackId      PoseTrack {@code track_id}, else null
 * @param synthesised  per keypoint, true where a converter made the point up (see {@link AicToCoco}); null if none
 */
public record PersonAnnotation(
    long id,
    long imageId,
    int categoryId,
    double[] keypoints,
    double[] bbox,
    double area,
    boolean areaFromFile,
    boolean iscrowd,
    int numKeypoints,
    Long trackId,
    boolean[] synthesised)
    implements Serializable {

  /**
   * The area used when a file gives none (AI Challenger, PoseTrack): 0.53 × box area, at least 1.
   * 0.53 is the usual ratio of segment area to box area for people in COCO, the same heuristic mmpose applies.
   */
  public static double areaFromBbox(double[] bbox) {
    return Math.max(1.0, bbox[2] * bbox[3] * 0.53);
  }

  /** Number of keypoints. */
  public int keypointCount() {
    return keypoints.length / 3;
  }

  /** Number of keypoints with v > 0 (what OKS averages over; may differ from {@link #numKeypoints}). */
  public int labelledCount() {
    int n = 0;
    for (int k = 2; k < keypoints.length; k += 3) {
      if (keypoints[k] > 0) {
        n++;
      }
    }
    return n;
  }
}
