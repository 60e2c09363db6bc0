package ai.posespark.data;

import java.io.Serializable;
import java.util.List;

/**
 * One entry of a COCO-style {@code categories} list.
 *
 * @param id        category id ({@code 1} = person in COCO)
 * @param name      e.g. {@code person}
 * @param keypoints keypoint names in annotation order (empty when the file lists none)
 */
public record Category(int id, String name, List<String> keypoints) implements Serializable {}
