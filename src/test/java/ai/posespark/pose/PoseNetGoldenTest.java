package ai.posespark.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PoseNet decoding of TF.js's own outputs (golden files) against the COCO ground truth. A person counts as found
 * when a decoded pose scoring at least {@link #MIN_SCORE} has a median keypoint error under
 * {@link #FOUND_PX} over the person's labelled keypoints (stride-16 grid: one cell is 26 source pixels here).
 */
class PoseNetGoldenTest {
  static final double MIN_SCORE = 0.15;
  static final double FOUND_PX = 15;

  private static List<Person> decode(GoldenCase g) {
    PoseNetDecoder decoder = PoseNetDecoder.withDefaults(g.names(), g.letterbox().inputWidth(),
        g.letterbox().inputHeight(), PoseNetDecoder.MAX_PEOPLE, MIN_SCORE);
    return InSource.decode(decoder, g.outputs(), g.letterbox());
  }

  private static double bestMedian(List<Person> people, double[] gt) {
    return people.stream().mapToDouble(p -> GoldenCase.median(GoldenCase.errors(p, gt))).min().orElse(1e9);
  }

  @Test
  void theSkierIsTheBestPoseWithinTenPixels() throws Exception {
    GoldenCase g = GoldenCase.load("posenet", "000000000785");
    List<Person> people = decode(g);
    double median = GoldenCase.median(GoldenCase.errors(people.get(0), g.groundTruth().get(0)));
    System.out.printf("posenet 785: %d poses, best %.2f, median error %.1f px%n", people.size(),
        people.get(0).score(), median);
    assertEquals(1, people.size(), "one skier, no duplicate above " + MIN_SCORE);
    assertTrue(median < 10, "median error " + median + " px");
  }

  @Test
  void findsFourOfTheFivePeopleOf197388() throws Exception {
    GoldenCase g = GoldenCase.load("posenet", "000000197388");
    List<Person> people = decode(g);
    int found = 0;
    StringBuilder medians = new StringBuilder();
    for (double[] gt : g.groundTruth()) {
      double m = bestMedian(people, gt);
      medians.append(String.format(" %.1f", m));
      found += m < FOUND_PX ? 1 : 0;
    }
    System.out.printf("posenet 197388: %d poses >= %.2f, %d of %d people found, best median per person (px):%s%n",
        people.size(), MIN_SCORE, found, g.groundTruth().size(), medians);
    assertEquals(5, g.groundTruth().size());
    assertTrue(found >= 4, found + " people found");
    for (int i = 0; i < 4; i++) {
      assertTrue(bestMedian(List.of(people.get(i)), nearest(g, people.get(i))) < FOUND_PX,
          "the four best poses are real people");
    }
  }

  private static double[] nearest(GoldenCase g, Person p) {
    double[] best = null;
    double bestMedian = Double.MAX_VALUE;
    for (double[] gt : g.groundTruth()) {
      double m = GoldenCase.median(GoldenCase.errors(p, gt));
      if (m < bestMedian) {
        bestMedian = m;
        best = gt;
      }
    }
    return best;
  }
}
