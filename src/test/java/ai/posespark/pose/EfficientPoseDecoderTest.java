package ai.posespark.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.decode.Letterbox;
import java.util.List;
import org.junit.jupiter.api.Test;

class EfficientPoseDecoderTest {
  private static final int SIZE = 92;
  /** 736×368 into the 368 input, maps at a quarter of the input: 4 source pixels per map cell horizontally. */
  private final Letterbox box = Letterbox.fit(736, 368, 368, 368);

  /** Joint j peaks (value 0.5 + j/40) at map cell (25 + 2.5j + 0.25, 10 + 4j + 0.4), inside the image band. */
  private static float[] maps() {
    float[] data = new float[SIZE * SIZE * 16];
    for (int j = 0; j < 16; j++) {
      float[] one = HeatmapPeakTest.gaussian(SIZE, SIZE, 25 + 2.5 * j + 0.25, 10 + 4 * j + 0.4, 2.5, 0.5f + j / 40f);
      for (int i = 0; i < one.length; i++) {
        data[i * 16 + j] = one[i];
      }
    }
    return data;
  }

  /** Source pixels of map cell coordinates (cell centres at +0.5). */
  private double[] source(double row, double col) {
    return new double[] {box.toSourceX((col + 0.5) * 4), box.toSourceY((row + 0.5) * 4)};
  }

  private List<Person> decode(EfficientPoseDecoder.Layout layout, double minPersonScore) {
    return InSource.decode(new EfficientPoseDecoder(layout, 368, 368, minPersonScore), List.of(maps()), box);
  }

  @Test
  void jointsAreTheRefinedPeaksInSourcePixels() {
    Person p = decode(EfficientPoseDecoder.Layout.EFFICIENTPOSE_16, 0)
        .get(0);
    assertEquals(16, p.keypoints().size());
    double mean = 0;
    for (int j = 0; j < 16; j++) {
      Keypoint kp = p.keypoints().get(j);
      double[] expected = source(25 + 2.5 * j + 0.25, 10 + 4 * j + 0.4);
      assertEquals(Skeleton.EFFICIENTPOSE_16.get(j), kp.name());
      assertTrue(Math.hypot(kp.x() - expected[0], kp.y() - expected[1]) < 0.1 * 8, kp + " vs " + expected[0]);
      mean += (0.5 + j / 40.0) / 16;
    }
    assertEquals(mean, p.score(), 0.02, "mean of the argmax-cell values, just under the true peaks");
  }

  @Test
  void cocoLayoutMapsLimbsAndMarksTheFaceAsNotPredicted() {
    Person coco = decode(EfficientPoseDecoder.Layout.COCO_17, 0)
        .get(0);
    Person own = decode(EfficientPoseDecoder.Layout.EFFICIENTPOSE_16, 0)
        .get(0);
    assertEquals(Skeleton.COCO_17, coco.keypoints().stream().map(Keypoint::name).toList());
    for (int k = 5; k < 17; k++) {
      Keypoint from = own.keypoints().get(EfficientPoseDecoder.COCO_FROM_EFFICIENTPOSE[k]);
      assertEquals(Skeleton.COCO_17.get(k), from.name(), "mapping joins equal names");
      assertEquals(from.x(), coco.keypoints().get(k).x());
      assertEquals(from.score(), coco.keypoints().get(k).score());
    }
    Keypoint head = own.keypoints().get(0);
    Keypoint neck = own.keypoints().get(1);
    for (int k = 0; k < 5; k++) {
      assertEquals(0, coco.keypoints().get(k).score());
      assertEquals((head.x() + neck.x()) / 2, coco.keypoints().get(k).x(), 1e-3);
    }
  }

  @Test
  void aWeakFrameHasNobodyAndAWrongSizeIsReported() {
    assertEquals(0, decode(EfficientPoseDecoder.Layout.COCO_17, 0.9)
        .size());
    assertThrows(IllegalArgumentException.class, () -> new EfficientPoseDecoder(EfficientPoseDecoder.Layout.COCO_17,
        368, 368, 0).decode(List.of(new float[100 * 16 + 3])));
  }
}
