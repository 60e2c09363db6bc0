package ai.posespark.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * One level of a detector's feature pyramid: its stride and grid, ⌈W/stride⌉ × ⌈H/stride⌉ cells (what stride-2
 * convolutions with padding leave of a W × H input), read row-major.
 *
 * @param stride input pixels per cell
 * @param cols   cells per row
 * @param rows   rows
 */
record GridLevel(int stride, int cols, int rows) {

  /** The levels at {@code strides} of a {@code width × height} input, in that order. */
  static List<GridLevel> of(int[] strides, int width, int height) {
    List<GridLevel> levels = new ArrayList<>(strides.length);
    for (int s : strides) {
      levels.add(new GridLevel(s, (width + s - 1) / s, (height + s - 1) / s));
    }
    return levels;
  }

  /** Cells of this level. */
  int cells() {
    return cols * rows;
  }
}
