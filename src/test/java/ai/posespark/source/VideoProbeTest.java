package ai.posespark.source;

import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Presentation timestamps from packets alone, as FFmpeg's decoder will stamp the frames. */
class VideoProbeTest {
  static final long X = AV_NOPTS_VALUE;

  @Test
  void storedPtsAreTheTimestamps() {
    // MP4 with B-frames: I0 P3 B1 B2 P6 B4 B5 in decoding order
    long[] pts = {0, 3, 1, 2, 6, 4, 5};
    long[] dts = {-1, 0, 1, 2, 3, 4, 5};
    assertArrayEquals(pts, VideoProbe.presentationTimes(pts, dts, 1));
  }

  @Test
  void aviReferenceFramesAreShownWhenTheNextReferenceFrameIsDecoded() {
    // AVI (MPEG-4 with B-frames) stores a dts per chunk and a pts only for B-frames (pts = dts)
    long[] pts = {X, X, 2, 3, X, 5, 6, X};
    long[] dts = {0, 1, 2, 3, 4, 5, 6, 7};
    // I0 shown at 1 (when P is decoded), P at 4, B-frames at their own, P4 at 7, the last one frame after
    assertArrayEquals(new long[] {1, 4, 2, 3, 7, 5, 6, 8}, VideoProbe.presentationTimes(pts, dts, 1));
  }

  @Test
  void programStreamReferenceFramesWithoutPts() {
    // MPEG-PS: some reference frames carry a pts (different from their dts), others none
    long[] pts = {486, X, 522, 558, 702, 630, 666};
    long[] dts = {450, 486, 522, 558, 594, 630, 666};
    assertArrayEquals(new long[] {486, 594, 522, 558, 702, 630, 666},
        VideoProbe.presentationTimes(pts, dts, 36));
  }

  @Test
  void noPtsAtAllMeansNoReordering() {
    long[] pts = {X, X, X, X};
    long[] dts = {10, 11, 12, 13};
    assertArrayEquals(dts, VideoProbe.presentationTimes(pts, dts, 1));
    assertArrayEquals(new long[] {0, 5, 10}, VideoProbe.presentationTimes(new long[] {X, X, X},
        new long[] {X, X, X}, 5), "no timestamps at all: one frame apart");
  }
}
