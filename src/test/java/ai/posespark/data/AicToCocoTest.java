package ai.posespark.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AicToCocoTest {
  static CocoDataset aic() {
    return CocoKeypointsReader.read(SharedFixtures.uri("data/aic/test_aic.json"), SharedFixtures.CONF);
  }

  @Test
  void readsTheRealAicFile() {
    CocoDataset d = aic();
    assertEquals(3, d.images().size());
    assertEquals(9, d.annotations().size());
    assertEquals(14, d.annotations().get(0).keypointCount());
    assertEquals(AnnotationFormat.AIC, AnnotationFormat.detect(SharedFixtures.uri("data/aic/test_aic.json"),
        SharedFixtures.CONF));
    // AIC has no area: derived from the box
    PersonAnnotation a = d.annotations().get(0);
    assertFalse(a.areaFromFile());
    assertEquals(213 * 544 * 0.53, a.area(), 1e-9);
  }

  @Test
  void limbJointsAreCopiedAndFacePointsSynthesisedAndMarked() {
    CocoDataset aic = aic();
    CocoDataset coco = AicToCoco.convert(aic);
    assertEquals(Coco17.NAMES, coco.keypointNames());
    for (int i = 0; i < aic.annotations().size(); i++) {
      double[] src = aic.annotations().get(i).keypoints();
      PersonAnnotation c = coco.annotations().get(i);
      assertEquals(17, c.keypointCount());
      // left shoulder (COCO 5) is AIC 3, right ankle (COCO 16) is AIC 8
      assertArrayEquals(slice(src, 3), slice(c.keypoints(), Coco17.LEFT_SHOULDER), 0);
      assertArrayEquals(slice(src, 8), slice(c.keypoints(), Coco17.RIGHT_ANKLE), 0);
      for (int k = 5; k < 17; k++) {
        assertFalse(c.synthesised()[k]);
      }
      int real = 0;
      for (int k = 0; k < 17; k++) {
        real += !c.synthesised()[k] && c.keypoints()[3 * k + 2] > 0 ? 1 : 0;
      }
      assertEquals(real, c.numKeypoints());
    }
    // first person: head_top (395,74) and neck (372,170) labelled, both shoulders labelled
    PersonAnnotation c = coco.annotations().get(0);
    for (int k = 0; k < 5; k++) {
      assertTrue(c.synthesised()[k], "face point " + k);
      assertEquals(1, c.keypoints()[3 * k + 2], 0);
    }
    assertEquals(372 + 0.45 * 23, c.keypoints()[0], 1e-9);
    assertEquals(170 - 0.45 * 96, c.keypoints()[1], 1e-9);
    // the left eye is on the left shoulder's side (image right here: l_shoulder x 406 > r_shoulder x 313)
    assertTrue(c.keypoints()[3 * Coco17.LEFT_EYE] > c.keypoints()[3 * Coco17.RIGHT_EYE]);
    assertTrue(c.keypoints()[3 * Coco17.LEFT_EAR] > c.keypoints()[3 * Coco17.LEFT_EYE]);
  }

  @Test
  void noSynthesisWithoutTheHead() {
    double[] kp = new double[42];
    kp[3 * 12 + 2] = 0; // head_top unlabelled
    kp[3 * 13] = 10;
    kp[3 * 13 + 2] = 2;
    PersonAnnotation a = new PersonAnnotation(1, 1, 1, kp, new double[] {0, 0, 1, 1}, 1, true, false, 1, null,
        null);
    PersonAnnotation c = AicToCoco.convert(a);
    for (int k = 0; k < 5; k++) {
      assertFalse(c.synthesised()[k]);
      assertEquals(0, c.keypoints()[3 * k + 2], 0);
    }
  }

  private static double[] slice(double[] kp, int k) {
    return new double[] {kp[3 * k], kp[3 * k + 1], kp[3 * k + 2]};
  }
}
