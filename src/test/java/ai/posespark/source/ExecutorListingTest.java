package ai.posespark.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.run.SparkTestSession;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The listing on the executors (real Spark local mode, real files) gives exactly the driver's {@link FrameLister}
 * listing: the same URIs, ids, sizes, versions and report counts, whether the folders are split into many units or
 * walked whole, with hidden entries, other extensions, nested folders, explicit files, globs and overlapping paths;
 * on the local file system's rules and on those of the others (a flat recursive listing, each hidden file counted).
 */
class ExecutorListingTest {
  @TempDir
  static Path dir;
  static SparkSession spark;

  @BeforeAll
  static void tree() throws Exception {
    spark = SparkTestSession.get();
    touch("top.jpg", 10);
    touch("notes.txt", 3);
    touch(".DS_Store", 4);
    touch("_SUCCESS", 0);
    for (int f = 0; f < 6; f++) {
      touch("f" + f + "/a.jpg", 100 + f);
      touch("f" + f + "/b.PNG", 200 + f);
      touch("f" + f + "/deeper/c.jpeg", 300 + f);
      touch("f" + f + "/deeper/labels.csv", 5);
      touch("f" + f + "/.cache/d.jpg", 7);
      touch("f" + f + "/.cache/e.jpg", 7);
      touch("f" + f + "/_temporary/x/e.jpg", 8);
      touch("f" + f + "/deeper/.hidden.jpg", 9);
    }
    touch("other/broken.dat", 3);
    touch("other/z.webp", 11);
    touch("other/.y.jpg", 11);
    touch("other/_w.jpg", 11);
  }

  private static void touch(String name, int bytes) throws Exception {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.write(p, new byte[bytes]);
  }

  @BeforeEach
  void sessionUp() {
    spark = SparkTestSession.get();
  }

  private static List<String> mixedPaths() {
    return List.of(dir.toString(), dir + "/other/*", dir + "/f*/deeper", dir.resolve("other/broken.dat").toString(),
        dir + "/{f1,.cache}");
  }

  /** The executor listing's files, sorted by URI, as tasks and URI → version. */
  private record Listing(List<FrameTask> tasks, Map<String, String> versions, ListingReport report, int units) {}

  private static Listing onExecutors(List<String> paths, Configuration conf, int target) throws Exception {
    ListingReport report = new ListingReport();
    ExecutorListing units = ExecutorListing.plan(spark, paths, conf, FrameLister.IMAGE_EXTENSIONS, target);
    ExecutorListing.Listed listed = units.list(spark, report);
    List<Row> rows = listed.files().collectAsList();
    listed.files().unpersist();
    assertEquals(rows.size(), listed.count());
    assertEquals(rows.stream().mapToLong(r -> r.getLong(2)).sum(), listed.bytes());
    List<FrameTask> tasks = rows.stream().map(ExecutorListing::task).sorted(Comparator.comparing(FrameTask::uri))
        .toList();
    return new Listing(tasks, rows.stream().collect(Collectors.toMap(r -> r.getString(0), r -> r.getString(3))),
        report, units.units());
  }

  private static void assertSameAsDriver(List<String> paths, Configuration conf, int target, int minUnits)
      throws Exception {
    ListingReport driverReport = new ListingReport();
    List<FrameTask> driver = FrameLister.list(paths, conf, FrameLister.IMAGE_EXTENSIONS, driverReport);
    Listing executors = onExecutors(paths, conf, target);
    assertEquals(driver, executors.tasks(), "same URIs, ids, sizes, each once, for " + paths);
    assertTrue(executors.units() >= minUnits, executors.units() + " units");
    Map<String, String> versions = FileVersions.of(paths, conf);
    for (FrameTask t : driver) {
      assertEquals(versions.get(t.uri()), executors.versions().get(t.uri()), t.uri());
    }
    assertEquals(driverReport.skipped(), executors.report().skipped(), "skipped: " + executors.report());
    assertEquals(driverReport.hidden(), executors.report().hidden(), "hidden: " + executors.report());
  }

  @Test
  void splitFoldersListWhatTheDriverLists() throws Exception {
    Configuration conf = new Configuration();
    assertSameAsDriver(List.of(dir.toString()), conf, 1_000, 10);
    assertSameAsDriver(mixedPaths(), conf, 1_000, 10);
  }

  @Test
  void wholeTreesListWhatTheDriverLists() throws Exception {
    assertSameAsDriver(mixedPaths(), new Configuration(), 1, 1);
  }

  /** Off local disks hidden folders are not one entry: each file below one counts, as the flat listing does. */
  @Test
  void otherFileSystemsRulesAreKeptToo() throws Exception {
    Configuration raw = new Configuration();
    raw.set("fs.file.impl", RawLocalFileSystem.class.getName());
    raw.setBoolean("fs.file.impl.disable.cache", true);
    ListingReport local = new ListingReport();
    FrameLister.list(List.of(dir.toString()), new Configuration(), FrameLister.IMAGE_EXTENSIONS, local);
    ListingReport flat = new ListingReport();
    FrameLister.list(List.of(dir.toString()), raw, FrameLister.IMAGE_EXTENSIONS, flat);
    assertTrue(flat.hidden() > local.hidden(), flat + " vs " + local);
    assertSameAsDriver(List.of(dir.toString()), raw, 1_000, 10);
    assertSameAsDriver(mixedPaths(), raw, 2, 1);
  }

  @Test
  void aPathMatchingNothingIsNamedOnTheDriver() {
    FileNotFoundException e = assertThrows(FileNotFoundException.class, () -> ExecutorListing.plan(spark,
        List.of(dir.resolve("missing").toString()), new Configuration(), FrameLister.IMAGE_EXTENSIONS, 10));
    assertTrue(e.getMessage().contains("missing"), e.getMessage());
  }
}
