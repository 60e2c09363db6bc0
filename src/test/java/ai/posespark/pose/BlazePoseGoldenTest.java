package ai.posespark.pose;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * BlazePose decoding of TF.js's own outputs (golden files; the three graphs list their outputs in different
 * orders) against the COCO ground truth, COCO-17 layout.
 */
class BlazePoseGoldenTest {
  private static final BlazePoseDecoder DECODER = new BlazePoseDecoder(BlazePoseDecoder.Layout.COCO_17, 0);

  @ParameterizedTest
  @ValueSource(strings = {"blazepose-lite", "blazepose-full", "blazepose-heavy"})
  void theSkierWithinTenPixelsMedian(String model) throws Exception {
    GoldenCase g = GoldenCase.load(model, "000000000785");
    Person p = InSource.decode(DECODER, g.outputs(), g.letterbox()).get(0);
    double[] e = GoldenCase.errors(p, g.groundTruth().get(0));
    double median = GoldenCase.median(e);
    System.out.printf("%s 785: pose flag %.3f, median error %.1f px, max %.1f px over %d keypoints%n", model,
        p.score(), median, Arrays.stream(e).max().orElse(0), e.length);
    assertTrue(p.score() > 0.9, "pose flag " + p.score());
    assertTrue(median < 10, "median error " + median + " px");
  }

  /** A single-person model on five people: it must still land on one of them, if loosely. */
  @ParameterizedTest
  @ValueSource(strings = {"blazepose-lite", "blazepose-full", "blazepose-heavy"})
  void onAGroupItLandsOnOneOfThePeople(String model) throws Exception {
    GoldenCase g = GoldenCase.load(model, "000000197388");
    Person p = InSource.decode(DECODER, g.outputs(), g.letterbox()).get(0);
    double best = g.groundTruth().stream().mapToDouble(gt -> GoldenCase.median(GoldenCase.errors(p, gt)))
        .min().orElseThrow();
    System.out.printf("%s 197388: pose flag %.3f, median error to the nearest person %.1f px%n", model, p.score(),
        best);
    assertTrue(best < 30, "median error " + best + " px");
  }
}
