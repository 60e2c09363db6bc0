package ai.posespark.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.run.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a video job lists: videos by extension, numbered-image folders as videos of frames, other images alone. */
class VideoListerTest {
  static final Configuration CONF = new Configuration();
  @TempDir
  Path dir;

  @Test
  void videosNumberedFramesAndSingleImages() throws Exception {
    Path frames = Files.createDirectories(dir.resolve("clip"));
    for (String f : List.of("000000.jpg", "000001.jpg", "000002.jpg", "000010.jpg")) {
      Files.write(frames.resolve(f), new byte[] {1});
    }
    Path photos = Files.createDirectories(dir.resolve("photos"));
    Files.write(photos.resolve("000001.jpg"), new byte[] {1});
    Files.write(photos.resolve("cover.jpg"), new byte[] {1});
    Files.write(dir.resolve("a.mp4"), new byte[] {1});
    Files.write(dir.resolve("b.MKV"), new byte[] {1});
    Files.write(dir.resolve(".hidden.mp4"), new byte[] {1});
    Files.write(dir.resolve("notes.txt"), new byte[] {1});
    Path odd = Files.write(dir.resolve("capture.bin"), new byte[] {1});

    VideoLister.Listing all = VideoLister.list(List.of(dir.toString(), odd.toString()), CONF, 1);
    assertEquals(List.of("a.mp4", "b.MKV", "capture.bin"), all.videos().stream()
        .map(v -> v.uri().substring(v.uri().lastIndexOf('/') + 1)).collect(Collectors.toList()),
        "videos by extension; a file named explicitly is taken as a video");
    List<String> listed = all.frames().stream().map(t -> t.uri().substring(t.uri().indexOf("/clip/") < 0
        ? t.uri().indexOf("/photos/") : t.uri().indexOf("/clip/")) + "#" + t.frameIndex())
        .collect(Collectors.toList());
    assertEquals(List.of("/clip/000000.jpg#0", "/clip/000001.jpg#1", "/clip/000002.jpg#2", "/clip/000010.jpg#10",
        "/photos/000001.jpg#0", "/photos/cover.jpg#0"), listed, "a folder of numbered images is a video");
    for (FrameTask t : all.frames()) {
      assertNull(t.range());
      assertNull(t.timestampMs());
      assertEquals(FrameIds.of(t.uri(), t.frameIndex()), t.frameId());
    }

    VideoLister.Listing strided = VideoLister.list(List.of(frames.toString()), CONF, 2);
    assertEquals(List.of(0, 2, 10), strided.frames().stream().map(FrameTask::frameIndex).toList(),
        "the stride by the frames' own numbers");
  }

  /** PoseTrack's layout: a folder of numbered JPEGs, and the same clip as an MP4. */
  @Test
  void poseTrackFolderIsAVideoOfFiveFrames() throws Exception {
    Path clip = TestModels.shared().resolve("data/posetrack18/videos/000001_mpiinew_test");
    VideoLister.Listing listing = VideoLister.list(List.of(clip + "/*.jpg"), CONF, 1);
    assertTrue(listing.videos().isEmpty());
    assertEquals(List.of(0, 1, 2, 3, 4), listing.frames().stream().map(FrameTask::frameIndex).toList());
    for (FrameTask t : listing.frames()) {
      assertTrue(t.uri().endsWith(String.format("/%06d.jpg", t.frameIndex())), t.uri());
    }
    Path mp4 = clip.resolve("000001_mpiinew_test.mp4");
    VideoIndex index = VideoProbe.probe(mp4.toUri().toString(), Files.size(mp4), CONF);
    assertNull(index.error(), index.error());
    assertEquals(5, index.frames(), "the MP4 holds the same five frames");
    System.out.printf("PoseTrack 000001_mpiinew_test.mp4: %s %dx%d, %.2f fps, %d frames, keyframes %s%n",
        index.codec(), index.width(), index.height(), index.fps(), index.frames(),
        Arrays.toString(index.keyframes()));
  }
}
