package ai.posespark.detect;

import ai.posespark.decode.Letterbox;
import ai.posespark.run.TestModels;
import ai.posespark.testing.GoldenOutputs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A TF.js golden run of a detector ({@code shared/golden/tfjs/<model>/<image>/}): its folder, the raw outputs in
 * meta.json's order with their names, the transform of the golden pre-processing (the whole image stretched to the
 * input, no letterbox) and the image's ground-truth person boxes (COCO or AIC file beside the image). Skips the
 * calling test when {@code ../shared} is absent.
 */
record DetectorGolden(Path dir, List<String> names, List<float[]> outputs, Letterbox transform,
                      List<PersonBox> groundTruth) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static DetectorGolden load(String model, String imageStem) throws IOException {
    GoldenOutputs g = GoldenOutputs.load(model, imageStem);
    Path image = TestModels.shared().resolve(g.meta().path("image_file").asText());
    return new DetectorGolden(g.dir(), g.names(), g.outputs(), g.stretched(), groundTruth(image));
  }

  /** Settings for this case's input with {@code names} as the model's output names. */
  BoxDecoderSettings settings(List<String> outputNames, double minScore, double nmsIou, int maxBoxes) {
    return new BoxDecoderSettings(transform.inputWidth(), transform.inputHeight(), outputNames, minScore, nmsIou,
        maxBoxes);
  }

  /** The decoder's boxes in the image's pixels. */
  List<PersonBox> decodeInSource(BoxDecoder decoder) {
    return decoder.decode(outputs).stream().map(b -> b.toSource(transform)).toList();
  }

  /** The person boxes annotated for {@code image} in the one {@code test_*.json} beside it that lists it. */
  private static List<PersonBox> groundTruth(Path image) throws IOException {
    String subset = image.getParent().getFileName().toString();
    JsonNode gt = JSON.readTree(image.resolveSibling("test_" + subset + ".json").toFile());
    long id = -1;
    for (JsonNode im : gt.path("images")) {
      if (im.path("file_name").asText().equals(image.getFileName().toString())) {
        id = im.path("id").asLong();
      }
    }
    List<PersonBox> boxes = new ArrayList<>();
    for (JsonNode a : gt.path("annotations")) {
      if (a.path("image_id").asLong() == id) {
        JsonNode b = a.path("bbox");
        boxes.add(new PersonBox((float) b.get(0).asDouble(), (float) b.get(1).asDouble(),
            (float) b.get(2).asDouble(), (float) b.get(3).asDouble(), 1));
      }
    }
    if (boxes.isEmpty()) {
      throw new IllegalStateException("no ground truth for " + image);
    }
    return boxes;
  }

  /** The detection of {@code found} overlapping {@code gt} most, or null when there is none. */
  static PersonBox bestMatch(PersonBox gt, List<PersonBox> found) {
    PersonBox best = null;
    for (PersonBox b : found) {
      if (best == null || gt.iou(b) > gt.iou(best)) {
        best = b;
      }
    }
    return best;
  }

  /** Prints, per ground-truth box, its best detection's IoU, coverage and score; returns the IoUs in GT order. */
  double[] report(String label, List<PersonBox> found) {
    System.out.printf("%s: %d boxes%n", label, found.size());
    double[] ious = new double[groundTruth.size()];
    for (int i = 0; i < ious.length; i++) {
      PersonBox gt = groundTruth.get(i);
      PersonBox best = bestMatch(gt, found);
      ious[i] = best == null ? 0 : gt.iou(best);
      System.out.printf("  GT %d [%.0f, %.0f, %.0f × %.0f]: IoU %.3f, covered %.3f, score %.3f, box %s%n", i,
          gt.x(), gt.y(), gt.w(), gt.h(), ious[i], best == null ? 0 : gt.coveredBy(best),
          best == null ? 0 : best.score(), best == null ? "none" : String.format("[%.0f, %.0f, %.0f × %.0f]",
              best.x(), best.y(), best.w(), best.h()));
    }
    return ious;
  }
}
