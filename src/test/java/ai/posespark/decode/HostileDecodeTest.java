package ai.posespark.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.source.FrameIds;
import ai.posespark.source.FrameTask;
import ai.posespark.source.VideoIndex;
import ai.posespark.source.VideoProbe;
import ai.posespark.source.VideoRanges;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounded work per frame, on files the test builds: only regular files are read, none above
 * {@code input.maxFileBytes}; a PNG's text bomb is never inflated; a video stream above {@code input.maxPixels} is
 * refused before a frame is decoded; a frame past {@code input.decodeTimeoutMs} or one whose decoding throws any
 * {@link Throwable} is an error row and the next frame decodes.
 */
class HostileDecodeTest {
  static final Configuration CONF = new Configuration();
  @TempDir
  Path dir;

  private static FrameTask image(Path file) {
    String uri = file.toUri().toString();
    return new FrameTask(uri, 0, FrameIds.of(uri, 0), 0);
  }

  private DecodedFrame decode(Path file, ImageLimits limits) {
    Iterator<DecodedFrame> frames = new ImageFrameDecoder(CONF, limits).frames(image(file));
    DecodedFrame f = frames.next();
    System.out.println(file.getFileName() + ": " + (f.isOk() ? "ok" : f.error()));
    return f;
  }

  @Test
  void onlyRegularFilesAreRead() throws Exception {
    DecodedFrame fifo = decode(HostileFiles.fifo(dir.resolve("pipe.jpg")), ImageLimits.DEFAULTS);
    assertEquals("not a regular file: a FIFO (named pipe) (not read)", fifo.error());
    DecodedFrame zero = decode(HostileFiles.devZero(dir.resolve("zero.jpg")), ImageLimits.DEFAULTS);
    assertEquals("not a regular file: a character device (not read)", zero.error());
    Files.createDirectories(dir.resolve("folder.jpg"));
    assertEquals("not a regular file: a directory (not read)", decode(dir.resolve("folder.jpg"),
        ImageLimits.DEFAULTS).error());
  }

  @Test
  void filesAboveMaxFileBytesAreNotRead() throws Exception {
    byte[] png = TestImages.encode(TestImages.quadrants(64, 48), "png");
    Path file = Files.write(dir.resolve("q.png"), png);
    ImageLimits cap = new ImageLimits(ImageLimits.DEFAULT_MAX_PIXELS, ImageLimits.DEFAULT_MAX_DECODE_PIXELS,
        png.length - 1, ImageLimits.DEFAULT_DECODE_TIMEOUT_MS);
    assertEquals(String.format("file is %d bytes, above input.maxFileBytes %,d (not read)", png.length,
        png.length - 1), decode(file, cap).error());
    ImageLimits exact = new ImageLimits(ImageLimits.DEFAULT_MAX_PIXELS, ImageLimits.DEFAULT_MAX_DECODE_PIXELS,
        png.length, ImageLimits.DEFAULT_DECODE_TIMEOUT_MS);
    assertTrue(decode(file, exact).isOk());
  }

  /** 1 GiB of text in a 1 MB zTXt chunk: the image decodes, and decoding allocates a bounded amount. */
  @Test
  void pngTextBombIsNeverInflated() throws Exception {
    long text = 1L << 30;
    byte[] png = HostileFiles.pngWithTextBomb(TestImages.quadrants(64, 48), text);
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    DecodedImage d = ImageDecoder.read(png, ImageLimits.DEFAULTS);
    long allocated = threads.getThreadAllocatedBytes(id) - before;
    System.out.printf("zTXt bomb: %,d-byte PNG whose text inflates to %,d bytes: decoded %dx%d, %,d bytes "
        + "allocated%n", png.length, text, d.image().width(), d.image().height(), allocated);
    assertEquals(64, d.image().width());
    assertEquals(48, d.image().height());
    assertEquals((byte) 255, d.image().rgb()[0], "red top-left");
    assertTrue(allocated < 64L << 20, "the text was inflated: " + allocated + " bytes allocated");
  }

  @Test
  void manyScanJpegIsGivenUpAfterTheBudgetAndTheNextFrameDecodes() throws Exception {
    Path bomb = Files.write(dir.resolve("scans.jpg"), HostileFiles.progressiveJpegWithScans(1448, 20_000));
    Path good = Files.write(dir.resolve("good.png"), TestImages.encode(TestImages.quadrants(64, 48), "png"));
    long budget = 1000;
    ImageLimits limits = new ImageLimits(ImageLimits.DEFAULT_MAX_PIXELS, ImageLimits.DEFAULT_MAX_DECODE_PIXELS,
        ImageLimits.DEFAULT_MAX_FILE_BYTES, budget);
    FrameDecoder timed = new TimedFrameDecoder(new ImageFrameDecoder(CONF, limits), budget);
    long t0 = System.nanoTime();
    List<DecodedFrame> frames = new ArrayList<>();
    timed.frames(image(bomb)).forEachRemaining(frames::add);
    double bombMs = (System.nanoTime() - t0) / 1e6;
    timed.frames(image(good)).forEachRemaining(frames::add);
    System.out.printf("20,000-scan progressive JPEG (%,d bytes): given up after %.0f ms (budget %d ms): %s%n",
        Files.size(bomb), bombMs, budget, frames.get(0).error());
    assertEquals(2, frames.size());
    assertEquals("decoding took longer than input.decodeTimeoutMs 1,000 ms: given up", frames.get(0).error());
    assertEquals(bomb.toUri().toString(), frames.get(0).task().uri());
    assertNull(frames.get(1).error(), "the next frame decodes");
  }

  /** The trigger is a decoder that throws; what turns it into a row is the real wrapper every job uses. */
  @Test
  void anyThrowableFromDecodingIsThatFramesRow() throws Exception {
    Path good = Files.write(dir.resolve("good.png"), TestImages.encode(TestImages.quadrants(64, 48), "png"));
    FrameDecoder images = new ImageFrameDecoder(CONF, ImageLimits.DEFAULTS);
    FrameDecoder hostile = task -> {
      if (task.uri().endsWith("oom.jpg")) {
        throw new OutOfMemoryError("Java heap space");
      }
      if (task.uri().endsWith("deep.jpg")) {
        recurse(0);
      }
      return images.frames(task);
    };
    FrameDecoder timed = new TimedFrameDecoder(hostile, 10_000);
    List<DecodedFrame> frames = new ArrayList<>();
    for (Path p : List.of(dir.resolve("oom.jpg"), dir.resolve("deep.jpg"), good)) {
      timed.frames(image(p)).forEachRemaining(frames::add);
    }
    assertEquals(3, frames.size());
    assertEquals("cannot decode: java.lang.OutOfMemoryError: Java heap space", frames.get(0).error());
    assertEquals("cannot decode: java.lang.StackOverflowError", frames.get(1).error());
    assertTrue(frames.get(2).isOk());
  }

  private static int recurse(int depth) {
    return recurse(depth + 1) + 1;
  }

  @Test
  void videoStreamAboveMaxPixelsIsRefusedBeforeDecoding() throws Exception {
    Path video = TestVideos.render(dir, "wide", new TestVideos.Spec(320, 240, 25, 30, TestVideos.Codec.MJPEG_AVI,
        10), TestVideos.frameNumbers());
    VideoIndex index = VideoProbe.probe(video.toUri().toString(), Files.size(video), CONF);
    List<FrameTask> tasks = VideoRanges.split(index, 10, 1);
    List<DecodedFrame> frames = new ArrayList<>();
    VideoRangeDecoder small = new VideoRangeDecoder(CONF, new ImageLimits(320 * 240 - 1, 320 * 240 - 1));
    for (FrameTask task : tasks) {
      small.frames(task).forEachRemaining(frames::add);
    }
    assertEquals(30, frames.size(), "a row per frame");
    for (int i = 0; i < frames.size(); i++) {
      assertEquals(i, frames.get(i).task().frameIndex());
      assertEquals("video stream declares 320x240 = 76,800 pixels a frame, above input.maxPixels 76,799 (refused "
          + "before decoding)", frames.get(i).error());
    }
    List<DecodedFrame> fits = new ArrayList<>();
    new VideoRangeDecoder(CONF, new ImageLimits(320 * 240, 320 * 240)).frames(tasks.get(0))
        .forEachRemaining(fits::add);
    assertTrue(fits.stream().allMatch(DecodedFrame::isOk));
  }
}
