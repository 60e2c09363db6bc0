package ai.posespark.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CenterNet decoding on hand-made rows, then on TF.js's own outputs (golden file) against COCO's person boxes. */
class CenterNetDecoderTest {
  private static final List<String> NAMES = List.of("tower_0/wh", "tower_0/keypoints", "tower_0/detections");

  @Test
  void keepsPersonsAboveTheThresholdAfterNms() {
    float[] rows = {
        50, 0, 60, 10, 0.95f, 30, // skis: not a person
        10, 20, 110, 220, 0.9f, 0,
        12, 22, 112, 222, 0.8f, 0, // duplicate of the one above
        300, 20, 380, 220, 0.5f, 0,
        400, 20, 480, 220, 0.1f, 0, // below the threshold
        0, 0, 0, 0, 0, 0};
    CenterNetDecoder d = new CenterNetDecoder(new BoxDecoderSettings(512, 512, NAMES, 0.2, 0.5, 10));
    List<PersonBox> boxes = d.decode(List.of(new float[4], new float[80], rows));
    assertEquals(List.of(new PersonBox(10, 20, 100, 200, 0.9f), new PersonBox(300, 20, 80, 200, 0.5f)), boxes);
  }

  @Test
  void everyPersonOf197388IsFoundWithIouAboveHalf() throws Exception {
    DetectorGolden g = DetectorGolden.load("centernet", "000000197388");
    BoxDecoder d = new CenterNetDecoder(g.settings(g.names(), 0.2, 0.5, 20));
    double[] ious = g.report("centernet 197388 (minScore 0.2, NMS 0.5)", g.decodeInSource(d));
    for (int i = 0; i < ious.length; i++) {
      assertTrue(ious[i] >= 0.5, "GT " + i + ": IoU " + ious[i]);
    }
  }
}
