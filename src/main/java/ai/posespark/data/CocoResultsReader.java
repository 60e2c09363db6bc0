package ai.posespark.data;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/** Reads a COCO keypoint results file: a JSON list of {@code {image_id, category_id, keypoints, score[, bbox]}}. */
public final class CocoResultsReader {
  private CocoResultsReader() {}

  /** Reads {@code uri} through Hadoop's FileSystem, streaming. */
  public static List<CocoResult> read(String uri, Configuration conf) {
    List<CocoResult> out = new ArrayList<>();
    AnnotationFiles.forEachArrayElement(uri, conf, n -> out.add(result(JsonRecord.of(uri, "results", out.size(), n),
        out.size())));
    return out;
  }

  static CocoResult result(JsonRecord r, long index) {
    double[] kp = r.requiredDoubles("keypoints", -1);
    if (kp.length == 0 || kp.length % 3 != 0) {
      throw r.error("keypoints", "expected K×3 numbers [x, y, v, ...], found " + kp.length);
    }
    double[] bbox = r.has("bbox") ? r.requiredDoubles("bbox", -1) : null;
    if (bbox != null && bbox.length == 0) {
      bbox = null;
    } else if (bbox != null && bbox.length != 4) {
      throw r.error("bbox", "expected [x, y, w, h], found " + bbox.length + " numbers");
    }
    return new CocoResult(index, r.requiredLong("image_id"), (int) r.requiredLong("category_id"), kp,
        r.requiredDouble("score"), bbox);
  }
}
