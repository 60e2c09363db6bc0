package ai.posespark.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.posespark.decode.Letterbox;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoveNetDecoderTest {
  /** 640×425 into 256×256: scaled 256×170, 43 rows of padding on top. */
  private final Letterbox box = Letterbox.fit(640, 425, 256, 256);

  /** Normalised (y, x) in the model input of a source pixel. */
  private float[] normalised(double srcX, double srcY) {
    return new float[] {(float) (box.toInputY(srcY) / 256), (float) (box.toInputX(srcX) / 256)};
  }

  @Test
  void singleposeKeypointsMapBackToSourcePixels() {
    float[] out = new float[51];
    for (int k = 0; k < 17; k++) {
      float[] yx = normalised(20 + 30 * k, 10 + 20 * k);
      out[k * 3] = yx[0];
      out[k * 3 + 1] = yx[1];
      out[k * 3 + 2] = 0.5f;
    }
    List<Person> people = InSource.decode(new MoveNetDecoder(false, 256, 256, 0.2), List.of(out), box);
    assertEquals(1, people.size());
    Person p = people.get(0);
    assertEquals(0.5f, p.score(), 1e-6);
    for (int k = 0; k < 17; k++) {
      Keypoint kp = p.keypoints().get(k);
      assertEquals(Skeleton.COCO_17.get(k), kp.name());
      assertEquals(20 + 30 * k, kp.x(), 1e-3);
      assertEquals(10 + 20 * k, kp.y(), 1e-3);
    }
    assertEquals(20, p.bbox().x(), 1e-3);
    assertEquals(480, p.bbox().w(), 1e-3);
  }

  @Test
  void singleposeBelowThresholdIsDropped() {
    float[] out = new float[51];
    assertEquals(0, InSource.decode(new MoveNetDecoder(false, 256, 256, 0.2), List.of(out), box).size());
  }

  @Test
  void multiposeKeepsScoringCandidatesBestFirstWithTheirBoxes() {
    float[] out = new float[6 * 56];
    float[] scores = {0.3f, 0.05f, 0.9f, 0, 0, 0};
    for (int p = 0; p < 6; p++) {
      int base = p * 56;
      float[] tl = normalised(100 + p, 50);
      float[] br = normalised(200 + p, 300);
      out[base + 51] = tl[0];
      out[base + 52] = tl[1];
      out[base + 53] = br[0];
      out[base + 54] = br[1];
      out[base + 55] = scores[p];
    }
    List<Person> people = InSource.decode(new MoveNetDecoder(true, 256, 256, 0.1), List.of(out), box);
    assertEquals(2, people.size());
    assertEquals(0.9f, people.get(0).score());
    assertEquals(102, people.get(0).bbox().x(), 1e-3);
    assertEquals(50, people.get(0).bbox().y(), 1e-3);
    assertEquals(100, people.get(0).bbox().w(), 1e-3);
    assertEquals(250, people.get(0).bbox().h(), 1e-3);
    assertEquals(0.3f, people.get(1).score());
  }

  @Test
  void pointsInThePaddingAreClampedToTheImage() {
    float[] out = new float[51];
    out[0] = 0.01f; // y in the top padding band
    out[1] = 0.5f;
    out[2] = 1f;
    Person p = InSource.decode(new MoveNetDecoder(false, 256, 256, 0), List.of(out), box).get(0);
    assertEquals(0, p.keypoints().get(0).y());
  }

  @Test
  void wrongOutputSizeIsReported() {
    assertThrows(IllegalArgumentException.class,
        () -> new MoveNetDecoder(false, 256, 256, 0).decode(List.of(new float[50])));
    assertThrows(IllegalArgumentException.class,
        () -> new MoveNetDecoder(true, 256, 256, 0).decode(List.of(new float[100])));
  }
}
