package ai.posespark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.decode.HostileFiles;
import ai.posespark.decode.TestImages;
import ai.posespark.decode.TestVideos;
import ai.posespark.jobfile.JobSpecLoader;
import ai.posespark.report.JobSummary;
import ai.posespark.source.HttpCanary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile files the test builds, through the real job (MoveNet lightning): each is its frame's error row with the
 * reason, bounded in memory and time, and the photo beside them is posed. Prints the counts the bad-input table
 * quotes.
 */
class HostileInputsJobTest {
  /**
   * input.decodeTimeoutMs for the run: the 150,000-scan JPEG takes ~30 s on the dev machine, a photo ~10 ms (up to
   * ~4 s on a loaded 2-core machine).
   */
  private static final long BUDGET_MS = 8000;
  private static final long MAX_FILE_BYTES = 2_000_000;

  @TempDir
  static Path dir;
  static SparkSession spark;
  static JobSummary summary;
  static Map<String, Row> frames;

  @BeforeAll
  static void runJob() throws Exception {
    TestModels.assumeInstalled("movenet-lightning");
    Path images = Files.createDirectories(dir.resolve("images"));
    Files.copy(TestImages.samples().resolve("000000000785.jpg"), images.resolve("skier.jpg"));
    HostileFiles.fifo(images.resolve("pipe.jpg"));
    HostileFiles.devZero(images.resolve("zero.jpg"));
    byte[] big = new byte[(int) MAX_FILE_BYTES + 1];
    new Random(1).nextBytes(big);
    Files.write(images.resolve("big.jpg"), big);
    Files.write(images.resolve("text-bomb.png"),
        HostileFiles.pngWithTextBomb(TestImages.quadrants(64, 48), 1L << 30));
    Files.write(images.resolve("scans.jpg"), HostileFiles.progressiveJpegWithScans(1448, 150_000));
    spark = SparkTestSession.get();
    summary = PoseJob.run(spark, JobSpecLoader.parse("""
        name: hostile
        input: {paths: [%s], maxFileBytes: %d, decodeTimeoutMs: %d}
        model: {pose: movenet-lightning}
        execution: {batchSize: 4, device: cpu}
        output: {path: %s}
        """.formatted(images, MAX_FILE_BYTES, BUDGET_MS, dir.resolve("out")), List.of()));
    frames = FrameRows.byFileName(spark, summary.runDir());
  }

  private static void assertRow(String file, String status, String error) {
    Row row = frames.get(file);
    assertEquals(status, row.getAs("status"), file + ": " + row.getAs("error"));
    if (error != null) {
      assertEquals(error, row.getAs("error"), file);
    }
  }

  @Test
  void everyHostileFileIsItsOwnRowAndThePhotoIsPosed() {
    assertRow("pipe.jpg", "error", "not a regular file: a FIFO (named pipe) (not read)");
    assertRow("zero.jpg", "error", "not a regular file: a character device (not read)");
    assertRow("big.jpg", "error", "file is 2000001 bytes, above input.maxFileBytes 2,000,000 (not read)");
    assertRow("scans.jpg", "error", "decoding took longer than input.decodeTimeoutMs 8,000 ms: given up");
    assertRow("text-bomb.png", "ok", null);
    assertEquals(64, (int) frames.get("text-bomb.png").getAs("width"));
    assertRow("skier.jpg", "ok", null);
    assertEquals(6, frames.size(), "a row per file");
    assertEquals(6, summary.frames());
    assertEquals(4, summary.errors());
    assertTrue(summary.persons() >= 1, "the skier is posed");
    frames.forEach((file, row) -> System.out.printf("  %s: read %.0f ms, decode %.0f ms, %s%n", file,
        row.getAs("read_ms"), row.getAs("decode_ms"), row.getAs("status")));
    System.out.printf("hostile images: %d files tried, %d rows, %d error rows, 0 executors lost, 0 runs unfinished%n",
        frames.size(), summary.frames(), summary.errors());
  }

  /** A video whose stream declares more than input.maxPixels: every frame is an error row, none decoded. */
  @Test
  void videoAboveMaxPixelsIsEveryFramesErrorRow() throws Exception {
    Path video = TestVideos.render(dir.resolve("video"), "wide", new TestVideos.Spec(320, 240, 25, 30,
        TestVideos.Codec.MJPEG_AVI, 10), TestVideos.frameNumbers());
    JobSummary run = PoseJob.run(spark, JobSpecLoader.parse("""
        name: wide-video
        input: {paths: [%s], kind: video, maxPixels: 76799}
        model: {pose: movenet-lightning}
        execution: {batchSize: 4, device: cpu, framesPerTask: 10}
        output: {path: %s}
        """.formatted(video, dir.resolve("out")), List.of()));
    List<Row> rows = spark.read().parquet(run.runDir() + "/frames").collectAsList();
    assertEquals(30, rows.size(), "a row per frame");
    for (Row r : rows) {
      assertEquals("error", r.getAs("status"));
      assertEquals("video stream declares 320x240 = 76,800 pixels a frame, above input.maxPixels 76,799 (refused "
          + "before decoding)", r.getAs("error"));
    }
    System.out.printf("video above input.maxPixels: %d frames, %d error rows%n", run.frames(), run.errors());
  }

  /**
   * Playlists, manifests, an SDP session and a concat list pointing at a loopback HTTP canary, through the video
   * job: each is its error row, and no request reaches the canary.
   */
  @Test
  void playlistsAndManifestsReachNoNetwork() throws Exception {
    try (HttpCanary canary = new HttpCanary()) {
      Map<String, Path> lures = canary.writeLures(dir.resolve("lures"));
      JobSummary run = PoseJob.run(spark, JobSpecLoader.parse("""
          name: lures
          input: {paths: [%s, %s, %s, %s], kind: video}
          model: {pose: movenet-lightning}
          execution: {device: cpu}
          output: {path: %s}
          """.formatted(dir.resolve("lures"), lures.get("hls.m3u8"), lures.get("dash.mpd"), lures.get("sdp.sdp"),
          dir.resolve("out")), List.of()));
      List<Row> rows = spark.read().parquet(run.runDir() + "/frames").collectAsList();
      assertEquals(lures.size(), rows.size(), "a row per file");
      for (Row r : rows) {
        assertEquals("error", r.getAs("status"), (String) r.getAs("uri"));
        assertTrue(((String) r.getAs("error")).startsWith("cannot open video: avformat_open_input: "),
            (String) r.getAs("error"));
      }
      assertEquals(List.of(), canary.requests(), "requests from dataset content");
      System.out.printf("lures (HLS, DASH, SDP, concat): %d files, %d error rows, %d network requests%n",
          rows.size(), run.errors(), canary.requests().size());
    }
  }
}
