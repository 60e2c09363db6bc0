package ai.posespark.pose.ilp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link PoseNetLinkCost}'s terms on hand-built misses and lengths. */
class PoseNetLinkCostTest {
  private static final PoseNetLinkCost COST = new PoseNetLinkCost(32, 0.99);
  private static final int SHIN = 9; // left knee → left ankle

  @Test
  void displacementsThatHitAShortLimbGiveTheMaximum() {
    assertEquals(0.99, COST.probability(SHIN, 0, 0, 0), 1e-12);
    assertEquals(0.99, COST.probability(SHIN, 0, 0, PoseNetLinkCost.LONGEST[SHIN]), 1e-12);
  }

  @Test
  void eachMissCountsAsHalfOfAGaussianOfSigma() {
    // a forward miss of 32 px (one σ) alone: exp(−32² / 4σ²) = exp(−1/4); both missing by 32: exp(−1/2)
    assertEquals(0.99 * Math.exp(-0.25), COST.probability(SHIN, 32 * 32, 0, 10), 1e-12);
    assertEquals(0.99 * Math.exp(-0.25), COST.probability(SHIN, 0, 32 * 32, 10), 1e-12);
    assertEquals(0.99 * Math.exp(-0.5), COST.probability(SHIN, 32 * 32, 32 * 32, 10), 1e-12);
    // the same total miss split differently costs the same: the two Gaussians' geometric mean
    assertEquals(COST.probability(SHIN, 20 * 20, 0, 10), COST.probability(SHIN, 12 * 12, 16 * 16, 10), 1e-12);
  }

  @Test
  void aLimbLongerThanAnyAnnotatedOneFallsOffWithTheAnnotatedSpread() {
    double longest = PoseNetLinkCost.LONGEST[SHIN];
    double spread = PoseNetLinkCost.SPREAD[SHIN];
    assertEquals(0.99 * Math.exp(-0.5), COST.probability(SHIN, 0, 0, longest + spread), 1e-12);
    assertEquals(0.99 * Math.exp(-2), COST.probability(SHIN, 0, 0, longest + 2 * spread), 1e-12);
    assertEquals(0.99 * Math.exp(-0.25 - 0.5), COST.probability(SHIN, 32 * 32, 0, longest + spread), 1e-12);
  }

  @Test
  void aFaceLinkIsShorterThanALegOne() {
    // nose → left eye against left knee → left ankle: the measured lengths keep their anatomy
    assertTrue(PoseNetLinkCost.LONGEST[0] < PoseNetLinkCost.LONGEST[SHIN]);
    double legLength = PoseNetLinkCost.LONGEST[SHIN];
    assertTrue(COST.probability(0, 0, 0, legLength) < COST.probability(SHIN, 0, 0, legLength));
  }
}
