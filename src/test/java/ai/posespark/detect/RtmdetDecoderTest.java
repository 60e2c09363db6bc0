package ai.posespark.detect;

import static ai.posespark.detect.YoloxDecoderTest.assertBox;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code rtmdet} head on hand-built maps: a 64 × 48 input has 8 × 6, 4 × 3 and 2 × 2 points at strides 8, 16
 * and 32, at {@code (col·stride, row·stride)}; one box per level at a known point.
 */
class RtmdetDecoderTest {
  private static final int[][] GRIDS = {{8, 6}, {4, 3}, {2, 2}};
  private static final double LOGIT = 2.0;

  /** Scores (levels 0-2) then distances (levels 0-2), in the documented order. */
  private static List<float[]> outputs() {
    List<float[]> out = new ArrayList<>();
    for (int[] g : GRIDS) {
      float[] s = new float[g[0] * g[1]];
      Arrays.fill(s, -6f);
      out.add(s);
    }
    for (int[] g : GRIDS) {
      out.add(new float[4 * g[0] * g[1]]);
    }
    point(out, 0, 2, 5, (float) LOGIT, 4, 6, 8, 10); // (40, 16)
    point(out, 1, 1, 2, (float) LOGIT + 1, 10, 10, 10, 10); // (32, 16): overlaps level 0's box by IoU 0.19
    point(out, 2, 1, 0, (float) LOGIT - 1, 0, 20, 30, 12); // (0, 32)
    return out;
  }

  private static void point(List<float[]> out, int level, int row, int col, float logit, float... ltrb) {
    int cols = GRIDS[level][0];
    int cells = cols * GRIDS[level][1];
    out.get(level)[row * cols + col] = logit;
    for (int side = 0; side < 4; side++) {
      out.get(3 + level)[side * cells + row * cols + col] = ltrb[side];
    }
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  private static void assertThreeBoxes(List<PersonBox> boxes) {
    assertEquals(3, boxes.size());
    assertBox(boxes.get(0), 32 - 10, 16 - 10, 20, 20, sigmoid(LOGIT + 1));
    assertBox(boxes.get(1), 40 - 4, 16 - 6, 12, 16, sigmoid(LOGIT));
    assertBox(boxes.get(2), 0, 32 - 20, 30, 32, sigmoid(LOGIT - 1));
  }

  @Test
  void unnamedOutputsAreReadInTheDocumentedOrder() {
    assertThreeBoxes(new RtmdetDecoder(new BoxDecoderSettings(64, 48, List.of(), 0.5, 0.5, 10))
        .decode(outputs()));
  }

  @Test
  void namedOutputsAreFoundInAnyOrder() {
    List<float[]> documented = outputs();
    int[] order = {4, 0, 5, 2, 3, 1};
    List<String> names = new ArrayList<>();
    List<float[]> shuffled = new ArrayList<>();
    for (int i : order) {
      names.add(i < 3 ? "rtmdet_head.0." + i : "rtmdet_head.1." + (i - 3));
      shuffled.add(documented.get(i));
    }
    assertThreeBoxes(new RtmdetDecoder(new BoxDecoderSettings(64, 48, names, 0.5, 0.5, 10)).decode(shuffled));
  }

  @Test
  void aMapOfTheWrongSizeIsNamedWithItsLevel() {
    List<float[]> out = new ArrayList<>(outputs());
    out.set(4, new float[4 * 6 * 4]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new RtmdetDecoder(new BoxDecoderSettings(64, 48, List.of(), 0.5, 0.5, 10)).decode(out));
    assertTrue(e.getMessage().contains("stride 16 distances"), e.getMessage());
    assertTrue(BoxDecoders.STANDARD.names().containsAll(List.of("yolox", "rtmdet")));
  }
}
