package ai.posespark.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.run.SparkTestSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Folders that used to list files many times or drop them unseen: symbolic-link loops (to the root, to the folder
 * itself), a second link to a folder already walked, a name that is not valid UTF-8, a broken link, a folder that
 * cannot be read. Each file is listed once, each entry left out is counted with its reason, on the driver and on
 * the executors alike.
 */
class HostileListingTest {
  static final Configuration CONF = new Configuration();
  @TempDir
  Path dir;

  private Path loopyTree() throws Exception {
    Path root = Files.createDirectories(dir.resolve("root"));
    Files.createDirectories(root.resolve("a/deep"));
    Files.createDirectories(root.resolve("b"));
    Files.write(root.resolve("a/1.jpg"), new byte[] {1});
    Files.write(root.resolve("a/deep/2.jpg"), new byte[] {2});
    Files.write(root.resolve("b/3.jpg"), new byte[] {3});
    Files.createSymbolicLink(root.resolve("a/deep/to-root"), root);
    Files.createSymbolicLink(root.resolve("a/self"), Path.of("."));
    Files.createSymbolicLink(root.resolve("b/dangling.jpg"), root.resolve("gone.jpg"));
    return root;
  }

  private static List<String> names(List<FrameTask> tasks, Path root) {
    String prefix = root.toString() + "/"; // the listing's URIs name the files under the folder it was given
    return tasks.stream().map(t -> t.uri().substring(t.uri().indexOf(prefix) + prefix.length())).sorted().toList();
  }

  @Test
  void linkLoopsAreListedOnceOnTheDriverAndTheExecutors() throws Exception {
    Path root = loopyTree();
    ListingReport driver = new ListingReport();
    List<FrameTask> listed = FrameLister.list(List.of(root.toString()), CONF, FrameLister.IMAGE_EXTENSIONS, driver);
    System.out.println("driver: " + driver);
    assertEquals(List.of("a/1.jpg", "a/deep/2.jpg", "b/3.jpg"), names(listed, root));
    assertEquals(3, driver.excluded(), driver.toString());
    assertTrue(driver.excludedExamples().stream().anyMatch(e -> e.contains("/a/deep/to-root: symbolic link to ")),
        driver.toString());
    assertTrue(driver.excludedExamples().stream().anyMatch(e -> e.endsWith("/b/dangling.jpg: broken symbolic link")),
        driver.toString());
    for (int target : new int[] {1, 1_000}) {
      ListingReport report = new ListingReport();
      ExecutorListing units = ExecutorListing.plan(SparkTestSession.get(), List.of(root.toString()), CONF,
          FrameLister.IMAGE_EXTENSIONS, target);
      List<Row> rows = units.list(SparkTestSession.get(), report).files().collectAsList();
      List<FrameTask> tasks = rows.stream().map(ExecutorListing::task).sorted(Comparator.comparing(FrameTask::uri))
          .toList();
      System.out.println("executors (" + units.units() + " units): " + report);
      assertEquals(listed, tasks, "same frames, each once");
      assertEquals(3, report.excluded(), report.toString());
    }
  }

  /** A second link to a folder already walked adds nothing (the driver's walk; see README for the executors'). */
  @Test
  void aSecondLinkToAWalkedFolderIsReported() throws Exception {
    Path root = loopyTree();
    Files.createSymbolicLink(root.resolve("b/again"), root.resolve("a"));
    ListingReport report = new ListingReport();
    List<FrameTask> listed = FrameLister.list(List.of(root.toString()), CONF, FrameLister.IMAGE_EXTENSIONS, report);
    assertEquals(List.of("a/1.jpg", "a/deep/2.jpg", "b/3.jpg"), names(listed, root));
    assertEquals(4, report.excluded(), report.toString());
  }

  @Test
  void undecodableNamesAreCountedNotDropped() throws Exception {
    Path root = Files.createDirectories(dir.resolve("root"));
    Files.write(root.resolve("ok.jpg"), new byte[] {1});
    Process p = new ProcessBuilder("sh", "-c", "printf x > \"$(printf 'caf\\351.jpg')\"").directory(root.toFile())
        .start();
    assertEquals(0, p.waitFor());
    ListingReport report = new ListingReport();
    List<FrameTask> listed = FrameLister.list(List.of(root.toString()), CONF, FrameLister.IMAGE_EXTENSIONS, report);
    System.out.println(report);
    assertEquals(List.of("ok.jpg"), names(listed, root));
    assertEquals(1, report.excluded(), report.toString());
    assertTrue(report.excludedExamples().get(0).contains("name not valid in the file-name encoding"),
        report.toString());
  }

  @Test
  void anUnreadableFolderIsCountedWithItsReason() throws Exception {
    Path root = Files.createDirectories(dir.resolve("root"));
    Files.write(root.resolve("ok.jpg"), new byte[] {1});
    Path locked = Files.createDirectories(root.resolve("locked"));
    Files.write(locked.resolve("x.jpg"), new byte[] {1});
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    try {
      if (Files.isReadable(locked)) {
        System.out.println("SKIPPED: running as root, every folder is readable");
        Assumptions.abort("running as root: a folder without permissions is still readable");
      }
      ListingReport report = new ListingReport();
      List<FrameTask> listed = FrameLister.list(List.of(root.toString()), CONF, FrameLister.IMAGE_EXTENSIONS,
          report);
      assertEquals(List.of("ok.jpg"), names(listed, root));
      assertEquals(1, report.excluded(), report.toString());
      assertTrue(report.excludedExamples().get(0).contains("cannot list folder: "), report.toString());
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }
}
