package ai.posespark.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;

import ai.posespark.source.FrameIds;
import ai.posespark.source.FrameTask;
import ai.posespark.source.VideoIndex;
import ai.posespark.source.VideoProbe;
import ai.posespark.source.VideoRanges;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Exact frames from rendered videos, per codec: probing counts every frame, ranges start at keyframes, and the
 * frames decoded over all ranges are each frame exactly once, named by the index painted into its pixels, with
 * its exact timestamp — also for codecs whose seeks land elsewhere (MPEG-TS/PS) or whose container stores no pts
 * for reordered frames (MPEG-4 in AVI, MPEG-2 in PS).
 */
class VideoRangeDecoderTest {
  static final int FRAMES = 300;
  static final double FPS = 25;
  static final int GOP = 25;

  @TempDir
  static Path dir;
  static final Map<TestVideos.Codec, Path> VIDEOS = new EnumMap<>(TestVideos.Codec.class);
  static final Configuration CONF = new Configuration();

  static synchronized Path video(TestVideos.Codec codec) throws IOException {
    Path file = VIDEOS.get(codec);
    if (file == null) {
      file = TestVideos.render(dir, "numbers-" + codec, new TestVideos.Spec(160, 120, FPS, FRAMES, codec, GOP),
          TestVideos.frameNumbers());
      VIDEOS.put(codec, file);
    }
    return file;
  }

  static VideoIndex probe(Path file) throws IOException {
    String uri = file.toUri().toString();
    VideoIndex index = VideoProbe.probe(uri, Files.size(file), CONF);
    assertNull(index.error(), uri + ": " + index.error());
    return index;
  }

  /** Every frame of every range task of {@code tasks}, in order; {@code seeks} gets each range's seek attempt. */
  static List<DecodedFrame> decodeAll(List<FrameTask> tasks, List<String> seeks) {
    VideoRangeDecoder decoder = new VideoRangeDecoder(CONF);
    List<DecodedFrame> frames = new ArrayList<>();
    for (FrameTask task : tasks) {
      Iterator<DecodedFrame> it = decoder.frames(task);
      it.forEachRemaining(frames::add);
      RangeFrames range = (RangeFrames) it;
      assertFalse(range.isOpen(), "the grabber is closed once the range is out");
      seeks.add(task.range().first() + (range.seekAttempt() == task.range().seeks().length ? ":start"
          : range.seekAttempt() == 0 ? ":key" : ":fallback" + range.seekAttempt()));
    }
    return frames;
  }

  /** Indices of the frames FFmpeg flags as keyframes when decoding from the start (by their painted numbers). */
  static Set<Integer> keyframesByDecoding(Path file) throws Exception {
    Set<Integer> keys = new TreeSet<>();
    try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toString())) {
      g.setPixelFormat(AV_PIX_FMT_RGB24);
      g.start();
      Frame f;
      while ((f = g.grabImage()) != null) {
        if (f.keyFrame) {
          byte[] rgb = new byte[f.imageWidth * f.imageHeight * 3];
          ByteBuffer buf = (ByteBuffer) f.image[0];
          for (int y = 0; y < f.imageHeight; y++) {
            buf.get(y * f.imageStride, rgb, y * f.imageWidth * 3, f.imageWidth * 3);
          }
          keys.add(TestVideos.frameNumber(new RgbImage(f.imageWidth, f.imageHeight, rgb)));
        }
      }
    }
    return keys;
  }

  @ParameterizedTest
  @EnumSource(TestVideos.Codec.class)
  void everyFrameOnceWithItsOwnIndexAndTimestamp(TestVideos.Codec codec) throws Exception {
    Path file = video(codec);
    VideoIndex index = probe(file);
    assertEquals(FRAMES, index.frames(), codec + ": exact frame count");
    Set<Integer> keys = new TreeSet<>();
    for (int k : index.keyframes()) {
      keys.add(k);
    }
    assertEquals(keyframesByDecoding(file), keys, codec + ": the probe's keyframes are the decoder's");

    List<FrameTask> tasks = VideoRanges.split(index, 60, 1);
    assertTrue(tasks.size() >= 4, codec + ": several ranges, got " + tasks.size());
    for (FrameTask t : tasks) {
      assertTrue(t.range().first() == 0 || keys.contains(t.range().first()),
          codec + ": range " + t.range().first() + " starts at a keyframe");
    }
    List<String> seeks = new ArrayList<>();
    List<DecodedFrame> frames = decodeAll(tasks, seeks);
    assertEquals(FRAMES, frames.size(), codec + ": one frame per video frame");
    String uri = file.toUri().toString();
    for (int i = 0; i < FRAMES; i++) {
      DecodedFrame f = frames.get(i);
      assertTrue(f.isOk(), codec + " frame " + i + ": " + f.error());
      assertEquals(i, f.task().frameIndex(), codec + ": frames in order, each once");
      assertEquals(i, TestVideos.frameNumber(f.image()), codec + ": frame " + i + " shows its own number");
      assertEquals(Math.round(i * 1000 / FPS), f.task().timestampMs(), 1, codec + ": frame " + i + " timestamp");
      assertEquals(FrameIds.of(uri, i), f.task().frameId());
      assertEquals(uri, f.task().uri());
      assertNull(f.task().range());
    }
    System.out.printf("%s: %d frames, %d keyframes, %d ranges positioned by %s, FFmpeg's own estimate %d "
        + "frames%n", codec, index.frames(), keys.size(), tasks.size(), seeks, estimate(file));
  }

  @ParameterizedTest
  @EnumSource(value = TestVideos.Codec.class, names = {"MPEG4_AVI", "H264_MP4", "MPEG2_TS"})
  void strideKeepsEveryThirdFrameByTheVideosOwnIndex(TestVideos.Codec codec) throws Exception {
    VideoIndex index = probe(video(codec));
    List<FrameTask> tasks = VideoRanges.split(index, 20, 3);
    assertTrue(tasks.size() >= 4);
    List<DecodedFrame> frames = decodeAll(tasks, new ArrayList<>());
    assertEquals(FRAMES / 3, frames.size());
    for (int k = 0; k < frames.size(); k++) {
      DecodedFrame f = frames.get(k);
      assertTrue(f.isOk(), f.error());
      assertEquals(3 * k, f.task().frameIndex());
      assertEquals(3 * k, TestVideos.frameNumber(f.image()));
      assertEquals(Math.round(3 * k * 1000 / FPS), f.task().timestampMs(), 1);
    }
  }

  @Test
  void anAbandonedRangeClosesItsGrabber() throws Exception {
    List<FrameTask> tasks = VideoRanges.split(probe(video(TestVideos.Codec.MPEG4_MP4)), 60, 1);
    RangeFrames it = (RangeFrames) new VideoRangeDecoder(CONF).frames(tasks.get(1));
    assertFalse(it.isOpen(), "nothing opened before the first frame is asked for");
    DecodedFrame first = it.next();
    assertTrue(first.isOk());
    assertEquals(tasks.get(1).range().first(), first.task().frameIndex());
    assertTrue(it.isOpen());
    it.close();
    assertFalse(it.isOpen());
    it.close();
  }

  private static int estimate(Path file) throws Exception {
    try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toString())) {
      g.start();
      return g.getLengthInVideoFrames();
    }
  }
}
