package ai.posespark.pose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A heatmap cell that may be a body part: a local maximum of its part's score map above a threshold.
 *
 * @param part  keypoint index
 * @param row   grid row
 * @param col   grid column
 * @param score part probability at the cell
 */
public record PartCandidate(int part, int row, int col, float score) {

  /**
   * Every cell whose score reaches {@code threshold} and is not exceeded by any cell of the same part within
   * {@code radius} cells (a square window, clipped at the border; ties count as maxima, as in PoseNet).
   *
   * @param scores part probabilities {@code H × W × K}
   * @return candidates, best first (ties in row, column, part order)
   */
  public static List<PartCandidate> localMaxima(FeatureGrid scores, float threshold, int radius) {
    List<PartCandidate> out = new ArrayList<>();
    for (int r = 0; r < scores.height(); r++) {
      for (int c = 0; c < scores.width(); c++) {
        for (int k = 0; k < scores.channels(); k++) {
          float s = scores.get(r, c, k);
          if (s >= threshold && isLocalMaximum(scores, r, c, k, s, radius)) {
            out.add(new PartCandidate(k, r, c, s));
          }
        }
      }
    }
    out.sort(Comparator.comparingDouble(PartCandidate::score).reversed());
    return out;
  }

  private static boolean isLocalMaximum(FeatureGrid scores, int row, int col, int k, float s, int radius) {
    for (int r = Math.max(0, row - radius); r <= Math.min(scores.height() - 1, row + radius); r++) {
      for (int c = Math.max(0, col - radius); c <= Math.min(scores.width() - 1, col + radius); c++) {
        if (scores.get(r, c, k) > s) {
          return false;
        }
      }
    }
    return true;
  }
}
