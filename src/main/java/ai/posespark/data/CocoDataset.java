package ai.posespark.data;

import java.io.Serializable;
import java.util.List;

/**
 * A COCO-style keypoint ground truth (COCO, AI Challenger, PoseTrack18 after reading).
 *
 * @param source      where it was read from (for messages)
 * @param categories  the {@code categories} list
 * @param images      the {@code images} list in file order
 * @param annotations the {@code annotations} list in file order
 */
public record CocoDataset(
    String source, List<Category> categories, List<ImageInfo> images, List<PersonAnnotation> annotations)
    implements Serializable {

  /** Keypoint names of the first category (the person), or an empty list. */
  public List<String> keypointNames() {
    return categories.isEmpty() ? List.of() : categories.get(0).keypoints();
  }

  /** The person category's id: the category named {@code person}, else the first one, else 1. */
  public int personCategoryId() {
    for (Category c : categories) {
      if ("person".equals(c.name())) {
        return c.id();
      }
    }
    return categories.isEmpty() ? 1 : categories.get(0).id();
  }
}
