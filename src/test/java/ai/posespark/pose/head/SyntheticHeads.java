package ai.posespark.pose.head;

import ai.posespark.pose.DecoderSettings;
import ai.posespark.pose.GrouperSettings;
import ai.posespark.pose.Keypoint;
import ai.posespark.pose.Person;
import ai.posespark.pose.Skeleton;
import java.util.List;
import java.util.Map;

/** Hand-built head outputs whose answer is known, and settings for the codecs under test. */
final class SyntheticHeads {
  private SyntheticHeads() {}

  /** COCO-17 settings for a {@code width × height} input with the given {@code codec:} map. */
  static DecoderSettings settings(int width, int height, double minPersonScore, Map<String, Object> codec) {
    return new DecoderSettings(width, height, List.of(), minPersonScore, null, GrouperSettings.DEFAULTS,
        Skeleton.COCO_17, codec);
  }

  /**
   * {@code [K, h, w]} maps, map k a Gaussian of {@code sigma} cells and height {@code peak} centred at cell
   * coordinates {@code centres[k] = {x, y}} (cell (r, c) at (c, r)).
   */
  static float[] gaussians(int h, int w, double[][] centres, double sigma, float peak) {
    float[] maps = new float[centres.length * h * w];
    for (int k = 0; k < centres.length; k++) {
      for (int r = 0; r < h; r++) {
        for (int c = 0; c < w; c++) {
          double d2 = (c - centres[k][0]) * (c - centres[k][0]) + (r - centres[k][1]) * (r - centres[k][1]);
          maps[(k * h + r) * w + c] = (float) (peak * Math.exp(-d2 / (2 * sigma * sigma)));
        }
      }
    }
    return maps;
  }

  /** K distinct sub-cell centres spread over an {@code h × w} map, away from its borders. */
  static double[][] spreadCentres(int k, int h, int w) {
    double[][] c = new double[k][];
    for (int i = 0; i < k; i++) {
      // fractions 0.1 .. 0.9 in both axes so every direction of rounding is exercised
      c[i] = new double[] {4 + (i * 7) % (w - 8) + 0.1 + 0.05 * i, 4 + (i * 11) % (h - 8) + 0.9 - 0.05 * i};
    }
    return c;
  }

  /** Largest distance between decoded keypoint k and {@code expected[k]} (input pixels). */
  static double maxError(Person p, double[][] expected) {
    double worst = 0;
    for (int k = 0; k < expected.length; k++) {
      Keypoint kp = p.keypoints().get(k);
      worst = Math.max(worst, Math.hypot(kp.x() - expected[k][0], kp.y() - expected[k][1]));
    }
    return worst;
  }
}
