package ai.posespark.run.bench;

import ai.posespark.jobfile.JobSpecLoader;
import ai.posespark.report.JobSummary;
import ai.posespark.run.PoseJob;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * The top-down accuracy table of README: COCO AP/AR (the project's evaluator) on {@code ../shared/data/coco} for each
 * detector × pose model (defaults: OKS pose NMS, no flip test, no refinement), thunder's refine / flip-test /
 * pose-NMS variants, and movenet-multipose bottom-up for reference; with each row's pipeline milliseconds per image
 * (all stages but read and decode, one core). Prints a Markdown table; nothing asserted.
 *
 * <pre>scripts/bench-topdown.sh table [shared dir [first row [label regex]]]</pre>
 */
public final class TopDownTable {
  private TopDownTable() {}

  public static void main(String[] args) throws Exception {
    Path shared = Path.of(args.length > 0 ? args[0] : "../shared").toAbsolutePath().normalize();
    Path coco = shared.resolve("data/coco");
    Path work = Files.createTempDirectory("posespark-topdown-table");
    Path gtBoxes = groundTruthBoxes(coco.resolve("test_coco.json"), work.resolve("gt_boxes.json"));
    String ap56 = coco.resolve("test_coco_det_AP_H_56.json").toString();
    List<String[]> rows = new ArrayList<>(); // label, overrides...
    rows.add(new String[] {"movenet-multipose bottom-up (reference)", "model.pipeline=bottom-up",
        "model.pose=movenet-multipose"});
    String[][] detectors = {{"centernet", "model.detector=centernet"}, {"nanodet", "model.detector=nanodet"},
        {"blazepose-detector", "model.detector=blazepose-detector"},
        {"AP-56 detection file", "model.detector=file", "input.detections=" + ap56},
        {"ground-truth boxes", "model.detector=file", "input.detections=" + gtBoxes}};
    for (String pose : List.of("movenet-thunder", "movenet-lightning", "efficientpose", "blazepose-full")) {
      for (String[] d : detectors) {
        String[] r = new String[d.length + 1];
        r[0] = d[0] + " + " + pose;
        System.arraycopy(d, 1, r, 1, d.length - 1);
        r[d.length] = "model.pose=" + pose;
        rows.add(r);
      }
    }
    for (String[] v : new String[][] {{"refine 1", "model.refine=1"}, {"refine 2", "model.refine=2"},
        {"flip test", "model.flipTest=true"}, {"pose NMS parametric", "model.poseNms=parametric"},
        {"flip test, pose NMS parametric", "model.flipTest=true", "model.poseNms=parametric"},
        {"pose NMS none", "model.poseNms=none"}}) {
      for (String[] d : new String[][] {detectors[0], detectors[3]}) {
        List<String> r = new ArrayList<>(List.of(d[0] + " + movenet-thunder, " + v[0]));
        r.addAll(List.of(d).subList(1, d.length));
        r.add("model.pose=movenet-thunder");
        r.addAll(List.of(v).subList(1, v.length));
        rows.add(r.toArray(String[]::new));
      }
    }
    rows.addAll(onnxRows(shared, detectors[3], detectors[4], work));
    if (args.length > 2) { // rows whose label matches a regular expression, e.g. "tinypose|rtmdet|yolox"
      java.util.regex.Pattern only = java.util.regex.Pattern.compile(args[2]);
      rows.removeIf(r -> !only.matcher(r[0]).find());
    }
    SparkSession spark = SparkSession.builder().master("local[2]").appName("topdown-table")
        .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").getOrCreate();
    StringBuilder table = new StringBuilder(
        "| setting | AP | AP50 | AP75 | AR | persons | pipeline ms/image | images/s per core |\n"
            + "|---|---|---|---|---|---|---|---|\n");
    int from = args.length > 1 ? Integer.parseInt(args[1]) : 0; // resume a table from its row n (0-based)
    for (String[] r : rows.subList(from, rows.size())) {
      List<String> overrides = new ArrayList<>(List.of(r).subList(1, r.length));
      overrides.add("output.path=" + work.resolve("out"));
      String yaml = """
          name: table
          input: {paths: ["%s/*.jpg"], annotations: %s}
          model: {pipeline: top-down, minPersonScore: 0.05}
          evaluation: {metrics: [coco]}
          """.formatted(coco, coco.resolve("test_coco.json"));
      JobSummary s = PoseJob.run(spark, JobSpecLoader.parse(yaml, overrides));
      double[] st = s.evaluation().coco().stats();
      double ms = s.inferenceMs() / s.frames();
      table.append(String.format("| %s | %.3f | %.3f | %.3f | %.3f | %d | %.0f | %.2f |%n", r[0], st[0], st[1], st[2],
          st[5], s.persons(), ms, 1000 / ms));
      System.out.println(table);
    }
    spark.stop();
  }

  /**
   * The ONNX models: RTMDet-nano and YOLOX-Nano against CenterNet and the detection files, under PP-TinyPose and
   * thunder; PP-TinyPose with and without the flip test and with each heatmap refinement (DARK, its recipe; the
   * quarter shift; UDP's coordinates, which it was not trained for) through a catalog file of the bench's own.
   */
  private static List<String[]> onnxRows(Path shared, String[] ap56, String[] gtBoxes, Path work) throws Exception {
    String yolox = shared.resolve("models/yolox-nano.onnx").toString();
    String[][] detectors = {{"rtmdet-nano", "model.detector=rtmdet-nano-person-heads"},
        {"yolox-nano", "model.detector=" + yolox}, {"centernet", "model.detector=centernet"}, ap56, gtBoxes};
    List<String[]> rows = new ArrayList<>();
    for (String[] d : detectors) {
      for (String pose : List.of("pp-tinypose-256x192", "movenet-thunder")) {
        for (boolean flip : new boolean[] {false, true}) {
          List<String> r = new ArrayList<>(List.of(d[0] + " + " + pose + (flip ? ", flip test" : "")));
          r.addAll(List.of(d).subList(1, d.length));
          r.add("model.pose=" + pose);
          r.add("model.flipTest=" + flip);
          rows.add(r.toArray(String[]::new));
        }
      }
    }
    Path catalog = work.resolve("refinements.yaml");
    StringBuilder entries = new StringBuilder("models:\n");
    for (String[] codec : new String[][] {{"shift", "{refine: shift}"}, {"none", "{refine: none}"},
        {"udp", "{refine: dark, blurKernel: 3, udp: true}"}}) {
      entries.append("""
            pp-tinypose-%s:
              file: classpath:models/pp-tinypose-256x192.onnx
              format: onnx
              input: {size: [256, 192], dtype: float32, layout: nchw,
                      mean: [123.675, 116.28, 103.53], std: [58.395, 57.12, 57.375]}
              resize: stretch
              decoder: heatmap
              codec: %s
              keypoints: coco17
              batch: 0
          """.formatted(codec[0], codec[1]));
      for (String[] d : new String[][] {detectors[0], gtBoxes}) {
        for (boolean flip : new boolean[] {false, true}) {
          List<String> r = new ArrayList<>(List.of(d[0] + " + pp-tinypose-256x192, " + codec[0]
              + (flip ? ", flip test" : "")));
          r.addAll(List.of(d).subList(1, d.length));
          r.addAll(List.of("model.pose=pp-tinypose-" + codec[0], "model.catalog=" + catalog,
              "model.flipTest=" + flip));
          rows.add(r.toArray(String[]::new));
        }
      }
    }
    Files.writeString(catalog, entries);
    return rows;
  }

  /** The ground truth's person boxes as a detection results file (score 1): the upper bound of any detector. */
  private static Path groundTruthBoxes(Path gt, Path out) throws Exception {
    ObjectMapper json = new ObjectMapper();
    ArrayNode dets = json.createArrayNode();
    for (JsonNode a : json.readTree(gt.toFile()).path("annotations")) {
      ObjectNode d = dets.addObject();
      d.put("image_id", a.path("image_id").asLong());
      d.put("category_id", 1);
      d.set("bbox", a.path("bbox"));
      d.put("score", 1.0);
    }
    json.writeValue(out.toFile(), dets);
    return out;
  }
}
