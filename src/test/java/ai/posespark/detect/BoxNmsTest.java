package ai.posespark.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class BoxNmsTest {
  private static final PersonBox A = new PersonBox(0, 0, 100, 200, 0.9f);
  private static final PersonBox A_DUPLICATE = new PersonBox(5, 5, 100, 200, 0.7f);
  private static final PersonBox B = new PersonBox(300, 0, 100, 200, 0.8f);
  private static final PersonBox B_NEIGHBOUR = new PersonBox(360, 0, 100, 200, 0.6f);

  @Test
  void overlappingDuplicatesAreSuppressedAndDistinctBoxesKeptBestFirst() {
    assertEquals(List.of(A, B), BoxNms.apply(List.of(A_DUPLICATE, B, A), 0.5, 10));
  }

  @Test
  void theThresholdDecidesForPartialOverlap() {
    double iou = B.iou(B_NEIGHBOUR);
    assertEquals(40.0 / 160, iou, 1e-6);
    assertEquals(List.of(B, B_NEIGHBOUR), BoxNms.apply(List.of(B_NEIGHBOUR, B), 0.3, 10));
    assertEquals(List.of(B), BoxNms.apply(List.of(B_NEIGHBOUR, B), 0.2, 10));
    assertEquals(List.of(B, B_NEIGHBOUR), BoxNms.apply(List.of(B_NEIGHBOUR, B), iou, 10), "only above suppresses");
  }

  @Test
  void maxBoxesIsHonouredAfterSuppression() {
    List<PersonBox> all = List.of(A, A_DUPLICATE, B, B_NEIGHBOUR);
    assertEquals(List.of(A), BoxNms.apply(all, 0.5, 1));
    assertEquals(List.of(A, B, B_NEIGHBOUR), BoxNms.apply(all, 0.5, 3));
    assertEquals(List.of(), BoxNms.apply(all, 0.5, 0));
  }

  @Test
  void equalScoresKeepTheirInputOrder() {
    PersonBox first = new PersonBox(0, 0, 10, 10, 0.5f);
    PersonBox second = new PersonBox(1, 1, 10, 10, 0.5f);
    assertEquals(List.of(first), BoxNms.apply(List.of(first, second), 0.5, 5));
    assertArrayEquals(new int[] {1}, BoxNms.keep(List.of(new PersonBox(1, 1, 10, 10, 0.1f), first), 0.5, 5));
  }

  @Test
  void badSettingsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> BoxNms.apply(List.of(A), 1.5, 1));
    assertThrows(IllegalArgumentException.class, () -> BoxNms.apply(List.of(A), Double.NaN, 1));
    assertThrows(IllegalArgumentException.class, () -> BoxNms.apply(List.of(A), 0.5, -1));
    assertEquals(List.of(), BoxNms.apply(List.of(), 0.5, 3));
  }
}
