package ai.posespark.detect;

import ai.posespark.data.AnnotationFormatException;
import ai.posespark.data.JsonRecord;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Person boxes from a COCO detection results file ({@code [{image_id, category_id, bbox: [x, y, w, h], score}]},
 * e.g. mmpose's {@code test_coco_det_AP_H_56.json}), for a top-down run that takes its boxes from another
 * detector. Boxes are in the source image's pixels, as COCO writes them; entries of other categories than person
 * ({@code category_id} 1) are skipped. Read through Hadoop's FileSystem, so a job names it by path, {@code hdfs://}
 * or {@code s3a://} URI; serializable, so it can travel to executors.
 */
public final class DetectionFile implements Serializable {
  /** COCO's person category id. */
  public static final int PERSON_CATEGORY = 1;

  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String uri;
  private final Map<Long, List<PersonBox>> byImage;
  private final int entries;

  private DetectionFile(String uri, Map<Long, List<PersonBox>> byImage, int entries) {
    this.uri = uri;
    this.byImage = byImage;
    this.entries = entries;
  }

  /**
   * Reads {@code uri}, one entry at a time.
   *
   * @throws IOException                when the file cannot be opened or read
   * @throws AnnotationFormatException  when it is not such a file: the message names the file, the entry and the
   *                                    field (bad JSON, a missing field, a bbox that is not 4 numbers with
   *                                    {@code w, h ≥ 0}, a score outside 0..1)
   */
  public static DetectionFile read(String uri, Configuration conf) throws IOException {
    Path path = new Path(uri);
    Map<Long, List<PersonBox>> byImage = new HashMap<>();
    int index = 0;
    try (InputStream in = path.getFileSystem(conf).open(path); JsonParser p = JSON.getFactory().createParser(in)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new AnnotationFormatException(uri, "expected a JSON array of detections at the top level", null);
      }
      while (p.nextToken() != JsonToken.END_ARRAY) {
        JsonRecord r = JsonRecord.of(uri, "detections", index++, JSON.readTree(p));
        long imageId = r.requiredLong("image_id");
        long category = r.requiredLong("category_id");
        PersonBox box = box(r);
        if (category == PERSON_CATEGORY) {
          byImage.computeIfAbsent(imageId, id -> new ArrayList<>()).add(box);
        }
      }
    } catch (JsonProcessingException e) {
      throw new AnnotationFormatException(uri, "not valid JSON after " + index + " detections: "
          + e.getOriginalMessage(), e);
    }
    Map<Long, List<PersonBox>> sorted = new HashMap<>();
    byImage.forEach((id, boxes) -> {
      boxes.sort(Comparator.comparingDouble(PersonBox::score).reversed());
      sorted.put(id, List.copyOf(boxes));
    });
    return new DetectionFile(uri, Map.copyOf(sorted), index);
  }

  private static PersonBox box(JsonRecord r) {
    double[] b = r.requiredDoubles("bbox", 4);
    for (double v : b) {
      if (!Double.isFinite(v)) {
        throw r.error("bbox", "expected finite numbers [x, y, w, h], found " + v);
      }
    }
    if (b[2] < 0 || b[3] < 0) {
      throw r.error("bbox", "width and height must be ≥ 0, found " + b[2] + " × " + b[3]);
    }
    double score = r.requiredDouble("score");
    if (!(score >= 0 && score <= 1)) {
      throw r.error("score", "expected a number in 0..1, found " + score);
    }
    return new PersonBox((float) b[0], (float) b[1], (float) b[2], (float) b[3], (float) score);
  }

  /** The file as it was named. */
  public String uri() {
    return uri;
  }

  /** The person boxes of image {@code imageId}, best score first; empty when the file has none for it. */
  public List<PersonBox> boxes(long imageId) {
    return byImage.getOrDefault(imageId, List.of());
  }

  /** The images with at least one person box. */
  public Set<Long> imageIds() {
    return byImage.keySet();
  }

  /** Person boxes in all. */
  public int personBoxes() {
    return byImage.values().stream().mapToInt(List::size).sum();
  }

  /** Entries read, of every category. */
  public int entries() {
    return entries;
  }
}
