package ai.posespark.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** NanoDet decoding on hand-made maps, then on TF.js's own outputs (golden file) against COCO's person boxes. */
class NanoDetDecoderTest {
  private static final BoxDecoderSettings SETTINGS = new BoxDecoderSettings(416, 416, List.of(), 0.3, 0.5, 10);

  @Test
  void boxSidesAreTheBinExpectationTimesTheStrideFromTheCellCentre() {
    // per stride 8/16/32: scores [cells, 80], boxes [cells, 44]; given in the graph's scrambled order
    float[][] scores = {new float[2704 * 80], new float[676 * 80], new float[169 * 80]};
    float[][] boxes = {new float[2704 * 44], new float[676 * 44], new float[169 * 44]};
    int cell = 3 * 26 + 5; // stride 16, row 3, column 5: centre (88, 56)
    scores[1][cell * 80] = 0.9f;
    scores[1][cell * 80 + 1] = 0.95f; // another class: ignored
    int[] bins = {2, 1, 3, 4};
    for (int side = 0; side < 4; side++) {
      boxes[1][cell * 44 + side * 11 + bins[side]] = 60; // one bin takes all the mass
    }
    List<float[]> outputs = new ArrayList<>(List.of(scores[2], boxes[2], scores[1], scores[0], boxes[1], boxes[0]));
    List<PersonBox> found = new NanoDetDecoder(SETTINGS).decode(outputs);
    assertEquals(1, found.size());
    PersonBox b = found.get(0);
    assertEquals(88 - 32, b.x(), 1e-3);
    assertEquals(56 - 16, b.y(), 1e-3);
    assertEquals(32 + 48, b.w(), 1e-3);
    assertEquals(16 + 64, b.h(), 1e-3);
    assertEquals(0.9f, b.score());
  }

  @Test
  void aMissingLevelIsNamed() {
    List<float[]> outputs = List.of(new float[2704 * 80], new float[2704 * 44]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new NanoDetDecoder(SETTINGS).decode(outputs));
    assertTrue(e.getMessage().contains("stride 16"), e.getMessage());
  }

  @Test
  void everyPersonOf197388IsFoundWithIouAboveHalf() throws Exception {
    DetectorGolden g = DetectorGolden.load("nanodet", "000000197388");
    BoxDecoder d = new NanoDetDecoder(g.settings(g.names(), 0.1, 0.5, 20));
    double[] ious = g.report("nanodet 197388 (minScore 0.1, NMS 0.5)", g.decodeInSource(d));
    for (int i = 0; i < ious.length; i++) {
      assertTrue(ious[i] >= 0.5, "GT " + i + ": IoU " + ious[i]);
    }
    g.report("nanodet 197388 (minScore 0.3, NMS 0.5)",
        g.decodeInSource(new NanoDetDecoder(g.settings(g.names(), 0.3, 0.5, 20))));
  }
}
