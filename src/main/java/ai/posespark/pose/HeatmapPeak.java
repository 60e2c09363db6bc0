package ai.posespark.pose;

/**
 * The maximum of one confidence map, refined below the cell: argmax, then per axis the vertex of the parabola
 * through the peak and its two neighbours (a second-order Taylor step, {@code -f'/f''}), limited to half a cell.
 * Argmax alone quantises to the map's cells; CPM-style maps are smooth bumps, so the parabola recovers most of
 * that lost precision at no cost.
 *
 * @param row   refined row, in cell units; cell r's centre is at {@code r} (add 0.5 for continuous coordinates)
 * @param col   refined column, same convention
 * @param value the map's value at the argmax cell
 */
public record HeatmapPeak(double row, double col, float value) {

  /** The refined peak of channel {@code channel} of {@code maps}. */
  public static HeatmapPeak of(FeatureGrid maps, int channel) {
    int bestR = 0;
    int bestC = 0;
    float best = Float.NEGATIVE_INFINITY;
    for (int r = 0; r < maps.height(); r++) {
      for (int c = 0; c < maps.width(); c++) {
        float v = maps.get(r, c, channel);
        if (v > best) {
          best = v;
          bestR = r;
          bestC = c;
        }
      }
    }
    return at(maps, channel, bestR, bestC);
  }

  /**
   * The peak at cell {@code (row, col)} of channel {@code channel}, refined as {@link #of} refines the argmax: for
   * decoders that find several peaks per map (local maxima) and refine each.
   */
  public static HeatmapPeak at(FeatureGrid maps, int channel, int row, int col) {
    float value = maps.get(row, col, channel);
    double dr = 0;
    double dc = 0;
    if (row > 0 && row < maps.height() - 1) {
      dr = vertexShift(maps.get(row - 1, col, channel), value, maps.get(row + 1, col, channel));
    }
    if (col > 0 && col < maps.width() - 1) {
      dc = vertexShift(maps.get(row, col - 1, channel), value, maps.get(row, col + 1, channel));
    }
    return new HeatmapPeak(row + dr, col + dc, value);
  }

  /** Offset of the parabola's vertex through (-1, before), (0, at), (1, after); 0 where it is not a maximum. */
  static double vertexShift(float before, float at, float after) {
    double curvature = before - 2.0 * at + after;
    if (!(curvature < 0)) {
      return 0;
    }
    double shift = -(after - before) / (2 * curvature);
    return Math.max(-0.5, Math.min(0.5, shift));
  }
}
