package ai.posespark.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.source.FrameTask;
import ai.posespark.source.VideoIndex;
import ai.posespark.source.VideoProbe;
import ai.posespark.source.VideoRanges;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Videos the test corrupts: a file that cannot be opened is one failed frame 0 with the reason; inside a readable
 * video, frames that do not decode are failed frames; the frames that come back are always exactly those probed.
 */
class BadVideoTest {
  static final int FRAMES = 200;
  static final Configuration CONF = new Configuration();
  @TempDir
  static Path dir;
  static Path mp4;
  static Path avi;

  @BeforeAll
  static void render() throws IOException {
    mp4 = TestVideos.render(dir, "good", new TestVideos.Spec(160, 120, 25, FRAMES, TestVideos.Codec.MPEG4_MP4, 25),
        TestVideos.frameNumbers());
    avi = TestVideos.render(dir, "good", new TestVideos.Spec(160, 120, 25, FRAMES, TestVideos.Codec.MPEG4_AVI, 25),
        TestVideos.frameNumbers());
  }

  /** Probes and decodes {@code file} as a job would: every range, every frame. */
  static List<DecodedFrame> decode(Path file, VideoIndex[] probed) throws IOException {
    VideoIndex index = VideoProbe.probe(file.toUri().toString(), Files.size(file), CONF);
    probed[0] = index;
    List<DecodedFrame> frames = new ArrayList<>();
    VideoRangeDecoder decoder = new VideoRangeDecoder(CONF);
    for (FrameTask task : VideoRanges.split(index, 40, 1)) {
      decoder.frames(task).forEachRemaining(frames::add);
    }
    return frames;
  }

  /** {@code good}'s first {@code keep} bytes (all when negative) with {@code garbageBytes} random ones at an offset. */
  static Path corrupt(Path good, String name, int keep, int garbageAt, int garbageBytes) throws IOException {
    byte[] bytes = Files.readAllBytes(good);
    byte[] out = Arrays.copyOf(bytes, keep < 0 ? bytes.length : keep);
    Random random = new Random(7);
    for (int i = garbageAt; i < garbageAt + garbageBytes; i++) {
      out[i] = (byte) random.nextInt(256);
    }
    Path file = dir.resolve(name);
    Files.write(file, out);
    return file;
  }

  static DecodedFrame onlyFrame(Path file) throws IOException {
    VideoIndex[] probed = new VideoIndex[1];
    List<DecodedFrame> frames = decode(file, probed);
    assertNotNull(probed[0].error(), file + " should not probe");
    assertEquals(1, frames.size(), "one row for an unreadable file");
    DecodedFrame f = frames.get(0);
    assertEquals(0, f.task().frameIndex());
    assertEquals(file.toUri().toString(), f.task().uri());
    assertEquals(probed[0].error(), f.error());
    System.out.println(file.getFileName() + ": " + f.error());
    return f;
  }

  @Test
  void zeroBytesIsOneErrorRow() throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.mp4"));
    assertTrue(onlyFrame(empty).error().startsWith("cannot open video: avformat_open_input: "));
  }

  @Test
  void aTruncatedMp4WithoutItsIndexIsOneErrorRow() throws IOException {
    Path truncated = corrupt(mp4, "truncated.mp4", (int) (Files.size(mp4) * 0.6), 0, 0);
    assertTrue(onlyFrame(truncated).error().contains("Invalid data"));
  }

  @Test
  void garbageThatIsNoVideoAtAllIsOneErrorRow() throws IOException {
    Path noise = dir.resolve("noise.avi");
    byte[] bytes = new byte[20_000];
    new Random(3).nextBytes(bytes);
    Files.write(noise, bytes);
    assertTrue(onlyFrame(noise).error().startsWith("cannot "));
  }

  @Test
  void aTruncatedAviKeepsTheFramesBeforeTheCut() throws IOException {
    Path truncated = corrupt(avi, "truncated.avi", (int) (Files.size(avi) * 0.6), 0, 0);
    VideoIndex[] probed = new VideoIndex[1];
    List<DecodedFrame> frames = decode(truncated, probed);
    int n = probed[0].frames();
    assertTrue(n > FRAMES / 2 && n < FRAMES, "the frames before the cut: " + n);
    assertEquals(n, frames.size(), "rows = probed frames");
    int ok = 0;
    for (int i = 0; i < n; i++) {
      DecodedFrame f = frames.get(i);
      assertEquals(i, f.task().frameIndex());
      if (f.isOk()) {
        assertEquals(i, TestVideos.frameNumber(f.image()));
        ok++;
      }
    }
    assertTrue(ok >= n - 2, "all but the cut frame(s) decode: " + ok + " of " + n);
    System.out.printf("truncated.avi: %d frames probed, %d ok, last: %s%n", n, ok, frames.get(n - 1).error());
  }

  /**
   * Garbage over the middle of the file. MP4 reads its packets by its index: every frame is still there, the damaged
   * ones fail. AVI reads its chunks in sequence and FFmpeg resyncs after the garbage, losing the chunks it hit: the
   * probe counts the frames it finds, so frames after the damage are numbered as read, lower than the AVI index
   * would by the frames lost (the decoder keeps to the probe's numbering: seeks that land by the AVI index elsewhere
   * are not taken).
   */
  @Test
  void garbageInTheMiddleFailsOnlyTheDamagedFrames() throws IOException {
    for (Path good : List.of(mp4, avi)) {
      long size = Files.size(good);
      Path damaged = corrupt(good, "garbage-" + good.getFileName(), -1, (int) (size / 2), 3000);
      VideoIndex[] probed = new VideoIndex[1];
      List<DecodedFrame> frames = decode(damaged, probed);
      int lost = FRAMES - probed[0].frames();
      assertEquals(probed[0].frames(), frames.size(), damaged + ": rows = probed frames");
      int ok = 0;
      int right = 0;
      List<Integer> failed = new ArrayList<>();
      List<String> other = new ArrayList<>();
      for (int i = 0; i < frames.size(); i++) {
        DecodedFrame f = frames.get(i);
        assertEquals(i, f.task().frameIndex(), "in order, each once");
        if (f.isOk()) {
          ok++;
          int shown = TestVideos.frameNumber(f.image());
          // before the damage a frame shows its own number, after it its number as read
          boolean own = shown == i || (shown == i + lost && i >= failed.stream().findFirst().orElse(FRAMES));
          right += own ? 1 : 0;
          if (!own) {
            other.add(i + "=" + shown);
          }
        } else {
          failed.add(i);
          assertTrue(f.error().startsWith("not decoded") || f.error().startsWith("decoded with errors"),
              f.error());
        }
      }
      assertTrue(!failed.isEmpty(), damaged + ": the damaged frames fail");
      assertTrue(right >= frames.size() * 0.8, damaged + ": the undamaged frames decode as themselves: " + right);
      System.out.printf("%s: %d frames probed (%d lost), %d ok, %d showing their own number (concealed: %s), "
          + "failed %s%n", damaged.getFileName(), frames.size(), lost, ok, right, other, failed);
    }
  }

  @Test
  void aJpegNamedMp4IsReadAsTheOneFrameItHolds() throws IOException {
    Path jpeg = dir.resolve("photo.mp4");
    Files.copy(TestImages.samples().resolve("000000000785.jpg"), jpeg);
    VideoIndex[] probed = new VideoIndex[1];
    List<DecodedFrame> frames = decode(jpeg, probed);
    // FFmpeg goes by the content, not the name: a one-frame MJPEG "video"
    assertEquals(1, frames.size());
    assertTrue(frames.get(0).isOk(), frames.get(0).error());
    assertEquals(640, frames.get(0).image().width());
    assertEquals(425, frames.get(0).image().height());
    assertEquals(0L, frames.get(0).task().timestampMs());
  }
}
