package ai.posespark.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BlazePose detector decoding on hand-made rows, then on TF.js's own outputs against the ground truth. */
class BlazePoseDetectorDecoderTest {
  private static final BoxDecoderSettings SETTINGS = new BoxDecoderSettings(224, 224, List.of(), 0.5, 0.3, 10);
  private static final int STRIDE_16 = 28 * 28 * 2;

  @Test
  void thePersonIsTheSquareAroundTheHipsWithSideTwiceTheBodyRadiusTimesTheMargin() {
    float[] out = new float[2254 * 13];
    for (int a = 0; a < 2254; a++) {
      out[a * 13] = -50;
    }
    int anchor = STRIDE_16 + (3 * 14 + 5) * 2; // centre (88, 56)
    row(out, anchor, 2, 10, 60, 10, -20); // hips (98, 116), radius 80
    row(out, anchor + 1, 1, 10, 60, 10, -20); // same face, lower score: suppressed
    int other = STRIDE_16 + (3 * 14 + 9) * 2; // centre (152, 56): another face, its body square overlaps
    row(out, other, 0.5f, 0, 60, 0, 0);
    List<PersonBox> found = new BlazePoseDetectorDecoder(SETTINGS).decode(List.of(out));
    assertEquals(2, found.size());
    PersonBox p = found.get(0);
    assertEquals(98 - 100, p.x(), 1e-3);
    assertEquals(116 - 100, p.y(), 1e-3);
    assertEquals(200, p.w(), 1e-3);
    assertEquals(200, p.h(), 1e-3);
    assertEquals(0.8808, p.score(), 1e-4);
    assertEquals(0.6225, found.get(1).score(), 1e-4);
  }

  /** Anchor {@code a}: score logit, a 44.8-px box on the anchor, keypoint 0 and 1 offsets. */
  private static void row(float[] out, int a, float logit, float hipX, float hipY, float edgeX, float edgeY) {
    float[] r = {logit, 0, 0, 44.8f, 44.8f, hipX, hipY, edgeX, edgeY, 0, 0, 0, 0};
    System.arraycopy(r, 0, out, a * 13, 13);
  }

  @Test
  void theSkierIsFoundAndCoveredWhole() throws Exception {
    DetectorGolden g = DetectorGolden.load("blazepose-detector", "000000000785");
    List<PersonBox> found = g.decodeInSource(new BlazePoseDetectorDecoder(g.settings(g.names(), 0.5, 0.3, 5)));
    double[] ious = g.report("blazepose-detector 785 (minScore 0.5, NMS 0.3)", found);
    PersonBox skier = g.groundTruth().get(0);
    PersonBox best = DetectorGolden.bestMatch(skier, found);
    assertTrue(best != null && best.score() > 0.8, "score " + (best == null ? 0 : best.score()));
    assertTrue(skier.coveredBy(best) > 0.95, "covered " + skier.coveredBy(best));
    // a square around a standing person: about twice the person's area, so IoU near 0.4, not 0.5
    assertTrue(ious[0] > 0.3, "IoU " + Arrays.toString(ious));
  }

  /**
   * Crowds, where this single-person detector lumps neighbours into shared squares (NMS runs on the face-sized
   * boxes, so the full-body squares may overlap): what the decoder promises still holds (scores at or above the
   * threshold, at most maxPersons), and every annotated person lies within a box, so the top-down crop holds them.
   */
  @Test
  void crowdsKeepTheDecodersPromisesAndEveryPersonLiesInABox() throws Exception {
    for (String image : List.of("000000197388", "054d9ce9201beffc76e5ff2169d2af2f027002ca")) {
      DetectorGolden g = DetectorGolden.load("blazepose-detector", image);
      List<PersonBox> found = g.decodeInSource(new BlazePoseDetectorDecoder(g.settings(g.names(), 0.3, 0.3, 10)));
      g.report("blazepose-detector " + image + " (minScore 0.3, NMS 0.3)", found);
      assertTrue(!found.isEmpty() && found.size() <= 10, image + ": " + found.size() + " boxes");
      for (int i = 0; i < found.size(); i++) {
        assertTrue(found.get(i).score() >= 0.3f, image + ": score " + found.get(i).score());
      }
      for (PersonBox person : g.groundTruth()) {
        PersonBox best = found.stream().max(java.util.Comparator.comparingDouble(person::coveredBy)).orElseThrow();
        assertTrue(person.coveredBy(best) > 0.8, image + ": person " + person + " covered "
            + person.coveredBy(best));
      }
    }
  }
}
