package ai.posespark.pose.paf;

import ai.posespark.pose.FeatureGrid;
import java.util.List;

/**
 * Scores candidate limbs by the line integral of their PAF, as CMU's Python demo does: {@code midSamples} points
 * evenly spaced from candidate A to candidate B (both ends included); at each the PAF's component along the unit
 * vector A→B; the connection's score is the mean of those components plus the distance prior
 * {@code min(0.5 · H / |AB| − 1, 0)} (a limb longer than half the map's height is penalised). A connection is
 * possible only when more than {@code minSuccessRatio} of the samples exceed {@code pafThreshold} and the score is
 * positive; coincident candidates are never connected.
 *
 * <p>Samples are read by bilinear interpolation of the grid: the demo reads the nearest pixel of maps upsampled
 * to input resolution, which on the grid is the same interpolation, on only the sampled points.
 */
final class LimbScorer {
  private final int samples;
  private final float pafThreshold;
  private final double minSuccessRatio;
  private final double peakWeight;

  LimbScorer(PafSettings settings) {
    this.samples = settings.midSamples();
    this.pafThreshold = settings.pafThreshold();
    this.minSuccessRatio = settings.minSuccessRatio();
    this.peakWeight = settings.peakWeight();
  }

  /**
   * The score matrix of one limb.
   *
   * @param pafs PAF maps {@code (H, W, 2L)}
   * @return {@code (nA, nB)}: the score of connecting candidate i of {@code a} to candidate j of {@code b}, 0 where
   *     they may not be connected
   */
  double[][] scores(FeatureGrid pafs, PafTopology.Limb limb, List<PartPeak> a, List<PartPeak> b) {
    double[][] out = new double[a.size()][b.size()];
    for (int i = 0; i < a.size(); i++) {
      for (int j = 0; j < b.size(); j++) {
        out[i][j] = score(pafs, limb, a.get(i), b.get(j));
      }
    }
    return out;
  }

  /**
   * What the matching ranks connections by: each possible connection's score plus {@code peakWeight} times its
   * two candidates' peak scores ({@link PafSettings#peakWeight}); 0 where not connectable.
   */
  double[][] ranking(double[][] scores, List<PartPeak> a, List<PartPeak> b) {
    double[][] out = new double[a.size()][b.size()];
    for (int i = 0; i < a.size(); i++) {
      for (int j = 0; j < b.size(); j++) {
        out[i][j] = scores[i][j] > 0 ? scores[i][j] + peakWeight * (a.get(i).score() + b.get(j).score()) : 0;
      }
    }
    return out;
  }

  /** The score of connecting {@code a} to {@code b}, or 0 when the connection fails either criterion. */
  double score(FeatureGrid pafs, PafTopology.Limb limb, PartPeak a, PartPeak b) {
    double dr = b.row() - a.row();
    double dc = b.col() - a.col();
    double length = Math.hypot(dr, dc);
    if (length < 1e-6) {
      return 0;
    }
    double ur = dr / length;
    double uc = dc / length;
    double sum = 0;
    int successes = 0;
    for (int s = 0; s < samples; s++) {
      double t = (double) s / (samples - 1);
      double row = a.row() + t * dr;
      double col = a.col() + t * dc;
      double along = uc * bilinear(pafs, row, col, limb.xChannel()) + ur * bilinear(pafs, row, col, limb.yChannel());
      sum += along;
      successes += along > pafThreshold ? 1 : 0;
    }
    double score = sum / samples + Math.min(0.5 * pafs.height() / length - 1, 0);
    return successes > minSuccessRatio * samples && score > 0 ? score : 0;
  }

  /** Channel {@code ch} at a continuous cell position, clamped to the grid. */
  static double bilinear(FeatureGrid g, double row, double col, int ch) {
    double r = Math.max(0, Math.min(g.height() - 1, row));
    double c = Math.max(0, Math.min(g.width() - 1, col));
    int r0 = (int) Math.floor(r);
    int c0 = (int) Math.floor(c);
    int r1 = Math.min(r0 + 1, g.height() - 1);
    int c1 = Math.min(c0 + 1, g.width() - 1);
    double fr = r - r0;
    double fc = c - c0;
    double top = g.get(r0, c0, ch) * (1 - fc) + g.get(r0, c1, ch) * fc;
    double bottom = g.get(r1, c0, ch) * (1 - fc) + g.get(r1, c1, ch) * fc;
    return top * (1 - fr) + bottom * fr;
  }
}
