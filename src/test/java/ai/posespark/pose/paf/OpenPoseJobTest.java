package ai.posespark.pose.paf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.decode.TestImages;
import ai.posespark.jobfile.JobSpec;
import ai.posespark.jobfile.JobSpecLoader;
import ai.posespark.report.JobSummary;
import ai.posespark.run.PoseJob;
import ai.posespark.run.SparkTestSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jobs/bottomup-paf.yaml} as shipped, with the TorchScript OpenPose-style model the test builds
 * ({@link PaintedOpenPose}) in place of the user's export and painted people with their COCO ground truth in place
 * of the reference images: the catalog entry's input recipe (BGR, v/256 − 0.5, letterbox to 368) and output layout
 * (tuple (pafs, heatmaps), background channel, stride 8) reach the decoder, which groups by PAFs, and by the ILP
 * over the same PAF scores, into people scored against the painting.
 */
class OpenPoseJobTest {
  /** A standing person facing the camera, COCO-17 (x, y) around the nose, before scaling. */
  private static final double[][] STANDING = {{0, 0}, {15, -12}, {-15, -12}, {32, -2}, {-32, -2}, {45, 50},
      {-45, 50}, {60, 120}, {-60, 120}, {65, 185}, {-65, 185}, {28, 175}, {-28, 175}, {30, 260}, {-30, 260},
      {32, 340}, {-32, 340}};

  @TempDir
  Path dir;

  private static double[][] person(double noseX, double noseY, double scale) {
    double[][] kps = new double[17][];
    for (int k = 0; k < 17; k++) {
      kps[k] = new double[] {noseX + scale * STANDING[k][0], noseY + scale * STANDING[k][1]};
    }
    return kps;
  }

  @Test
  void pafAndIlpGroupingFindThePaintedPeopleInTheShippedJob() throws Exception {
    Path model = PaintedOpenPose.write(dir.resolve("openpose-coco18.pt"), PafTopology.COCO_18);
    double[][] a = person(200, 40, 1.4);
    double[][] b = person(520, 40, 1.4);
    // A's left forearm and B's right forearm cross between them
    a[9] = new double[] {400, 250};
    b[10] = new double[] {320, 250};
    Map<String, List<double[][]>> images = Map.of("crossing.png", List.of(a, b),
        "single.png", List.<double[][]>of(person(300, 90, 1.0)));
    Path img = Files.createDirectories(dir.resolve("img"));
    ObjectNode gt = groundTruth(images, 736, 552);
    for (var e : images.entrySet()) {
      List<double[][]> parts = new ArrayList<>();
      for (double[][] kps : e.getValue()) {
        parts.add(PafTopology.COCO_18.partsFromCoco17(kps, visible()));
      }
      Files.write(img.resolve(e.getKey()), TestImages.encode(PaintedOpenPose.paint(736, 552, PafTopology.COCO_18,
          parts), "png"));
    }
    Path annotations = dir.resolve("painted.json");
    new ObjectMapper().writeValue(annotations.toFile(), gt);
    SparkSession spark = SparkTestSession.get();
    for (String grouping : List.of("paf", "ilp")) {
      JobSpec spec = JobSpecLoader.load(Path.of("jobs/bottomup-paf.yaml"), List.of("name=painted-" + grouping,
          "model.pose=" + model, "model.grouping=" + grouping, "input.paths=[" + img + "]",
          "input.annotations=" + annotations, "output.path=" + dir.resolve("out"), "execution.device=cpu"));
      JobSummary summary = PoseJob.run(spark, spec);
      assertEquals(2, summary.frames());
      assertEquals(0, summary.errors());
      assertEquals(3, summary.persons(), grouping + ": people found");
      List<Row> notes = spark.read().parquet(summary.runDir() + "/frames").select("note", "model").collectAsList();
      for (Row r : notes) {
        assertNull(r.get(0), grouping + ": no fallback");
        assertEquals("openpose-coco18", r.getString(1));
      }
      var stats = new ObjectMapper().readTree(Path.of(java.net.URI.create(summary.runDir())).resolve("eval/coco.json")
          .toFile()).path("stats");
      System.out.printf("painted openpose job, grouping %s: %d people, COCO AP %.3f AP50 %.3f AP75 %.3f%n", grouping,
          summary.persons(), stats.get(0).asDouble(), stats.get(1).asDouble(), stats.get(2).asDouble());
      // every person at OKS 0.75; above, the stride-8 grid (16 source pixels here) costs the face's tight sigmas
      assertEquals(1.0, stats.get(2).asDouble(), 1e-9, grouping + ": AP75");
      assertTrue(stats.get(0).asDouble() > 0.7, grouping + ": AP " + stats.get(0));
    }
  }

  private static double[] visible() {
    double[] v = new double[17];
    java.util.Arrays.fill(v, 2);
    return v;
  }

  /** COCO keypoint ground truth of the painted people (v = 2), boxes around the keypoints. */
  private static ObjectNode groundTruth(Map<String, List<double[][]>> images, int width, int height) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    ArrayNode imgs = root.putArray("images");
    ArrayNode anns = root.putArray("annotations");
    root.putArray("categories").addObject().put("id", 1).put("name", "person");
    int imageId = 0;
    int annId = 0;
    for (var e : new java.util.TreeMap<>(images).entrySet()) {
      imageId++;
      imgs.addObject().put("id", imageId).put("file_name", e.getKey()).put("width", width).put("height", height);
      for (double[][] kps : e.getValue()) {
        ObjectNode ann = anns.addObject().put("id", ++annId).put("image_id", imageId).put("category_id", 1)
            .put("iscrowd", 0).put("num_keypoints", 17);
        ArrayNode k = ann.putArray("keypoints");
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (double[] p : kps) {
          k.add(p[0]).add(p[1]).add(2);
          x0 = Math.min(x0, p[0]);
          y0 = Math.min(y0, p[1]);
          x1 = Math.max(x1, p[0]);
          y1 = Math.max(y1, p[1]);
        }
        ann.putArray("bbox").add(x0).add(y0).add(x1 - x0).add(y1 - y0);
        ann.put("area", (x1 - x0) * (y1 - y0));
      }
    }
    return root;
  }
}
