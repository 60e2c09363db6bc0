package ai.posespark.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.posespark.decode.Letterbox;
import org.junit.jupiter.api.Test;

class PersonBoxTest {
  @Test
  void iouOfIdenticalDisjointAndHalfOverlappingBoxes() {
    PersonBox a = new PersonBox(0, 0, 10, 10, 1);
    assertEquals(1, a.iou(a), 1e-12);
    assertEquals(0, a.iou(new PersonBox(10, 0, 10, 10, 1)), 1e-12, "touching edges do not overlap");
    assertEquals(50.0 / 150, a.iou(new PersonBox(5, 0, 10, 10, 1)), 1e-9);
    assertEquals(25.0 / 100, new PersonBox(2.5f, 2.5f, 5, 5, 1).iou(a), 1e-9, "inside: small / large");
    PersonBox empty = new PersonBox(3, 3, 0, 0, 1);
    assertEquals(0, empty.iou(empty), 1e-12);
  }

  @Test
  void coverageIsTheShareOfThisBoxInsideTheOther() {
    PersonBox small = new PersonBox(2, 2, 4, 4, 1);
    PersonBox large = new PersonBox(0, 0, 10, 10, 1);
    assertEquals(1, small.coveredBy(large), 1e-12);
    assertEquals(0.16, large.coveredBy(small), 1e-9);
  }

  @Test
  void ofCornersNeverMakesANegativeSize() {
    PersonBox b = PersonBox.ofCorners(5, 6, 2, 9, 0.5);
    assertEquals(5, b.x());
    assertEquals(0, b.w());
    assertEquals(3, b.h());
    assertThrows(IllegalArgumentException.class, () -> new PersonBox(0, 0, -1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new PersonBox(Float.NaN, 0, 1, 1, 1));
  }

  @Test
  void toSourceUndoesTheLetterbox() {
    Letterbox lb = Letterbox.fit(640, 392, 512, 512);
    PersonBox source = new PersonBox(139.4f, 102.2f, 222.4f, 241.6f, 0.8f);
    PersonBox input = PersonBox.ofCorners(lb.toInputX(source.x()), lb.toInputY(source.y()),
        lb.toInputX(source.right()), lb.toInputY(source.bottom()), source.score());
    PersonBox back = input.toSource(lb);
    assertEquals(source.x(), back.x(), 1e-3);
    assertEquals(source.y(), back.y(), 1e-3);
    assertEquals(source.w(), back.w(), 1e-3);
    assertEquals(source.h(), back.h(), 1e-3);
    assertEquals(0.8f, back.score());
  }

  @Test
  void toSourceClampsToTheFrame() {
    Letterbox lb = Letterbox.fit(640, 392, 512, 512);
    PersonBox back = new PersonBox(-20, 0, 600, 600, 1).toSource(lb);
    assertEquals(0, back.x());
    assertEquals(0, back.y(), "the padding above the image maps above row 0");
    assertEquals(640, back.right(), 1e-3);
    assertEquals(392, back.bottom(), 1e-3);
  }
}
