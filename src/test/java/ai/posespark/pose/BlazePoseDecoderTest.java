package ai.posespark.pose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.posespark.decode.Letterbox;
import ai.posespark.model.ModelOutputs;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlazePoseDecoderTest {
  /** 512×256 into 256×256: scale 0.5, 64 rows of padding on top. */
  private final Letterbox box = Letterbox.fit(512, 256, 256, 256);

  /** ld_3d with landmark i at input (10 + i, 70 + 2i), visibility logit i - 20 (the 6 auxiliary ones far off). */
  private static float[] landmarks() {
    float[] ld = new float[39 * 5];
    for (int i = 0; i < 39; i++) {
      ld[i * 5] = i < 33 ? 10 + i : 1000;
      ld[i * 5 + 1] = i < 33 ? 70 + 2 * i : 1000;
      ld[i * 5 + 2] = 5;
      ld[i * 5 + 3] = i - 20;
      ld[i * 5 + 4] = 3;
    }
    return ld;
  }

  /** The lite graph's output order: world, heatmap (small stand-in), segmentation stand-in, poseflag, ld_3d. */
  private static List<float[]> outputs(float flag) {
    return List.of(new float[117], new float[64 * 39], new float[256], new float[] {flag}, landmarks());
  }

  @Test
  void cocoLayoutPicksTheMappedLandmarksInSourcePixels() {
    Person p = InSource.decode(new BlazePoseDecoder(BlazePoseDecoder.Layout.COCO_17, 0.5), outputs(0.9f), box)
        .get(0);
    assertEquals(0.9f, p.score());
    assertEquals(17, p.keypoints().size());
    for (int k = 0; k < 17; k++) {
      int i = BlazePoseDecoder.COCO_FROM_BLAZEPOSE[k];
      Keypoint kp = p.keypoints().get(k);
      assertEquals(Skeleton.COCO_17.get(k), kp.name());
      assertEquals(Skeleton.COCO_17.get(k), Skeleton.BLAZEPOSE_33.get(i), "the mapping joins equal names");
      assertEquals((10 + i) * 2, kp.x(), 1e-4);
      assertEquals((70 + 2 * i - 64) * 2, kp.y(), 1e-4);
      assertEquals(ModelOutputs.sigmoid(i - 20), kp.score(), 1e-6);
    }
  }

  @Test
  void fullLayoutWritesAll33BodyLandmarksWhateverTheOutputOrder() {
    List<float[]> fullOrder = List.of(new float[] {0.9f}, new float[64 * 39], landmarks(), new float[117],
        new float[256]);
    Person p = InSource.decode(new BlazePoseDecoder(BlazePoseDecoder.Layout.BLAZEPOSE_33, 0.5), fullOrder, box)
        .get(0);
    assertEquals(Skeleton.BLAZEPOSE_33.size(), p.keypoints().size());
    assertEquals("right_foot_index", p.keypoints().get(32).name());
    assertEquals((10 + 32) * 2, p.keypoints().get(32).x(), 1e-4);
  }

  @Test
  void noPersonBelowThePoseFlagAndMissingLandmarksAreReported() {
    assertEquals(0, new BlazePoseDecoder(BlazePoseDecoder.Layout.COCO_17, 0.5).decode(outputs(0.3f)).size());
    assertThrows(IllegalArgumentException.class, () -> new BlazePoseDecoder(BlazePoseDecoder.Layout.COCO_17, 0)
        .decode(List.of(new float[] {1}, new float[33 * 5])));
    assertThrows(IllegalArgumentException.class, () -> new BlazePoseDecoder(null, 0));
  }
}
