package ai.posespark.data;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds the ground-truth image of a frame URI: the image whose {@code file_name} is a suffix of the URI, starting
 * at a path boundary ({@code file:/data/coco/000000000785.jpg} ↔ {@code 000000000785.jpg}, and
 * {@code .../images/val/012834_mpii_test/000000.jpg} ↔ PoseTrack's {@code images/val/012834_mpii_test/000000.jpg}).
 * Where several file names fit, the longest wins. Lookup costs one hash probe per path separator.
 */
public final class FileNameIndex implements Serializable {
  private static final long serialVersionUID = 1L;
  private final Map<String, Long> idByName = new HashMap<>();

  /** The index of every image of a COCO-like ground truth. */
  public static FileNameIndex of(CocoDataset gt) {
    FileNameIndex index = new FileNameIndex();
    for (ImageInfo im : gt.images()) {
      index.put(im.fileName(), im.id());
    }
    return index;
  }

  /** Adds an image; a leading {@code ./} or {@code /} of the file name is ignored. */
  public void put(String fileName, long imageId) {
    String key = normalise(fileName);
    Long prev = idByName.put(key, imageId);
    if (prev != null && prev != imageId) {
      throw new IllegalArgumentException("two ground-truth images share the file name " + fileName + ": ids "
          + prev + " and " + imageId);
    }
  }

  /** The image id for {@code uri}, or null when no ground-truth file name is a suffix of it. */
  public Long lookup(String uri) {
    Long id = idByName.get(uri);
    for (int i = 0; id == null && i < uri.length(); i++) {
      if (uri.charAt(i) == '/') {
        id = idByName.get(uri.substring(i + 1));
      }
    }
    return id;
  }

  /** Number of images. */
  public int size() {
    return idByName.size();
  }

  private static String normalise(String fileName) {
    String s = fileName.replace('\\', '/');
    while (s.startsWith("./") || s.startsWith("/")) {
      s = s.substring(s.startsWith("./") ? 2 : 1);
    }
    return s;
  }
}
