package ai.posespark.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Mpii16Test {
  @Test
  void theSharedBodyJointsGoToCocoAndBackAndTheFaceStaysUnlabelled() {
    double[][] joints = new double[Mpii16.K][];
    boolean[] visible = new boolean[Mpii16.K];
    for (int j = 0; j < Mpii16.K; j++) {
      joints[j] = new double[] {100 + 10 * j, 50 + 5 * j};
      visible[j] = j != 0; // r_ankle not labelled
    }
    MpiiPerson p = new MpiiPerson(1, "a.jpg", joints, visible, null, false, null, Double.NaN);
    double[] coco = Mpii16.toCoco17(p, 1);
    assertEquals(0, coco[3 * Coco17.RIGHT_ANKLE + 2], "unlabelled stays unlabelled");
    assertEquals(2, coco[3 * Coco17.RIGHT_WRIST + 2]);
    assertEquals(joints[10][0] - 1, coco[3 * Coco17.RIGHT_WRIST], 1e-12, "1-based → 0-based");
    assertEquals(0, coco[3 * Coco17.NOSE + 2], "MPII has no nose");
    double[] x = new double[Coco17.K];
    double[] y = new double[Coco17.K];
    for (int k = 0; k < Coco17.K; k++) {
      x[k] = coco[3 * k];
      y[k] = coco[3 * k + 1];
    }
    double[][] back = Mpii16.fromCoco17(x, y);
    for (int j = 1; j < Mpii16.K; j++) {
      if (!Mpii16.approximatedFromCoco(j)) {
        assertEquals(joints[j][0] - 1, back[j][0], 1e-12, Mpii16.NAMES.get(j));
        assertEquals(joints[j][1] - 1, back[j][1], 1e-12, Mpii16.NAMES.get(j));
      }
    }
  }
}
