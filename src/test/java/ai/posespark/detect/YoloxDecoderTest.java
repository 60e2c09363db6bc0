package ai.posespark.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code yolox} head on a hand-built grid: a 64 × 48 input has 8 × 6, 4 × 3 and 2 × 2 cells at strides 8, 16
 * and 32 (64 rows of 5 + 3 classes); one box per level in a known cell.
 */
class YoloxDecoderTest {
  private static final int ROW = 8;

  /** Sets the row of cell (r, c) of a level starting at {@code first} with {@code cols} columns. */
  private static void cell(float[] out, int first, int cols, int r, int c, float... values) {
    System.arraycopy(values, 0, out, (first + r * cols + c) * ROW, values.length);
  }

  private static float[] grid() {
    float[] out = new float[64 * ROW];
    float ln = (float) Math.log(2);
    cell(out, 0, 8, 2, 5, 0.5f, 0.25f, ln, (float) Math.log(3), 0.9f, 0.8f, 0.1f, 0.1f); // (44, 18) 16 × 24
    cell(out, 48, 4, 1, 1, 0, 0, 0, 0, 0.7f, 0.9f, 0, 0); // (16, 16) 16 × 16
    cell(out, 60, 2, 1, 0, 0.5f, 0.5f, 0, 0, 0.95f, 0.5f, 0, 0); // (16, 48) 32 × 32
    cell(out, 60, 2, 0, 1, 0.5f, 0.5f, 0, 0, 0.95f, 0.1f, 0.9f, 0); // class 1, not a person: (48, 16)
    return out;
  }

  @Test
  void eachLevelDecodesItsCellWithObjectnessTimesThePersonClass() {
    List<PersonBox> boxes = new YoloxDecoder(new BoxDecoderSettings(64, 48, List.of(), 0.3, 0.5, 10))
        .decode(List.of(grid()));
    assertEquals(3, boxes.size());
    assertBox(boxes.get(0), 44 - 8, 18 - 12, 16, 24, 0.9 * 0.8);
    assertBox(boxes.get(1), 16 - 8, 16 - 8, 16, 16, 0.7 * 0.9);
    assertBox(boxes.get(2), 0, 32, 32, 32, 0.95 * 0.5);
  }

  @Test
  void personClassAndStridesComeFromTheCodec() {
    List<PersonBox> boxes = new YoloxDecoder(new BoxDecoderSettings(64, 48, List.of(), 0.3, 0.5, 10,
        Map.of("personClass", 1))).decode(List.of(grid()));
    assertEquals(1, boxes.size());
    assertBox(boxes.get(0), 32, 0, 32, 32, 0.95 * 0.9);
    // two levels only: 48 + 12 cells
    float[] two = new float[60 * ROW];
    cell(two, 48, 4, 2, 3, 0, 0, 0, 0, 1, 1, 0, 0);
    boxes = new YoloxDecoder(new BoxDecoderSettings(64, 48, List.of(), 0.3, 0.5, 10,
        Map.of("strides", List.of(8, 16)))).decode(List.of(two));
    assertBox(boxes.get(0), 48 - 8, 32 - 8, 16, 16, 1);
  }

  @Test
  void aGridThatDoesNotFitOrTooFewClassesIsNamed() {
    BoxDecoderSettings s = new BoxDecoderSettings(64, 48, List.of(), 0.3, 0.5, 10, Map.of("personClass", 3));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new YoloxDecoder(s).decode(List.of(grid())));
    assertTrue(e.getMessage().contains("codec.personClass 3"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new YoloxDecoder(new BoxDecoderSettings(64, 48,
        List.of(), 0.3, 0.5, 10)).decode(List.of(new float[63 * ROW])));
    assertTrue(e.getMessage().contains("64 grid cells"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new YoloxDecoder(new BoxDecoderSettings(64, 48,
        List.of(), 0.3, 0.5, 10, Map.of("strides", List.of()))));
    assertTrue(e.getMessage().startsWith("yolox: codec.strides"), e.getMessage());
  }

  static void assertBox(PersonBox b, double x, double y, double w, double h, double score) {
    assertEquals(x, b.x(), 1e-4, "x");
    assertEquals(y, b.y(), 1e-4, "y");
    assertEquals(w, b.w(), 1e-4, "w");
    assertEquals(h, b.h(), 1e-4, "h");
    assertEquals(score, b.score(), 1e-6, "score");
  }
}
