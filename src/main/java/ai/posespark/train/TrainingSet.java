package ai.posespark.train;

import ai.posespark.data.CocoDataset;
import ai.posespark.data.ImageInfo;
import ai.posespark.data.PersonAnnotation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The annotated images of a COCO-style ground truth, located and split by image into training and validation
 * (seeded). Training images keep the people with enough labelled keypoints; validation images every labelled
 * person who is not a crowd (evaluation scores them all). A file name that is a path or URI (a review export corrected
 * in CVAT or Label Studio names its images so) is taken as it is; a bare name is looked up under the image folder.
 */
public final class TrainingSet {
  private TrainingSet() {}

  /**
   * @param gt the ground truth (AIC already converted to COCO-17, MPII by {@link MpiiTrainingSet})
   * @param imageFolder where bare file names are
   * @param validationFraction share of the images held out (at least one each way when there are two or more)
   * @param minKeypoints least labelled keypoints of a person used
   * @param seed fixes the split
   */
  public static List<AnnotatedImage> split(CocoDataset gt, String imageFolder, double validationFraction,
      int minKeypoints, long seed) {
    Map<Long, List<PersonAnnotation>> byImage = new LinkedHashMap<>();
    for (PersonAnnotation a : gt.annotations()) {
      if (!a.iscrowd() && a.labelledCount() > 0 && a.keypoints().length == 17 * 3) {
        byImage.computeIfAbsent(a.imageId(), k -> new ArrayList<>()).add(a);
      }
    }
    List<ImageInfo> images = new ArrayList<>(gt.images().stream().filter(i -> byImage.containsKey(i.id())
        && byImage.get(i.id()).stream().anyMatch(a -> a.labelledCount() >= minKeypoints)).toList());
    if (images.isEmpty()) {
      throw new IllegalArgumentException(gt.source() + ": no person with " + minKeypoints
          + " or more labelled keypoints to train on");
    }
    Collections.shuffle(images, new Random(seed));
    int held = (int) Math.round(images.size() * validationFraction);
    if (validationFraction > 0 && images.size() >= 2) {
      held = Math.max(1, Math.min(images.size() - 1, held));
    }
    List<AnnotatedImage> out = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      ImageInfo image = images.get(i);
      boolean train = i >= held;
      List<PersonAnnotation> persons = byImage.get(image.id()).stream()
          .filter(a -> !train || a.labelledCount() >= minKeypoints).toList();
      out.add(new AnnotatedImage(locate(image.fileName(), imageFolder), image, persons, train));
    }
    return out;
  }

  /** A file name as given when it is a path or URI, else under {@code folder}. */
  static String locate(String fileName, String folder) {
    if (fileName.startsWith("/") || fileName.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
      return fileName;
    }
    return folder.endsWith("/") ? folder + fileName : folder + "/" + fileName;
  }
}
