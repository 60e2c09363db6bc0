package ai.posespark.pose.head;

import static ai.posespark.pose.head.SyntheticHeads.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.pose.DecoderSettings;
import ai.posespark.pose.GrouperSettings;
import ai.posespark.pose.Keypoint;
import ai.posespark.pose.Person;
import ai.posespark.pose.PoseDecoders;
import ai.posespark.pose.Skeleton;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code simcc} codec on vectors with one known peak per keypoint and axis. */
class SimccDecoderTest {
  private static final int W = 192;
  private static final int H = 256;
  private static final int K = 17;

  /** {@code [K, bins]} vectors, vector k peaking with {@code peaks[k]} at bin {@code at[k]}, 0.1 elsewhere. */
  private static float[] vectors(int bins, int[] at, float[] peaks) {
    float[] v = new float[K * bins];
    Arrays.fill(v, 0.1f);
    for (int k = 0; k < K; k++) {
      v[k * bins + at[k]] = peaks[k];
    }
    return v;
  }

  private static int[] bins(int first, int step) {
    int[] b = new int[K];
    for (int k = 0; k < K; k++) {
      b[k] = first + step * k;
    }
    return b;
  }

  private static float[] scores(float first, float step) {
    float[] s = new float[K];
    for (int k = 0; k < K; k++) {
      s[k] = first + step * k;
    }
    return s;
  }

  @Test
  void locationIsTheArgmaxBinOverTheSplitRatioAndScoreTheSmallerMaximum() {
    for (double ratio : new double[] {2.0, 1.5}) {
      int bx = (int) Math.round(W * ratio);
      int by = (int) Math.round(H * ratio);
      int[] atX = bins(3, 17);
      int[] atY = bins(7, 22);
      float[] px = scores(0.9f, -0.02f);
      float[] py = scores(0.5f, 0.03f);
      DecoderSettings s = settings(W, H, 0, ratio == 2.0 ? Map.of() : Map.of("splitRatio", ratio));
      Person p = new SimccDecoder(s).decode(List.of(vectors(bx, atX, px), vectors(by, atY, py))).get(0);
      double mean = 0;
      for (int k = 0; k < K; k++) {
        Keypoint kp = p.keypoints().get(k);
        assertEquals(Skeleton.COCO_17.get(k), kp.name());
        assertEquals(atX[k] / ratio + 0.5, kp.x(), 1e-5, "x of " + k + " at ratio " + ratio);
        assertEquals(atY[k] / ratio + 0.5, kp.y(), 1e-5, "y of " + k);
        assertEquals(Math.min(px[k], py[k]), kp.score(), 1e-6);
        mean += Math.min(px[k], py[k]) / K;
      }
      assertEquals(mean, p.score(), 1e-5);
    }
  }

  @Test
  void aKeypointWithoutAPositiveScoreGetsTheSentinelBinAndFirstMaximumWins() {
    float[] px = scores(0.9f, 0);
    px[3] = -0.2f;
    float[] x = vectors(384, bins(10, 1), px);
    for (int b = 0; b < 384; b++) {
      x[3 * 384 + b] = -0.5f;
    }
    x[3 * 384 + 100] = -0.2f;
    float[] y = vectors(512, bins(10, 1), scores(0.9f, 0));
    y[5 * 512 + 300] = 0.9f; // a tie with bin 15: np.argmax keeps the first
    Person p = new SimccDecoder(settings(W, H, 0, Map.of())).decode(List.of(x, y)).get(0);
    assertEquals(-1 / 2.0 + 0.5, p.keypoints().get(3).x(), 1e-6);
    assertEquals(-1 / 2.0 + 0.5, p.keypoints().get(3).y(), 1e-6);
    assertEquals(15 / 2.0 + 0.5, p.keypoints().get(5).y(), 1e-6);
  }

  @Test
  void outputsAreFoundByNameInEitherOrder() {
    float[] x = vectors(384, bins(40, 3), scores(0.8f, 0));
    float[] y = vectors(512, bins(50, 5), scores(0.8f, 0));
    DecoderSettings named = new DecoderSettings(W, H, List.of("simcc_y", "simcc_x"), 0, null,
        GrouperSettings.DEFAULTS, null, Map.of());
    Keypoint k = new SimccDecoder(named).decode(List.of(y, x)).get(0).keypoints().get(2);
    assertEquals(46 / 2.0 + 0.5, k.x(), 1e-6);
    assertEquals(60 / 2.0 + 0.5, k.y(), 1e-6);
  }

  @Test
  void unflipReversesXSwapsPairsAndKeepsY() {
    SimccDecoder d = new SimccDecoder(settings(W, H, 0, Map.of()));
    int[] atX = bins(3, 20);
    int[] atY = bins(7, 29);
    List<float[]> mirrored = List.of(vectors(384, atX, scores(0.9f, 0)), vectors(512, atY, scores(0.9f, 0)));
    Person p = d.decode(d.unflip(mirrored)).get(0);
    int[] partner = FlipPairs.indices(Skeleton.COCO_17);
    for (int k = 0; k < K; k++) {
      Keypoint kp = p.keypoints().get(k);
      assertEquals((383 - atX[partner[k]]) / 2.0 + 0.5, kp.x(), 1e-6, "x of " + kp.name());
      assertEquals(atY[partner[k]] / 2.0 + 0.5, kp.y(), 1e-6, "y of " + kp.name());
    }
    // a mirrored keypoint decodes 1 − 1/r input pixels right of where the un-mirrored one does
    double x = 100.5; // on a bin: pixel-centre coordinate 100 = bin 200
    int mirroredBin = (int) ((W - x - 0.5) * 2);
    assertEquals(x + 1 - 1 / 2.0, (383 - mirroredBin) / 2.0 + 0.5, 1e-9);
  }

  @Test
  void badParametersAndSizesAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SimccDecoder(settings(W, H, 0, Map.of("splitRatio", 0))));
    assertTrue(e.getMessage().startsWith("simcc: codec.splitRatio"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new SimccDecoder(settings(W, H, 0, Map.of("simccSplitRatio", 2))));
    assertTrue(e.getMessage().startsWith("simcc: codec.simccSplitRatio"), e.getMessage());
    SimccDecoder d = new SimccDecoder(settings(W, H, 0, Map.of()));
    e = assertThrows(IllegalArgumentException.class,
        () -> d.decode(List.of(new float[K * 192], new float[K * 512])));
    assertTrue(e.getMessage().contains("simcc_x") && e.getMessage().contains("384 bins"), e.getMessage());
    assertTrue(PoseDecoders.STANDARD.get("simcc").singlePerson());
  }
}
