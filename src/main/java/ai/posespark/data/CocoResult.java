package ai.posespark.data;

import java.io.Serializable;

/**
 * One entry of a COCO keypoint results file.
 *
 * @param index      0-based position in the file (pycocotools' result id − 1; it orders score ties)
 * @param imageId    {@code image_id}
 * @param categoryId {@code category_id}
 * @param keypoints  {@code [x, y, v] × K}
 * @param score      {@code score}
 * @param bbox       {@code bbox} [x, y, w, h] when present and non-empty, else null
 */
public record CocoResult(long index, long imageId, int categoryId, double[] keypoints, double score, double[] bbox)
    implements Serializable {}
