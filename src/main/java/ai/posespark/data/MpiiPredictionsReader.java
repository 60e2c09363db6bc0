package ai.posespark.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * Reads MPII predictions in the PCKh golden layout: {@code {"predictions": [{id, image, joints: [[x, y] × 16]}]}},
 * coordinates in the same frame as the ground truth (no shift is applied).
 */
public final class MpiiPredictionsReader {
  private MpiiPredictionsReader() {}

  /** Reads {@code uri} through Hadoop's FileSystem. */
  public static List<MpiiPrediction> read(String uri, Configuration conf) {
    JsonNode root = AnnotationFiles.readTree(uri, conf);
    if (!root.isObject() || !root.has("predictions") || !root.get("predictions").isArray()) {
      throw new AnnotationFormatException(uri, "expected an object with a \"predictions\" list", null);
    }
    JsonNode list = root.get("predictions");
    List<MpiiPrediction> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonRecord r = JsonRecord.of(uri, "predictions", i, list.get(i));
      out.add(new MpiiPrediction(r.requiredLong("id"), r.has("image") ? r.requiredText("image") : "",
          MpiiReader.joints(r, "joints")));
    }
    return out;
  }
}
