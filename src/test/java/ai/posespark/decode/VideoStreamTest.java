package ai.posespark.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.source.FrameTask;
import ai.posespark.source.VideoIndex;
import ai.posespark.source.VideoProbe;
import ai.posespark.source.VideoRanges;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A video on a file system other than {@code file:} (as {@code hdfs://} and {@code s3a://}) is read through a
 * seekable Hadoop stream, not a copy: probing and range decoding stay exact. The test's {@code vtest:} scheme is
 * the local disk under another name, so the stream path runs without a cluster.
 */
class VideoStreamTest {
  @TempDir
  Path dir;

  /** The local file system under the scheme {@code vtest}. */
  public static final class RenamedLocalFileSystem extends RawLocalFileSystem {
    @Override
    public URI getUri() {
      return URI.create("vtest:///");
    }
  }

  @Test
  void probesAndDecodesThroughAHadoopStream() throws Exception {
    Configuration conf = new Configuration();
    conf.set("fs.vtest.impl", RenamedLocalFileSystem.class.getName());
    conf.setBoolean("fs.vtest.impl.disable.cache", true);
    // MP4 written by FFmpeg keeps its index at the end: opening seeks to the end and back
    Path file = TestVideos.render(dir, "remote", new TestVideos.Spec(160, 120, 25, 150,
        TestVideos.Codec.MPEG4_MP4, 25), TestVideos.frameNumbers());
    String uri = "vtest://" + file.toAbsolutePath();
    VideoIndex index = VideoProbe.probe(uri, Files.size(file), conf);
    assertNull(index.error(), index.error());
    assertEquals(150, index.frames());
    List<FrameTask> tasks = VideoRanges.split(index, 40, 1);
    assertTrue(tasks.size() >= 3);
    List<DecodedFrame> frames = new ArrayList<>();
    VideoRangeDecoder decoder = new VideoRangeDecoder(conf);
    for (FrameTask t : tasks) {
      decoder.frames(t).forEachRemaining(frames::add);
    }
    assertEquals(150, frames.size());
    for (int i = 0; i < 150; i++) {
      assertTrue(frames.get(i).isOk(), frames.get(i).error());
      assertEquals(uri, frames.get(i).task().uri());
      assertEquals(i, frames.get(i).task().frameIndex());
      assertEquals(i, TestVideos.frameNumber(frames.get(i).image()));
    }
  }
}
