package ai.posespark.pose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** {@link PoseNetAssembler}'s placement of a candidate on a hand-built 3 × 3 grid, stride 16. */
class PoseNetAssemblerTest {
  private static final int K = 17;
  private static final int E = Skeleton.POSENET_EDGES.length;

  @Test
  void aCandidateLandsWhereTheWalkWouldPlaceAJointAtItsCell() {
    float[] scores = new float[9 * K];
    float[] offsets = new float[9 * 2 * K];
    scores[(1 * 3 + 1) * K] = 0.9f; // the nose's peak at (1, 1)
    scores[(2 * 3 + 1) * K] = 0.7f;
    offsets[(1 * 3 + 1) * 2 * K] = 10; // (1, 1) puts the nose at y 26: nearer the cell below
    offsets[(2 * 3 + 1) * 2 * K] = 3; // (2, 1): y 32 + 3, x 16 − 2
    offsets[(2 * 3 + 1) * 2 * K + K] = -2;
    PoseNetAssembler walk = new PoseNetAssembler(new FeatureGrid(scores, 3, 3, K, "scores"),
        new FeatureGrid(offsets, 3, 3, 2 * K, "offsets"), new FeatureGrid(new float[9 * 2 * E], 3, 3, 2 * E, "fwd"),
        new FeatureGrid(new float[9 * 2 * E], 3, 3, 2 * E, "bwd"), 16);
    PartCandidate nose = new PartCandidate(0, 1, 1, 0.9f);
    assertArrayEquals(new float[] {26, 16}, walk.position(nose), 1e-6f);
    // snapped twice: (1, 1)'s offset leads to (2, 1), whose own offset and score place the joint
    assertArrayEquals(new float[] {35, 14, 0.7f}, walk.landed(nose), 1e-6f);
  }
}
