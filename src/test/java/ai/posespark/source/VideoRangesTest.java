package ai.posespark.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Keyframe-aligned ranges: short GOPs merge, long ones stay whole, every sampled frame in exactly one range. */
class VideoRangesTest {

  static VideoIndex video(int frames, int... keyframes) {
    long[] ts = IntStream.range(0, frames).mapToLong(i -> 2L * i).toArray();
    long[] seek = IntStream.of(keyframes).mapToLong(k -> 2L * k).toArray();
    return new VideoIndex("file:/v.mp4", frames * 100L, null, "h264", 64, 48, 25, FrameTimes.of(ts, 1, 50),
        keyframes, seek, seek);
  }

  @Test
  void cutsAtTheKeyframeClosestToTheTarget() {
    int[] keys = IntStream.iterate(0, k -> k < 1010, k -> k + 250).toArray();
    assertEquals(List.of(0, 250, 500, 750), VideoRanges.starts(keys, 1010, 256), "the short tail joins the last");
    assertEquals(List.of(0, 500), VideoRanges.starts(keys, 1010, 600), "two GOPs per range");
    int[] shortGops = IntStream.iterate(0, k -> k < 300, k -> k + 12).toArray();
    List<Integer> starts = VideoRanges.starts(shortGops, 300, 50);
    assertEquals(List.of(0, 48, 96, 144, 192, 240), starts, "about 50 frames each, cut at keyframes");
  }

  @Test
  void aGopLongerThanTheTargetStaysWhole() {
    assertEquals(List.of(0, 1000), VideoRanges.starts(new int[] {0, 1000}, 1500, 100));
    assertEquals(List.of(0), VideoRanges.starts(new int[] {0}, 5000, 100), "one keyframe: one range");
    assertEquals(List.of(0, 7), VideoRanges.starts(new int[] {7}, 20, 5), "frames before the first keyframe");
  }

  @Test
  void everySampledFrameInExactlyOneRange() {
    VideoIndex v = video(1000, IntStream.iterate(0, k -> k < 1000, k -> k + 30).toArray());
    for (int stride : new int[] {1, 2, 3, 7, 100}) {
      List<FrameTask> tasks = VideoRanges.split(v, 40, stride);
      int expected = 0;
      long bytes = 0;
      for (FrameTask t : tasks) {
        VideoRange r = t.range();
        assertNotNull(r);
        assertEquals(r.first(), t.frameIndex());
        assertTrue(r.first() % 30 == 0, "starts at a keyframe");
        assertTrue(r.seeks().length > 0 || r.first() == 0);
        assertEquals(r.first(), r.times().first());
        assertEquals(Math.min(r.end() + 1, 1000), r.times().end(), "the frame after the range tells it to stop");
        assertTrue(r.firstSampled() >= expected, "no frame twice");
        for (int f = r.firstSampled(); f < r.end(); f += stride) {
          assertEquals(expected, f, "stride " + stride + ": no frame left out");
          expected += stride;
        }
        assertEquals(t.frameCount(), (r.end() - 1 - r.firstSampled()) / stride + 1);
        bytes += t.bytes();
      }
      assertTrue(expected >= 1000, "stride " + stride + ": up to the last frame");
      assertEquals(100_000, bytes, 100, "the file's bytes shared out");
    }
  }

  @Test
  void aVideoThatCannotBeReadIsOneTaskForFrameZero() {
    List<FrameTask> tasks = VideoRanges.split(VideoIndex.failed("file:/bad.mp4", 10, "cannot open video: x"), 40, 3);
    assertEquals(1, tasks.size());
    assertEquals(0, tasks.get(0).frameIndex());
    assertEquals("cannot open video: x", tasks.get(0).range().error());
    assertEquals(1, tasks.get(0).frameCount());
  }
}
