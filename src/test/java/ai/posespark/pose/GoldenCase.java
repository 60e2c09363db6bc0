package ai.posespark.pose;

import ai.posespark.decode.Letterbox;
import ai.posespark.run.TestModels;
import ai.posespark.testing.GoldenOutputs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A TF.js golden run ({@code shared/golden/tfjs/<model>/<image>/}): the raw outputs in signature order with their
 * names, the letterbox of the golden pre-processing (the whole image stretched to the input) and the image's COCO
 * ground truth. Skips the calling test when {@code ../shared} is absent.
 */
record GoldenCase(List<String> names, List<float[]> outputs, Letterbox letterbox, List<double[]> groundTruth) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static GoldenCase load(String model, String imageStem) throws IOException {
    GoldenOutputs g = GoldenOutputs.load(model, imageStem);
    return new GoldenCase(g.names(), g.outputs(), g.stretched(),
        groundTruth(TestModels.shared(), Long.parseLong(imageStem)));
  }

  /** COCO annotations of the image: per person {@code [x, y, v] × 17}. */
  private static List<double[]> groundTruth(Path shared, long imageId) throws IOException {
    JsonNode coco = JSON.readTree(shared.resolve("data/coco/test_coco.json").toFile());
    List<double[]> people = new ArrayList<>();
    for (JsonNode a : coco.path("annotations")) {
      if (a.path("image_id").asLong() == imageId) {
        double[] kp = new double[51];
        for (int i = 0; i < 51; i++) {
          kp[i] = a.path("keypoints").get(i).asDouble();
        }
        people.add(kp);
      }
    }
    return people;
  }

  /** Pixel distances from a person's COCO-17 keypoints to the labelled ones of {@code gt}, but {@code skip}. */
  static double[] errors(Person p, double[] gt, int... skip) {
    List<Double> d = new ArrayList<>();
    for (int k = 0; k < 17; k++) {
      final int kk = k;
      if (gt[k * 3 + 2] > 0 && Arrays.stream(skip).noneMatch(s -> s == kk)) {
        Keypoint kp = p.keypoints().get(k);
        d.add(Math.hypot(kp.x() - gt[k * 3], kp.y() - gt[k * 3 + 1]));
      }
    }
    return d.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
