package ai.posespark.train;

import ai.posespark.data.AnnotationFormatException;
import ai.posespark.data.CocoDataset;
import ai.posespark.data.ImageInfo;
import ai.posespark.data.PersonAnnotation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * The annotated images of a COCO-style ground truth, located and split by image into training and validation
 * (seeded). Training images keep the people with enough labelled keypoints; validation images every labelled
 * person who is not a crowd (evaluation scores them all). A file name is relative to the image folder (the dataset's
 * root) or an absolute path inside it; one with a scheme ({@code http://}, {@code s3a://}), a {@code ..} that leaves
 * the folder or an absolute path elsewhere is refused naming its record: an annotation file must not make the job
 * fetch URLs or read files outside the dataset.
 */
public final class TrainingSet {
  /** A URI scheme ({@code http:}, {@code s3a:}, {@code file:}); one letter and a colon would be a Windows drive. */
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
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
      out.add(new AnnotatedImage(locate(gt.source(), image, imageFolder), image, persons, train));
    }
    return out;
  }

  /** {@code image}'s file inside {@code folder}; an {@link AnnotationFormatException} when it would leave it. */
  static String locate(String source, ImageInfo image, String folder) {
    String name = image.fileName();
    String record = "images (id " + image.id() + ")";
    if (SCHEME.matcher(name).find()) {
      throw new AnnotationFormatException(source, record, "file_name", "'" + name + "' has a URI scheme; file "
          + "names are paths inside the image folder " + folder);
    }
    String root = folder.replaceAll("/+$", "");
    String relative = name;
    if (name.startsWith("/")) {
      String rootPath = new org.apache.hadoop.fs.Path(root).toUri().getPath();
      boolean local = !SCHEME.matcher(root).find() || root.startsWith("file:");
      if (!local || !(name + "/").startsWith(rootPath + "/")) {
        throw new AnnotationFormatException(source, record, "file_name", "'" + name + "' is an absolute path "
            + "outside the image folder " + folder);
      }
      relative = name.substring(rootPath.length());
    }
    Deque<String> parts = new ArrayDeque<>();
    for (String part : relative.split("/")) {
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          throw new AnnotationFormatException(source, record, "file_name", "'" + name + "' leaves the image "
              + "folder " + folder + " through '..'");
        }
        parts.removeLast();
      } else if (!part.isEmpty() && !part.equals(".")) {
        parts.addLast(part);
      }
    }
    if (parts.isEmpty()) {
      throw new AnnotationFormatException(source, record, "file_name", "'" + name + "' names no file");
    }
    return root + "/" + String.join("/", parts);
  }
}
