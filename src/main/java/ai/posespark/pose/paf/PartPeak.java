package ai.posespark.pose.paf;

import ai.posespark.pose.FeatureGrid;
import ai.posespark.pose.HeatmapPeak;
import ai.posespark.pose.PartCandidate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A part candidate: a 3×3 local maximum of its part's confidence map, refined below the cell.
 *
 * @param part  part index (heatmap channel)
 * @param row   refined row, cell units (cell r's centre at r)
 * @param col   refined column, cell units
 * @param score the map's value at the maximum's cell
 */
public record PartPeak(int part, double row, double col, float score) {

  /**
   * Every part's candidates, as the reference finds them: cells reaching {@code threshold} that no 3×3 neighbour
   * exceeds ({@link PartCandidate#localMaxima}), each refined by {@link HeatmapPeak#at}. A plateau of equal
   * maxima (a joint exactly between two cell centres) is one candidate, its first cell in row-major order; the
   * parabola then puts it between them.
   *
   * @param heatmaps  part confidence maps {@code (H, W, K)}, without a background channel (whose plateau would
   *                  be all candidates)
   * @param threshold smallest candidate score
   * @param max       most candidates per part, best first
   * @return per part its candidates, best first
   */
  public static List<List<PartPeak>> find(FeatureGrid heatmaps, float threshold, int max) {
    int parts = heatmaps.channels();
    List<List<PartPeak>> out = new ArrayList<>(parts);
    for (int k = 0; k < parts; k++) {
      out.add(new ArrayList<>());
    }
    List<PartCandidate> maxima = PartCandidate.localMaxima(heatmaps, threshold, 1);
    Set<Long> cells = new HashSet<>();
    for (PartCandidate c : maxima) {
      cells.add(key(heatmaps, c.part(), c.row(), c.col()));
    }
    for (PartCandidate c : maxima) {
      if (out.get(c.part()).size() < max && !plateauContinuation(heatmaps, c, cells)) {
        HeatmapPeak p = HeatmapPeak.at(heatmaps, c.part(), c.row(), c.col());
        out.get(c.part()).add(new PartPeak(c.part(), p.row(), p.col(), c.score()));
      }
    }
    return out;
  }

  /** Whether an equal maximum of the same part precedes {@code c} among its 3×3 neighbours. */
  private static boolean plateauContinuation(FeatureGrid maps, PartCandidate c, Set<Long> cells) {
    for (int r = Math.max(0, c.row() - 1); r <= c.row(); r++) {
      for (int col = Math.max(0, c.col() - 1); col <= Math.min(maps.width() - 1, c.col() + 1); col++) {
        boolean before = r < c.row() || col < c.col();
        if (before && maps.get(r, col, c.part()) == c.score() && cells.contains(key(maps, c.part(), r, col))) {
          return true;
        }
      }
    }
    return false;
  }

  private static long key(FeatureGrid maps, int part, int row, int col) {
    return ((long) part * maps.height() + row) * maps.width() + col;
  }
}
