package ai.posespark.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PartCandidateTest {
  /** 5×5 grid, 2 parts, everything 0.1 except the values set. */
  private static FeatureGrid grid(float[][] cells) {
    float[] data = new float[5 * 5 * 2];
    java.util.Arrays.fill(data, 0.1f);
    for (float[] c : cells) {
      data[((int) c[0] * 5 + (int) c[1]) * 2 + (int) c[2]] = c[3];
    }
    return new FeatureGrid(data, 5, 5, 2, "test");
  }

  private final FeatureGrid scores = grid(new float[][] {
      {1, 1, 0, 0.9f}, {1, 3, 0, 0.6f}, {4, 4, 0, 0.4f}, // part 0: two peaks two cells apart, one weak
      {3, 0, 1, 0.7f}, {3, 1, 1, 0.7f}});                 // part 1: a two-cell plateau

  @Test
  void keepsLocalMaximaAboveTheThresholdBestFirst() {
    List<PartCandidate> found = PartCandidate.localMaxima(scores, 0.5f, 1);
    assertEquals(List.of(new PartCandidate(0, 1, 1, 0.9f), new PartCandidate(1, 3, 0, 0.7f),
        new PartCandidate(1, 3, 1, 0.7f), new PartCandidate(0, 1, 3, 0.6f)), found);
  }

  @Test
  void aLargerRadiusSuppressesTheWeakerNearbyPeak() {
    List<PartCandidate> found = PartCandidate.localMaxima(scores, 0.5f, 2);
    assertEquals(3, found.size());
    assertEquals(0.9f, found.get(0).score());
    assertEquals(1, found.get(1).part());
  }

  @Test
  void theThresholdIsInclusiveAndBorderCellsCount() {
    List<PartCandidate> found = PartCandidate.localMaxima(scores, 0.4f, 1);
    assertEquals(new PartCandidate(0, 4, 4, 0.4f), found.get(found.size() - 1));
  }
}
