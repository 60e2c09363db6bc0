package ai.posespark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.posespark.decode.TestImages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The one annotated shipped sample, COCO image 785 (a skier), as end-to-end job tests check it. */
final class Skier {
  private Skier() {}

  /** The skier's ground-truth annotation in {@code data/samples/person_keypoints.json}. */
  static JsonNode annotation() throws IOException {
    return new ObjectMapper().readTree(TestImages.samples().resolve("person_keypoints.json").toFile())
        .path("annotations").get(0);
  }

  /** Mean pixel distance of the best-scoring person's keypoints in the skier's frame to the labelled ones. */
  static double meanKeypointError(SparkSession spark, String personsView) throws IOException {
    JsonNode gt = annotation().path("keypoints");
    List<Row> best = spark.sql("SELECT keypoints FROM " + personsView + " WHERE uri LIKE '%000000000785.jpg' "
        + "ORDER BY score DESC LIMIT 1").collectAsList();
    assertEquals(1, best.size(), "the skier is found");
    List<Row> kps = best.get(0).getList(0);
    double sum = 0;
    int n = 0;
    for (int k = 0; k < 17; k++) {
      if (gt.get(k * 3 + 2).asInt() > 0) {
        sum += Math.hypot(kps.get(k).getFloat(1) - gt.get(k * 3).asDouble(),
            kps.get(k).getFloat(2) - gt.get(k * 3 + 1).asDouble());
        n++;
      }
    }
    return sum / n;
  }
}
