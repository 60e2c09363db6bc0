package ai.posespark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.cli.ExportCommand;
import ai.posespark.data.Coco17;
import ai.posespark.data.CocoDataset;
import ai.posespark.data.CocoKeypointsReader;
import ai.posespark.run.SparkTestSession;
import ai.posespark.sink.ResultsJsonWriter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Each export of a real run checked against its format: field names, shapes, keypoint counts, and ids that join
 * back to the tables; the review file is read back by PoseSpark's own COCO ground-truth reader.
 */
class ExportTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static SparkSession spark;
  static String runDir;
  static Map<Long, Row> frames = new HashMap<>();

  @BeforeAll
  static void run() throws Exception {
    runDir = SampleRun.get().runDir();
    spark = SparkTestSession.get().newSession();
    RunTables.open(spark, runDir);
    for (Row r : spark.sql("SELECT frame_id, uri, n_persons, status FROM frames").collectAsList()) {
      frames.put(r.getLong(0), r);
    }
  }

  static Path export(RunExport.Format format, String where) throws Exception {
    Path out = Path.of("target/exports/" + format.name().toLowerCase() + (where == null ? "" : "-where"));
    org.apache.commons.io.FileUtils.deleteDirectory(out.toFile());
    RunExport.export(spark, runDir, format, where, out.toAbsolutePath().toUri().toString(), 100);
    return out;
  }

  @Test
  void cocoResultsJoinBackToTheFramesAndFollowTheWhere() throws Exception {
    JsonNode all = JSON.readTree(export(RunExport.Format.COCO, null).resolve("results.json").toFile());
    assertEquals(SampleRun.get().persons(), all.size(), "every person of the ok frames");
    Map<Long, Long> idsToFrames = new HashMap<>();
    frames.values().forEach(f -> idsToFrames.put(ResultsJsonWriter.defaultImageId(f.getString(1), f.getLong(0)),
        f.getLong(0)));
    for (JsonNode r : all) {
      assertEquals(Set.of("image_id", "category_id", "keypoints", "score", "bbox"), fields(r));
      assertEquals(17 * 3, r.get("keypoints").size());
      assertEquals(4, r.get("bbox").size());
      assertEquals(1, r.get("category_id").asInt());
      assertTrue(idsToFrames.containsKey(r.get("image_id").asLong()), "image_id joins a frame: " + r);
    }
    JsonNode two = JSON.readTree(export(RunExport.Format.COCO, "n_persons >= 2").resolve("results.json").toFile());
    long expected = frames.values().stream().filter(f -> f.getInt(2) >= 2).mapToLong(f -> f.getInt(2)).sum();
    assertEquals(expected, two.size(), "only the people of frames with two or more");
  }

  @Test
  void openPoseFilesFollowWriteJsonLayout() throws Exception {
    Path out = export(RunExport.Format.OPENPOSE, null);
    List<Path> files;
    try (Stream<Path> s = Files.list(out)) {
      files = s.sorted().toList();
    }
    assertEquals(List.of("000000000785_keypoints.json", "basketball1_keypoints.json", "messi5_keypoints.json"),
        files.stream().map(p -> p.getFileName().toString()).toList(), "one file per ok frame, OpenPose's names");
    for (Path f : files) {
      JsonNode doc = JSON.readTree(f.toFile());
      assertEquals(1.3, doc.get("version").asDouble());
      String stem = f.getFileName().toString().replace("_keypoints.json", "");
      Row frame = frames.values().stream().filter(r -> r.getString(1).contains("/" + stem + ".")).findFirst()
          .orElseThrow();
      assertEquals(frame.getInt(2), doc.get("people").size(), "people of " + stem);
      for (JsonNode p : doc.get("people")) {
        assertEquals(Set.of("person_id", "pose_keypoints_2d", "face_keypoints_2d", "hand_left_keypoints_2d",
            "hand_right_keypoints_2d", "pose_keypoints_3d", "face_keypoints_3d", "hand_left_keypoints_3d",
            "hand_right_keypoints_3d"), fields(p));
        JsonNode pose = p.get("pose_keypoints_2d");
        assertEquals(18 * 3, pose.size(), "COCO-18: 17 joints and the neck");
        // the neck (OpenPose index 1) sits between the shoulders (indices 2 and 5)
        assertEquals((pose.get(2 * 3).asDouble() + pose.get(5 * 3).asDouble()) / 2, pose.get(3).asDouble(), 1e-3);
        assertEquals(0, p.get("face_keypoints_2d").size());
      }
    }
  }

  @Test
  void reviewFileIsCocoKeypointsWithItsImagesAndReadsBackAsGroundTruth() throws Exception {
    Path out = export(RunExport.Format.REVIEW, null);
    Path file = out.resolve(ReviewExport.FILE);
    JsonNode doc = JSON.readTree(file.toFile());
    assertEquals(Set.of("info", "licenses", "categories", "images", "annotations"), fields(doc));
    JsonNode category = doc.get("categories").get(0);
    assertEquals("person", category.get("name").asText());
    assertEquals(Coco17.NAMES, JSON.convertValue(category.get("keypoints"), List.class));
    for (JsonNode edge : category.get("skeleton")) {
      assertTrue(edge.get(0).asInt() >= 1 && edge.get(1).asInt() <= 17, "1-based skeleton " + edge);
    }
    assertTrue(doc.get("images").size() >= 1, "the samples have uncertain people (basketball1's second person)");
    Set<Integer> imageIds = new HashSet<>();
    for (JsonNode img : doc.get("images")) {
      imageIds.add(img.get("id").asInt());
      assertTrue(Files.isRegularFile(out.resolve("images").resolve(img.get("file_name").asText())), "image copied");
      assertTrue(frames.containsKey(img.get("posespark_frame_id").asLong()), "frame id joins the frames table");
      assertTrue(!img.get("posespark_review").asText().isEmpty());
    }
    for (JsonNode a : doc.get("annotations")) {
      assertTrue(imageIds.contains(a.get("image_id").asInt()));
      JsonNode kps = a.get("keypoints");
      assertEquals(17 * 3, kps.size());
      int labelled = 0;
      for (int k = 0; k < 17; k++) {
        int v = kps.get(k * 3 + 2).asInt();
        assertTrue(v == 0 || v == 2, "visibility " + v);
        labelled += v > 0 ? 1 : 0;
      }
      assertEquals(labelled, a.get("num_keypoints").asInt());
      assertEquals(4, a.get("bbox").size());
    }
    // the corrected file comes back as ground truth: PoseSpark's own COCO reader takes it
    CocoDataset gt = CocoKeypointsReader.read(file.toAbsolutePath().toUri().toString(), new Configuration());
    assertEquals(doc.get("images").size(), gt.images().size());
    assertEquals(Coco17.NAMES, gt.keypointNames());
  }

  /**
   * The loop users want: the review export, corrected by a person (here: every labelled keypoint nudged 2 px, as
   * CVAT would save it), comes back as the training set of a fine-tuning job with no conversion by hand.
   */
  @Test
  void aCorrectedReviewExportIsATrainingSetAsItIs() throws Exception {
    ai.posespark.run.TestModels.assumeInstalled("movenet-lightning");
    Path out = export(RunExport.Format.REVIEW, null);
    com.fasterxml.jackson.databind.node.ObjectNode doc =
        (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(out.resolve(ReviewExport.FILE).toFile());
    int people = 0;
    for (JsonNode a : doc.get("annotations")) {
      var kps = (com.fasterxml.jackson.databind.node.ArrayNode) a.get("keypoints");
      for (int k = 0; k < 17; k++) {
        if (kps.get(k * 3 + 2).asInt() > 0) {
          kps.set(k * 3, kps.get(k * 3).asDouble() + 2);
        }
      }
      people += a.get("num_keypoints").asInt() >= 5 ? 1 : 0;
    }
    Path corrected = out.resolve("corrected.json");
    JSON.writeValue(corrected.toFile(), doc);
    ai.posespark.jobfile.JobSpec spec = ai.posespark.jobfile.JobSpecLoader.parse("""
        name: from-review
        input: {kind: train, paths: [%s], annotations: %s}
        model: {pipeline: single, pose: movenet-lightning}
        execution: {device: cpu}
        train: {epochs: 1, batchSize: 4, copies: 1, validationFraction: 0.0}
        output: {path: %s}
        """.formatted(out.resolve("images").toAbsolutePath(), corrected.toAbsolutePath(),
        out.resolve("train").toAbsolutePath()), List.of());
    ai.posespark.report.JobSummary summary = ai.posespark.run.PoseJob.run(spark, spec);
    JsonNode training = JSON.readTree(Path.of(java.net.URI.create(summary.runDir())).resolve("training.json")
        .toFile());
    assertEquals(0, summary.errors(), "every exported image is read back");
    assertTrue(people >= 1 && training.path("train_samples").asInt() >= 1, "the corrected people train: "
        + training.path("train_samples"));
    assertEquals(1, training.path("epochs").size());
  }

  @Test
  void overlaysDrawTheChosenFramesAtTheirSize() throws Exception {
    Path out = export(RunExport.Format.OVERLAYS, "uri LIKE '%000000000785%'");
    File[] files = out.toFile().listFiles();
    assertEquals(1, files.length);
    assertEquals("000000000785_overlay.jpg", files[0].getName());
    BufferedImage overlay = ImageIO.read(files[0]);
    BufferedImage original = ImageIO.read(SampleRun.dir().resolve("../../images/000000000785.jpg").toFile());
    assertEquals(original.getWidth(), overlay.getWidth());
    assertEquals(original.getHeight(), overlay.getHeight());
    long changed = 0;
    for (int y = 0; y < original.getHeight(); y += 2) {
      for (int x = 0; x < original.getWidth(); x += 2) {
        int a = original.getRGB(x, y);
        int b = overlay.getRGB(x, y);
        changed += Math.abs((a >> 16 & 0xff) - (b >> 16 & 0xff)) > 60 ? 1 : 0;
      }
    }
    assertTrue(changed > 200, "the skeleton is drawn: " + changed + " pixels changed");
  }

  @Test
  void exportCommandRejectsABadPredicateAndAnUnknownFormat() throws Exception {
    ExportCommand cmd = new ExportCommand();
    new CommandLine(cmd).parseArgs(Path.of(java.net.URI.create(runDir)).toString(), "--format", "coco", "--where",
        "no_such_column > 1", "--out", "target/exports/bad");
    assertEquals(2, cmd.export(spark));
    ExportCommand failing = new ExportCommand();
    new CommandLine(failing).parseArgs(Path.of(java.net.URI.create(runDir)).toString(), "--format", "coco",
        "--where", "CAST(uri AS INT) = 1", "--out", "target/exports/bad");
    assertEquals(2, failing.export(spark), "a predicate that fails while it runs is the user's too");
    assertEquals(0, exitOf("openpose"), "a good one exports");
    assertTrue(Files.isRegularFile(Path.of("target/exports/cli/messi5_keypoints.json")));
    assertNotEquals(0, new CommandLine(new ExportCommand()).execute(runDir, "--format", "pdf"));
  }

  private static int exitOf(String format) throws Exception {
    ExportCommand cmd = new ExportCommand();
    new CommandLine(cmd).parseArgs(runDir, "--format", format, "--out", "target/exports/cli");
    return cmd.export(spark);
  }

  static Set<String> fields(JsonNode n) {
    Set<String> s = new HashSet<>();
    n.fieldNames().forEachRemaining(s::add);
    return s;
  }
}
