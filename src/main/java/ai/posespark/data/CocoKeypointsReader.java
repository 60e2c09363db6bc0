package ai.posespark.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;

/**
 * Reads a COCO keypoints ground-truth JSON ({@code images}, {@code annotations}, {@code categories}); also the
 * COCO-style files of AI Challenger and PoseTrack18. Streams the file record by record.
 *
 * <p>Checks: every annotation names an existing image, has {@code keypoints} of K×3 numbers (K the same for all
 * annotations and equal to the category's keypoint list where it has one) and a 4-number {@code bbox}; ids are
 * unique. A missing {@code area} is derived with {@link PersonAnnotation#areaFromBbox}; a missing
 * {@code num_keypoints} is the count of v &gt; 0; {@code iscrowd} may be 0/1 or a boolean.
 */
public final class CocoKeypointsReader {
  private CocoKeypointsReader() {}

  /** Reads {@code uri} through Hadoop's FileSystem. */
  public static CocoDataset read(String uri, Configuration conf) {
    List<Category> categories = new ArrayList<>();
    List<ImageInfo> images = new ArrayList<>();
    List<PersonAnnotation> annotations = new ArrayList<>();
    AnnotationFiles.forEachTopLevelField(uri, conf, (name, p) -> {
      switch (name) {
        case "images" -> AnnotationFiles.forEachElement(uri, name, p,
            n -> images.add(image(JsonRecord.of(uri, name, images.size(), n))));
        case "annotations" -> AnnotationFiles.forEachElement(uri, name, p,
            n -> annotations.add(annotation(JsonRecord.of(uri, name, annotations.size(), n))));
        case "categories" -> AnnotationFiles.forEachElement(uri, name, p,
            n -> categories.add(category(JsonRecord.of(uri, name, categories.size(), n))));
        default -> p.skipChildren();
      }
    });
    validate(uri, categories, images, annotations);
    return new CocoDataset(uri, List.copyOf(categories), images, annotations);
  }

  static ImageInfo image(JsonRecord r) {
    return new ImageInfo(r.requiredLong("id"), r.requiredText("file_name"),
        (int) r.optionalLong("width", 0), (int) r.optionalLong("height", 0));
  }

  static Category category(JsonRecord r) {
    List<String> names = new ArrayList<>();
    if (r.has("keypoints")) {
      JsonNode kp = r.required("keypoints");
      if (!kp.isArray()) {
        throw r.error("keypoints", "expected an array of keypoint names");
      }
      kp.forEach(n -> names.add(n.asText()));
    }
    return new Category((int) r.requiredLong("id"), r.has("name") ? r.requiredText("name") : "", names);
  }

  static PersonAnnotation annotation(JsonRecord r) {
    double[] kp = r.requiredDoubles("keypoints", -1);
    if (kp.length == 0 || kp.length % 3 != 0) {
      throw r.error("keypoints", "expected K×3 numbers [x, y, v, ...], found " + kp.length);
    }
    double[] bbox = r.requiredDoubles("bbox", 4);
    boolean hasArea = r.has("area");
    double area = hasArea ? r.requiredDouble("area") : PersonAnnotation.areaFromBbox(bbox);
    int labelled = 0;
    for (int k = 2; k < kp.length; k += 3) {
      labelled += kp[k] > 0 ? 1 : 0;
    }
    Long trackId = r.has("track_id") ? r.requiredLong("track_id") : null;
    return new PersonAnnotation(r.requiredLong("id"), r.requiredLong("image_id"),
        (int) r.requiredLong("category_id"), kp, bbox, area, hasArea, r.optionalFlag("iscrowd", false),
        (int) r.optionalLong("num_keypoints", labelled), trackId, null);
  }

  private static void validate(String uri, List<Category> categories, List<ImageInfo> images,
      List<PersonAnnotation> annotations) {
    Set<Long> imageIds = new HashSet<>();
    for (int i = 0; i < images.size(); i++) {
      if (!imageIds.add(images.get(i).id())) {
        throw new AnnotationFormatException(uri, "images[" + i + "] (id " + images.get(i).id() + ")", "id",
            "duplicate image id");
      }
    }
    int expectedK = categories.isEmpty() || categories.get(0).keypoints().isEmpty()
        ? -1 : categories.get(0).keypoints().size();
    Set<Long> annIds = new HashSet<>();
    for (int i = 0; i < annotations.size(); i++) {
      PersonAnnotation a = annotations.get(i);
      String rec = "annotations[" + i + "] (id " + a.id() + ")";
      if (!imageIds.contains(a.imageId())) {
        throw new AnnotationFormatException(uri, rec, "image_id", "no image with id " + a.imageId());
      }
      if (!annIds.add(a.id())) {
        throw new AnnotationFormatException(uri, rec, "id", "duplicate annotation id");
      }
      if (expectedK < 0) {
        expectedK = a.keypointCount();
      } else if (a.keypointCount() != expectedK) {
        throw new AnnotationFormatException(uri, rec, "keypoints",
            "has " + a.keypointCount() + " keypoints, expected " + expectedK);
      }
    }
  }
}
