package ai.posespark.source;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Presentation timestamps of consecutive frames of a video, in its stream's time base, ascending (frame index =
 * rank of its timestamp), stored as runs of equal steps: a constant-rate video of any length is one run, so a
 * task carries its range's timestamps at no cost.
 *
 * @param timeBaseNum stream time base numerator (a timestamp is {@code ts × num / den} seconds)
 * @param timeBaseDen stream time base denominator
 * @param origin      timestamp of the video's frame 0, where {@link #millis} counts from
 * @param end         one past the last frame held
 * @param runFirst    first frame index of each run, ascending; {@code runFirst[0]} is the first frame held
 * @param runStart    timestamp of each run's first frame
 * @param runStep     timestamp step within each run
 */
public record FrameTimes(int timeBaseNum, int timeBaseDen, long origin, int end, int[] runFirst, long[] runStart,
                         long[] runStep) implements Serializable {

  public FrameTimes {
    if (timeBaseNum <= 0 || timeBaseDen <= 0 || runFirst.length == 0 || runFirst.length != runStart.length
        || runFirst.length != runStep.length || end <= runFirst[runFirst.length - 1]) {
      throw new IllegalArgumentException("bad frame times");
    }
  }

  /** Frames 0.. of a video whose presentation timestamps, ascending, are {@code sorted}. */
  public static FrameTimes of(long[] sorted, int timeBaseNum, int timeBaseDen) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no frames");
    }
    int[] first = new int[sorted.length];
    long[] start = new long[sorted.length];
    long[] step = new long[sorted.length];
    int runs = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i > 0 && sorted[i] < sorted[i - 1]) {
        throw new IllegalArgumentException("timestamps not ascending at frame " + i);
      }
      int r = runs - 1;
      if (r >= 0 && i - first[r] == 1) {
        step[r] = sorted[i] - start[r];
        continue;
      }
      if (r >= 0 && sorted[i] - sorted[i - 1] == step[r]) {
        continue;
      }
      first[runs] = i;
      start[runs] = sorted[i];
      step[runs] = 0;
      runs++;
    }
    return new FrameTimes(timeBaseNum, timeBaseDen, sorted[0], sorted.length, Arrays.copyOf(first, runs),
        Arrays.copyOf(start, runs), Arrays.copyOf(step, runs));
  }

  /** The first frame held. */
  public int first() {
    return runFirst[0];
  }

  /** The timestamp of frame {@code index}, which must be held. */
  public long at(int index) {
    if (index < first() || index >= end) {
      throw new IndexOutOfBoundsException("frame " + index + " outside [" + first() + ", " + end + ")");
    }
    int r = run(index);
    return runStart[r] + (index - runFirst[r]) * runStep[r];
  }

  /** The frame whose timestamp is {@code ts} (the first of equal ones), or -1 when no frame held has it. */
  public int indexOf(long ts) {
    int lo = 0;
    int hi = runStart.length - 1;
    if (ts < runStart[0]) {
      return -1;
    }
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (runStart[mid] <= ts) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    // equal timestamps across a run boundary: the earlier run holds the first of them
    while (lo > 0 && runStart[lo] == ts && lastOf(lo - 1) == ts) {
      lo--;
    }
    long offset = ts - runStart[lo];
    int count = (lo + 1 < runFirst.length ? runFirst[lo + 1] : end) - runFirst[lo];
    if (offset == 0) {
      return runFirst[lo];
    }
    if (runStep[lo] == 0 || offset % runStep[lo] != 0 || offset / runStep[lo] >= count) {
      return -1;
    }
    return runFirst[lo] + (int) (offset / runStep[lo]);
  }

  /** Frames {@code [from, to)}, with the same time base and origin. */
  public FrameTimes slice(int from, int to) {
    if (from < first() || to > end || from >= to) {
      throw new IndexOutOfBoundsException("[" + from + ", " + to + ") outside [" + first() + ", " + end + ")");
    }
    int r0 = run(from);
    int r1 = run(to - 1);
    int[] first = Arrays.copyOfRange(runFirst, r0, r1 + 1);
    long[] start = Arrays.copyOfRange(runStart, r0, r1 + 1);
    long[] step = Arrays.copyOfRange(runStep, r0, r1 + 1);
    start[0] = at(from);
    first[0] = from;
    return new FrameTimes(timeBaseNum, timeBaseDen, origin, to, first, start, step);
  }

  /** Frame {@code index}'s presentation time in milliseconds from frame 0, rounded half up. */
  public long millis(int index) {
    long den = (long) timeBaseDen * 2;
    return Math.floorDiv((at(index) - origin) * 1000 * timeBaseNum * 2 + timeBaseDen, den);
  }

  private int run(int index) {
    int r = Arrays.binarySearch(runFirst, index);
    return r >= 0 ? r : -r - 2;
  }

  private long lastOf(int r) {
    int count = (r + 1 < runFirst.length ? runFirst[r + 1] : end) - runFirst[r];
    return runStart[r] + (count - 1) * runStep[r];
  }
}
