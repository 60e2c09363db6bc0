package ai.posespark.model.tfjs.ops;

import java.util.ArrayList;
import java.util.List;

/**
 * TF StridedSlice semantics resolved against a concrete input shape: per input dimension a (start, count, step)
 * selection, plus the output shape after new-axis insertion and shrink-axis removal.
 *
 * <p>Masks, bit i referring to entry i of begin/end/strides: {@code begin_mask}/{@code end_mask} ignore
 * begin/end (full range in the stride's direction); {@code ellipsis_mask} expands to as many full dimensions as
 * needed; {@code new_axis_mask} inserts a unit dimension; {@code shrink_axis_mask} takes the single index
 * {@code begin} and drops the dimension. Missing trailing entries select whole dimensions.
 */
record StridedSliceSpec(long[] start, long[] count, long[] step, long[] outputShape) {

  /** The masks of a StridedSlice node. */
  record Masks(long begin, long end, long ellipsis, long newAxis, long shrink) {}

  static StridedSliceSpec resolve(long[] shape, long[] begin, long[] end, long[] strides, Masks m) {
    int rank = shape.length;
    int entries = begin.length;
    int consumed = 0; // input dims named by non-ellipsis, non-new-axis entries
    for (int i = 0; i < entries; i++) {
      if ((m.ellipsis() >> i & 1) == 0 && (m.newAxis() >> i & 1) == 0) {
        consumed++;
      }
    }
    long[] start = new long[rank];
    long[] count = new long[rank];
    long[] step = new long[rank];
    List<Long> out = new ArrayList<>();
    int dim = 0;
    boolean sawEllipsis = false;
    for (int i = 0; i < entries; i++) {
      if ((m.ellipsis() >> i & 1) != 0 && !sawEllipsis) {
        sawEllipsis = true;
        int full = rank - consumed;
        for (int k = 0; k < full; k++, dim++) {
          whole(shape, dim, start, count, step, out);
        }
        continue;
      }
      if ((m.newAxis() >> i & 1) != 0) {
        out.add(1L);
        continue;
      }
      if (dim >= rank) {
        throw new IllegalArgumentException("StridedSlice has more entries than the input's rank " + rank);
      }
      long size = shape[dim];
      long s = strides[i];
      if (s == 0) {
        throw new IllegalArgumentException("StridedSlice stride 0");
      }
      if ((m.shrink() >> i & 1) != 0) {
        long b = begin[i] < 0 ? begin[i] + size : begin[i];
        if (b < 0 || b >= size) {
          throw new IllegalArgumentException("StridedSlice index " + begin[i] + " out of [0, " + size + ")");
        }
        start[dim] = b;
        count[dim] = 1;
        step[dim] = 1;
        dim++;
        continue;
      }
      long b;
      long e;
      if (s > 0) {
        b = (m.begin() >> i & 1) != 0 ? 0 : clamp(begin[i] < 0 ? begin[i] + size : begin[i], 0, size);
        e = (m.end() >> i & 1) != 0 ? size : clamp(end[i] < 0 ? end[i] + size : end[i], 0, size);
        count[dim] = Math.max(0, (e - b + s - 1) / s);
      } else {
        b = (m.begin() >> i & 1) != 0 ? size - 1 : clamp(begin[i] < 0 ? begin[i] + size : begin[i], -1, size - 1);
        e = (m.end() >> i & 1) != 0 ? -1 : clamp(end[i] < 0 ? end[i] + size : end[i], -1, size - 1);
        count[dim] = Math.max(0, (b - e + (-s) - 1) / (-s));
      }
      start[dim] = b;
      step[dim] = s;
      out.add(count[dim]);
      dim++;
    }
    while (dim < rank) {
      whole(shape, dim++, start, count, step, out);
    }
    return new StridedSliceSpec(start, count, step, out.stream().mapToLong(Long::longValue).toArray());
  }

  private static void whole(long[] shape, int dim, long[] start, long[] count, long[] step, List<Long> out) {
    start[dim] = 0;
    count[dim] = shape[dim];
    step[dim] = 1;
    out.add(shape[dim]);
  }

  private static long clamp(long v, long lo, long hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  /** Whether the selection is the whole input (a no-op apart from the reshape). */
  boolean selectsAll(long[] shape) {
    for (int d = 0; d < shape.length; d++) {
      if (start[d] != 0 || count[d] != shape[d] || step[d] != 1) {
        return false;
      }
    }
    return true;
  }
}
