package ai.posespark.source;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a probed video into tasks of about {@code framesPerTask} sampled frames, each starting at a keyframe, so
 * a long video spreads over many tasks and each decodes only its own frames (plus the rest of the GOP a seek lands
 * in). Cuts go at the keyframe closest to the target length: short GOPs merge, a GOP longer than the target stays
 * whole, and the last range takes up to 1.5 times the target rather than leave a short tail. A task's cost for the
 * partitioner is its share of the file's bytes.
 */
public final class VideoRanges {
  /** How many earlier keyframes a range may fall back to when a seek lands after its first frame. */
  private static final int[] FALLBACK_KEYFRAMES = {1, 2, 4, 8};

  private VideoRanges() {}

  /**
   * The tasks of {@code video}: one per range, sorted by first frame; a video that could not be probed is one
   * task whose row says why.
   *
   * @param framesPerTask target sampled frames per task
   * @param stride        every {@code stride}-th frame by the video's own index is sampled
   */
  public static List<FrameTask> split(VideoIndex video, int framesPerTask, int stride) {
    String uri = video.uri();
    if (video.error() != null) {
      return List.of(new FrameTask(uri, 0, FrameIds.of(uri, 0), video.bytes(), null,
          VideoRange.failed(video.error())));
    }
    int n = video.frames();
    long target = Math.max(1, (long) framesPerTask * stride);
    List<Integer> starts = starts(video.keyframes(), n, target);
    List<FrameTask> tasks = new ArrayList<>(starts.size());
    for (int r = 0; r < starts.size(); r++) {
      int first = starts.get(r);
      int end = r + 1 < starts.size() ? starts.get(r + 1) : n;
      VideoRange range = new VideoRange(first, end, stride, seeks(video, first), landings(video, first),
          video.times().slice(first, Math.min(end + 1, n)), null);
      if (range.sampledFrames() == 0) {
        continue;
      }
      long bytes = Math.max(1, Math.round(video.bytes() * ((end - first) / (double) n)));
      tasks.add(new FrameTask(uri, first, FrameIds.of(uri, first), bytes, null, range));
    }
    return tasks;
  }

  /** First frames of the ranges: 0, then the chosen keyframes. */
  static List<Integer> starts(int[] keyframes, int frames, long target) {
    List<Integer> cuts = new ArrayList<>();
    for (int k : keyframes) {
      if (k > 0 && k < frames && (cuts.isEmpty() || cuts.get(cuts.size() - 1) < k)) {
        cuts.add(k);
      }
    }
    cuts.add(frames);
    List<Integer> starts = new ArrayList<>(List.of(0));
    int cur = 0;
    int previous = -1;
    for (int i = 0; i < cuts.size(); ) {
      if (frames - cur <= target + target / 2) {
        break; // the rest is one range: up to 1.5 times the target rather than a short tail
      }
      int c = cuts.get(i);
      if (c - cur < target) {
        previous = c;
        i++;
        continue;
      }
      // past the target: cut at whichever of the last two keyframes is closer to it (the earlier on a tie)
      long want = cur + target;
      int chosen = previous > cur && want - previous <= c - want ? previous : c;
      if (chosen == frames) {
        break;
      }
      starts.add(chosen);
      cur = chosen;
      if (chosen == c) {
        i++;
      }
      previous = -1;
    }
    return starts;
  }

  /** Presentation timestamps of the keyframes a range starting at keyframe {@code first} may land on. */
  private static long[] landings(VideoIndex video, int first) {
    if (first == 0) {
      return new long[0];
    }
    int k = Arrays.binarySearch(video.keyframes(), first);
    int from = Math.max(0, k - FALLBACK_KEYFRAMES[FALLBACK_KEYFRAMES.length - 1]);
    long[] landings = new long[k - from + 1];
    for (int i = from; i <= k; i++) {
      landings[i - from] = video.times().at(video.keyframes()[i]);
    }
    return landings;
  }

  /**
   * Where a range starting at keyframe {@code first} seeks: that keyframe by its seek timestamp, by its dts when
   * that differs, then a few earlier keyframes (demuxers without an index, MPEG-TS and -PS, may land a GOP late).
   */
  private static long[] seeks(VideoIndex video, int first) {
    if (first == 0) {
      return new long[0];
    }
    int k = Arrays.binarySearch(video.keyframes(), first);
    long[] seeks = new long[2 + FALLBACK_KEYFRAMES.length];
    int n = 0;
    seeks[n++] = video.keyframeSeek()[k];
    if (video.keyframeDts()[k] != video.keyframeSeek()[k]) {
      seeks[n++] = video.keyframeDts()[k];
    }
    for (int back : FALLBACK_KEYFRAMES) {
      if (k - back >= 0 && video.keyframes()[k - back] > 0) {
        seeks[n++] = video.keyframeSeek()[k - back];
      }
    }
    return Arrays.copyOf(seeks, n);
  }
}
