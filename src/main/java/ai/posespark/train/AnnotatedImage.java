package ai.posespark.train;

import ai.posespark.data.ImageInfo;
import ai.posespark.data.PersonAnnotation;
import java.io.Serializable;
import java.util.List;

/**
 * One annotated image of a training set, as executors get it.
 *
 * @param uri where the image is (local path or Hadoop URI)
 * @param image its ground-truth entry
 * @param persons its people fit for training (enough labelled keypoints, not crowd)
 * @param train true for the training split, false for validation
 */
public record AnnotatedImage(String uri, ImageInfo image, List<PersonAnnotation> persons, boolean train)
    implements Serializable {

  /** This image with its size as decoded, where the ground truth did not give it (MPII's does not). */
  public AnnotatedImage sized(int width, int height) {
    if (image.width() > 0 && image.height() > 0) {
      return this;
    }
    return new AnnotatedImage(uri, new ImageInfo(image.id(), image.fileName(), width, height), persons, train);
  }
}
