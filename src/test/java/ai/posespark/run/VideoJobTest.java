package ai.posespark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.decode.TestImages;
import ai.posespark.decode.TestVideos;
import ai.posespark.jobfile.JobSpec;
import ai.posespark.jobfile.JobSpecLoader;
import ai.posespark.report.JobSummary;
import ai.posespark.source.VideoIndex;
import ai.posespark.source.VideoProbe;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A video job end to end on real Spark (local[2]) and a real pose model: a rendered video of a moving person long
 * enough to be split over several tasks, videos the test breaks, a JPEG named .mp4, an MP4 named .jpg, a folder of
 * numbered frames and a photo, every second frame. One frame row per sampled frame, with exact indices and
 * timestamps; the long video's rows come from several tasks (and with tracking on, its person keeps one track id);
 * a broken file is one error row; the job goes on.
 */
class VideoJobTest {
  static final int FRAMES = 400;
  static final double FPS = 25;
  static final int STRIDE = 2;
  @TempDir
  static Path dir;
  static JobSummary summary;
  static SparkSession spark;
  static Path input;
  static TestVideos.SpritePainter painter;
  static TestVideos.Sprite skier;
  /** File name → the frame indices the job must write. */
  static final Map<String, List<Integer>> EXPECTED = new TreeMap<>();

  @BeforeAll
  static void runJob() throws Exception {
    TestModels.assumeInstalled("movenet-lightning");
    input = Files.createDirectories(dir.resolve("in"));
    skier = TestVideos.skier(2);
    painter = new TestVideos.SpritePainter(List.of(skier), List.of(TestVideos.line(10, 40, 200, 60, FRAMES)));
    TestVideos.render(input, "long", new TestVideos.Spec(320, 240, FPS, FRAMES, TestVideos.Codec.MPEG4_AVI, 25),
        painter);
    Path good = TestVideos.render(dir, "numbers", new TestVideos.Spec(160, 120, FPS, 100,
        TestVideos.Codec.MPEG4_MP4, 25), TestVideos.frameNumbers());
    byte[] bytes = Files.readAllBytes(good);
    byte[] garbage = bytes.clone();
    for (int i = 0; i < 3000; i++) {
      garbage[bytes.length / 2 + i] = (byte) (i * 131 + 7);
    }
    Files.write(input.resolve("garbage.mp4"), garbage);
    Files.write(input.resolve("truncated.mp4"), Arrays.copyOf(bytes, bytes.length / 2));
    Files.createFile(input.resolve("zero.mp4"));
    Files.write(input.resolve("clip.jpg"), bytes);
    Path photo = TestImages.samples().resolve("000000000785.jpg");
    Files.copy(photo, input.resolve("photo.mp4"));
    Files.copy(photo, input.resolve("skier.jpg"));
    Path frames = Files.createDirectories(input.resolve("frames"));
    for (int i = 0; i < 4; i++) {
      Files.copy(photo, frames.resolve(String.format("%06d.jpg", i)));
    }

    Configuration conf = new Configuration();
    for (String video : List.of("long.avi", "garbage.mp4", "truncated.mp4", "zero.mp4", "photo.mp4")) {
      Path f = input.resolve(video);
      VideoIndex index = VideoProbe.probe(f.toUri().toString(), Files.size(f), conf);
      List<Integer> want = new ArrayList<>();
      for (int i = 0; i < Math.max(1, index.frames()); i += index.error() == null ? STRIDE : 1) {
        want.add(i);
      }
      EXPECTED.put(video, want);
    }
    EXPECTED.put("clip.jpg", List.of(0));
    EXPECTED.put("skier.jpg", List.of(0));
    EXPECTED.put("000000.jpg", List.of(0));
    EXPECTED.put("000002.jpg", List.of(2));

    JobSpec spec = JobSpecLoader.parse("""
        name: video
        input: {paths: [%s], kind: video}
        model: {pose: movenet-lightning}
        execution: {batchSize: 4, device: cpu, frameStride: %d, framesPerTask: 25}
        output: {path: %s}
        """.formatted(input, STRIDE, dir.resolve("out")), List.of());
    spark = SparkTestSession.get();
    summary = PoseJob.run(spark, spec);
    spark.read().parquet(summary.runDir() + "/frames").createOrReplaceTempView("video_frames");
    spark.read().parquet(summary.runDir() + "/persons").createOrReplaceTempView("video_persons");
  }

  static String name(String uri) {
    return uri.substring(uri.lastIndexOf('/') + 1);
  }

  @Test
  void oneRowPerSampledFrameWithExactIndicesAndTimestamps() {
    Map<String, List<Integer>> written = new TreeMap<>();
    for (Row r : spark.sql("SELECT uri, frame_index FROM video_frames ORDER BY uri, frame_index").collectAsList()) {
      written.computeIfAbsent(name(r.getString(0)), k -> new ArrayList<>()).add(r.getInt(1));
    }
    assertEquals(EXPECTED, written);
    assertEquals(EXPECTED.values().stream().mapToInt(List::size).sum(), summary.frames());
    List<Row> rows = spark.sql("SELECT frame_index, timestamp_ms, status, width, height FROM video_frames "
        + "WHERE uri LIKE '%/long.avi' ORDER BY frame_index").collectAsList();
    assertEquals(FRAMES / STRIDE, rows.size());
    for (Row r : rows) {
      assertEquals("ok", r.getString(2), "frame " + r.getInt(0));
      assertEquals(Math.round(r.getInt(0) * 1000 / FPS), r.getLong(1), "frame " + r.getInt(0) + " timestamp");
      assertEquals(320, r.getInt(3));
      assertEquals(240, r.getInt(4));
    }
    assertTrue(spark.sql("SELECT * FROM video_frames WHERE uri LIKE '%/frames/%' AND timestamp_ms IS NOT NULL")
        .isEmpty(), "numbered images have no timestamp");
  }

  /**
   * The overlay export of the long video: every sampled frame as an image and all of them, in order, as one video at
   * the sampled rate, though frames are drawn and encoded 16 at a time (OverlayExport.CHUNK) and let go.
   */
  @Test
  void overlaysOfAVideoStreamIntoOneAnnotatedVideo() throws Exception {
    Path out = dir.resolve("overlays");
    String wrote = ai.posespark.report.RunExport.export(spark.newSession(), summary.runDir(),
        ai.posespark.report.RunExport.Format.OVERLAYS, "uri LIKE '%/long.avi'", out.toString(), 0);
    int sampled = FRAMES / STRIDE;
    assertEquals(sampled + " overlays", wrote);
    try (var files = Files.list(out)) {
      assertEquals(sampled, files.filter(f -> f.toString().endsWith("_overlay.jpg")).count());
    }
    try (org.bytedeco.javacv.FFmpegFrameGrabber video = new org.bytedeco.javacv.FFmpegFrameGrabber(
        out.resolve("long_overlay.mp4").toFile())) {
      video.start();
      assertEquals(FPS / STRIDE, video.getFrameRate(), 0.01, "the sampled frames' rate");
      int n = 0;
      while (video.grabImage() != null) {
        n++;
      }
      video.stop();
      assertEquals(sampled, n, "every sampled frame, across chunks");
    }
  }

  @Test
  void theLongVideoIsSplitOverSeveralTasks() {
    // every partition writes its own part file: rows of one video in several files came from several tasks
    int files = spark.sql("SELECT DISTINCT input_file_name() FROM video_frames WHERE uri LIKE '%/long.avi'")
        .collectAsList().size();
    System.out.printf("long.avi: %d sampled frames written by %d tasks%n", FRAMES / STRIDE, files);
    assertTrue(files >= 2, "rows from " + files + " task(s)");
  }

  @Test
  void brokenFilesAreOneErrorRowAndTheJobGoesOn() {
    Map<String, String> errors = new TreeMap<>();
    for (Row r : spark.sql("SELECT uri, error FROM video_frames WHERE status = 'error' AND frame_index = 0")
        .collectAsList()) {
      errors.put(name(r.getString(0)), r.getString(1));
    }
    System.out.println("error rows: " + errors);
    assertTrue(errors.get("zero.mp4").startsWith("cannot open video: avformat_open_input: "), errors.toString());
    assertTrue(errors.get("truncated.mp4").startsWith("cannot open video: "), errors.toString());
    assertTrue(errors.get("clip.jpg").contains("not a supported image format"), "an MP4 named .jpg is a bad image");
    Row photo = spark.sql("SELECT status, width, height FROM video_frames WHERE uri LIKE '%/photo.mp4'").first();
    assertEquals("ok", photo.getString(0), "FFmpeg reads a JPEG named .mp4 by its content: one frame");
    assertEquals(640, photo.getInt(1));
    long damaged = spark.sql("SELECT count(*) FROM video_frames WHERE uri LIKE '%/garbage.mp4' AND status = 'error'")
        .first().getLong(0);
    assertTrue(damaged > 0 && damaged < EXPECTED.get("garbage.mp4").size() / 2, damaged + " damaged frames");
  }

  /**
   * With tracking on, the long video's frames, estimated by several tasks, are regrouped for the tracker: the one
   * person keeps one track id (every fourth frame here, a second run on the same session and model).
   */
  @Test
  void theTrackerSeesOnePersonAcrossTheTasks() throws Exception {
    JobSummary tracked = PoseJob.run(spark, JobSpecLoader.parse("""
        name: video-tracked
        input: {paths: [%s], kind: video}
        model: {pose: movenet-lightning}
        execution: {batchSize: 4, device: cpu, frameStride: 4, framesPerTask: 25}
        tracking: {enabled: true}
        output: {path: %s}
        """.formatted(input.resolve("long.avi"), dir.resolve("out")), List.of()));
    assertEquals(FRAMES / 4, tracked.frames());
    List<Row> ids = spark.read().parquet(tracked.runDir() + "/persons").groupBy("track_id").count()
        .collectAsList();
    System.out.println("long.avi, tracked: (track id, persons) " + ids);
    Row main = ids.stream().max((a, b) -> Long.compare(a.getLong(1), b.getLong(1))).orElseThrow();
    assertTrue(main.getLong(0) >= 0, "tracked");
    assertTrue(main.getLong(1) >= FRAMES / 4 * 0.95, "one id for the skier in (nearly) every frame: " + ids);
  }

  /** The person the model finds in each frame is where the test painted it in that frame. */
  @Test
  void thePoseFollowsThePaintedPerson() throws Exception {
    JsonNode gt = Skier.annotation().path("keypoints");
    double sum = 0;
    int n = 0;
    List<Row> best = spark.sql("SELECT frame_index, keypoints FROM (SELECT *, row_number() OVER (PARTITION BY "
        + "frame_index ORDER BY score DESC) AS rank FROM video_persons WHERE uri LIKE '%/long.avi') WHERE rank = 1")
        .collectAsList();
    assertEquals(FRAMES / STRIDE, best.size(), "a person in every frame");
    for (Row r : best) {
      int[] at = painter.offset(r.getInt(0), 0);
      List<Row> kps = r.getList(1);
      for (int k = 0; k < 17; k++) {
        if (gt.get(k * 3 + 2).asInt() > 0) {
          double x = (gt.get(k * 3).asDouble() - skier.photoX()) / skier.scale() + at[0];
          double y = (gt.get(k * 3 + 1).asDouble() - skier.photoY()) / skier.scale() + at[1];
          sum += Math.hypot(kps.get(k).getFloat(1) - x, kps.get(k).getFloat(2) - y);
          n++;
        }
      }
    }
    double mean = sum / n;
    System.out.printf("long.avi: mean keypoint error %.1f px against the painted skier's moving position%n", mean);
    assertTrue(mean < 12, "mean keypoint error " + mean + " px");
  }
}
