package ai.posespark.pose;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.data.Coco17;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** EfficientPose decoding of TF.js's own outputs (golden file) against the COCO ground truth of the skier. */
class EfficientPoseGoldenTest {
  @Test
  void theSkiersLimbJointsWithinEightPixelsMedian() throws Exception {
    GoldenCase g = GoldenCase.load("efficientpose", "000000000785");
    EfficientPoseDecoder decoder = new EfficientPoseDecoder(EfficientPoseDecoder.Layout.COCO_17,
        g.letterbox().inputWidth(), g.letterbox().inputHeight(), 0);
    Person p = InSource.decode(decoder, g.outputs(), g.letterbox()).get(0);
    double[] limbs = GoldenCase.errors(p, g.groundTruth().get(0), Coco17.NOSE, Coco17.LEFT_EYE, Coco17.RIGHT_EYE,
        Coco17.LEFT_EAR, Coco17.RIGHT_EAR);
    double median = GoldenCase.median(limbs);
    System.out.printf("efficientpose 785: score %.3f, 12 limb joints median error %.1f px, max %.1f px%n",
        p.score(), median, Arrays.stream(limbs).max().orElse(0));
    assertTrue(limbs.length == 12);
    assertTrue(p.score() > 0.5, "score " + p.score());
    assertTrue(median < 8, "median error " + median + " px");
  }
}
