package ai.posespark.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameListerTest {
  @TempDir
  Path dir;

  private void touch(String name, int bytes) throws Exception {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.write(p, new byte[bytes]);
  }

  private static List<String> names(List<FrameTask> frames) {
    return frames.stream().map(f -> f.uri().substring(f.uri().lastIndexOf('/') + 1)).toList();
  }

  @Test
  void walksFoldersRecursivelyKeepingImagesOnly() throws Exception {
    touch("a.jpg", 10);
    touch("sub/b.PNG", 20);
    touch("sub/deeper/c.jpeg", 30);
    touch("notes.json", 5);
    touch(".hidden/d.jpg", 5);
    touch("_temporary/e.jpg", 5);
    List<FrameTask> frames = FrameLister.list(List.of(dir.toString()), new Configuration());
    assertEquals(List.of("a.jpg", "b.PNG", "c.jpeg"), names(frames));
    assertTrue(frames.get(0).uri().startsWith("file:/"), frames.get(0).uri());
    assertEquals(20, frames.get(1).bytes());
  }

  @Test
  void globsAndExplicitFilesAreDeduplicated() throws Exception {
    touch("a.jpg", 10);
    touch("b.jpg", 10);
    touch("broken.dat", 3);
    List<FrameTask> frames = FrameLister.list(
        List.of(dir + "/*.jpg", dir.resolve("a.jpg").toString(), dir.resolve("broken.dat").toString()),
        new Configuration());
    assertEquals(List.of("a.jpg", "b.jpg", "broken.dat"), names(frames), "an explicit file is taken as is");
  }

  @Test
  void frameIdsAreStableAndDistinct() throws Exception {
    touch("a.jpg", 1);
    touch("b.jpg", 1);
    List<FrameTask> first = FrameLister.list(List.of(dir.toString()), new Configuration());
    List<FrameTask> again = FrameLister.list(List.of("file:" + dir), new Configuration());
    assertEquals(first, again);
    assertNotEquals(first.get(0).frameId(), first.get(1).frameId());
    // DESIGN's frame_id = hash(uri, frame_index): SHA-256 of "uri#index", its first 64 bits without the sign bit
    byte[] sha = java.security.MessageDigest.getInstance("SHA-256").digest((first.get(0).uri() + "#0")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(new java.math.BigInteger(1, sha).shiftRight(192).clearBit(63).longValueExact(),
        first.get(0).frameId());
    assertNotEquals(FrameIds.of(first.get(0).uri(), 1), first.get(0).frameId(), "another frame of the file");
  }

  @Test
  void aPathMatchingNothingIsNamed() {
    FileNotFoundException e = assertThrows(FileNotFoundException.class,
        () -> FrameLister.list(List.of(dir.resolve("missing").toString()), new Configuration()));
    assertTrue(e.getMessage().contains("missing"), e.getMessage());
  }

  /** The .webp a newcomer lost: now listed by default, and what is not an image is counted, not dropped. */
  @Test
  void nonImagesAreReportedAsSkippedWithExamples() throws Exception {
    touch("a.webp", 10);
    touch("b.tiff", 10);
    touch("c.jpg", 10);
    touch("notes.txt", 5);
    touch("sub/labels.csv", 5);
    touch(".DS_Store", 5);
    touch("_SUCCESS", 0);
    ListingReport report = new ListingReport();
    List<FrameTask> frames = FrameLister.list(List.of(dir.toString()), new Configuration(),
        FrameLister.IMAGE_EXTENSIONS, report);
    assertEquals(List.of("a.webp", "b.tiff", "c.jpg"), names(frames));
    assertEquals(2, report.skipped());
    assertEquals(2, report.hidden());
    assertEquals(java.util.Set.of("notes.txt", "labels.csv"), report.skippedExamples().stream()
        .map(u -> u.substring(u.lastIndexOf('/') + 1)).collect(java.util.stream.Collectors.toSet()));
    assertTrue(report.toString().startsWith("skipped 2 files not named by input.extensions ("), report.toString());
  }

  @Test
  void extensionsSayWhatFoldersList() throws Exception {
    touch("a.jpg", 10);
    touch("b.raw", 10);
    ListingReport report = new ListingReport();
    List<FrameTask> frames = FrameLister.list(List.of(dir.toString()), new Configuration(), List.of("raw"), report);
    assertEquals(List.of("b.raw"), names(frames));
    assertEquals(1, report.skipped(), "a.jpg is not named by input.extensions: [raw]");
  }

  /** One rule: a glob's wildcard skips hidden names as the folder walk does; a name written out is taken. */
  @Test
  void globsSkipHiddenEntriesAsTheFolderWalkDoes() throws Exception {
    touch("a.jpg", 10);
    touch(".b.jpg", 10);
    touch("_c.jpg", 10);
    touch(".cache/d.jpg", 10);
    touch("sub/e.jpg", 10);
    Configuration conf = new Configuration();
    ListingReport globbed = new ListingReport();
    assertEquals(List.of("a.jpg"), names(FrameLister.list(List.of(dir + "/*.jpg"), conf, FrameLister
        .IMAGE_EXTENSIONS, globbed)));
    assertEquals(2, globbed.hidden());
    ListingReport walked = new ListingReport();
    assertEquals(List.of("a.jpg", "e.jpg"), names(FrameLister.list(List.of(dir.toString()), conf,
        FrameLister.IMAGE_EXTENSIONS, walked)));
    assertEquals(3, walked.hidden(), ".b.jpg, _c.jpg and the .cache folder");
    assertEquals(List.of("e.jpg"), names(FrameLister.list(List.of(dir + "/*/*.jpg"), conf,
        FrameLister.IMAGE_EXTENSIONS, new ListingReport())), "the wildcard folder skips .cache");
    assertEquals(List.of("d.jpg"), names(FrameLister.list(List.of(dir + "/.cache/*.jpg"), conf,
        FrameLister.IMAGE_EXTENSIONS, new ListingReport())), "a hidden folder written out is taken");
    assertEquals(List.of(".b.jpg"), names(FrameLister.list(List.of(dir.resolve(".b.jpg").toString()), conf)),
        "a hidden file named explicitly is taken");
  }
}
