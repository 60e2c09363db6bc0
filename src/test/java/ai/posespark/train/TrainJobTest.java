package ai.posespark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.posespark.data.AnnotationFiles;
import ai.posespark.job.JobSpec;
import ai.posespark.job.JobSpecLoader;
import ai.posespark.job.JobSummary;
import ai.posespark.job.PoseJob;
import ai.posespark.job.SparkTestSession;
import ai.posespark.model.ModelCatalog;
import ai.posespark.model.tfjs.TfjsGraphModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training job end to end on a corrected review export as CVAT and Label Studio exchange it: COCO Keypoints 1.0
 * whose images are named by path. The test writes one: the sample person (COCO 785), the same photo mirrored with
 * its keypoints mirrored and left/right swapped (so that the split has a validation image), and a corrupt file.
 */
class TrainJobTest {

  @Test
  void aCorrectedExportTrainsAModelTheCatalogLoads(@TempDir Path dir) throws Exception {
    TrainingFixtures.lightning();
    Path export = writeExport(dir);
    // seed 5 holds out the mirrored image; the original and the corrupt file are the training split
    JobSpec spec = JobSpecLoader.parse("""
        name: finetune-test
        input: {kind: train, paths: [%s], annotations: %s}
        model: {pipeline: single, pose: movenet-lightning}
        execution: {device: cpu}
        train: {epochs: 2, batchSize: 4, copies: 3, seed: 5, validationFraction: 0.34}
        output: {path: %s}
        """.formatted(dir.resolve("unused"), export, dir.resolve("out")), List.of());
    JobSummary summary = PoseJob.run(SparkTestSession.get(), spec);

    JsonNode report = AnnotationFiles.JSON.readTree(dir.resolve("out/finetune-test/training.json").toFile());
    System.out.println(report.toPrettyString());
    assertEquals(1, summary.errors(), "the corrupt image is reported, not fatal");
    assertTrue(report.path("errors").get(0).asText().contains("corrupt.jpg"));
    assertEquals(3, report.path("train_samples").asInt(), "copies crops of the one training person");
    assertEquals(1, report.path("validation_samples").asInt());
    assertEquals(2, report.path("epochs").size());
    double apBefore = report.path("validation_before").path("AP").asDouble(-1);
    double apAfter = report.path("validation_after").path("AP").asDouble(-1);
    assertTrue(apBefore >= 0 && apBefore <= 1 && apAfter >= 0 && apAfter <= 1, apBefore + " / " + apAfter);
    assertEquals(3, Files.readAllLines(dir.resolve("out/finetune-test/loss.csv")).size(), "header + 2 epochs");
    String html = Files.readString(dir.resolve("out/finetune-test/report.html"));
    assertTrue(html.contains("<h2>Fine-tuning</h2>") && html.contains("alt=\"loss per epoch\""), "loss curve");
    assertTrue(html.contains("Validation (COCO OKS)"), "validation before and after");

    Path model = Path.of(report.path("model").asText().replaceFirst("^file:", ""));
    assertEquals("movenet-lightning", ModelCatalog.bundled().resolve(model.toString()).orElseThrow().name());
    try (TfjsGraphModel loaded = TfjsGraphModel.load(model, Device.cpu())) {
      assertEquals(1, loaded.outputs().size());
    }
  }

  /** The export: images by absolute path, the second one mirrored, the third corrupt. */
  private static Path writeExport(Path dir) throws Exception {
    ObjectNode gt = (ObjectNode) AnnotationFiles.JSON.readTree(
        TrainingFixtures.SAMPLES.resolve("person_keypoints.json").toFile());
    ObjectNode image = (ObjectNode) gt.path("images").get(0);
    ObjectNode person = (ObjectNode) gt.path("annotations").get(0);
    int width = image.path("width").asInt();
    Path original = TrainingFixtures.SAMPLES.resolve(image.path("file_name").asText()).toAbsolutePath();
    BufferedImage photo = ImageIO.read(original.toFile());
    BufferedImage mirrored = new BufferedImage(photo.getWidth(), photo.getHeight(), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < photo.getHeight(); y++) {
      for (int x = 0; x < photo.getWidth(); x++) {
        mirrored.setRGB(photo.getWidth() - 1 - x, y, photo.getRGB(x, y));
      }
    }
    ImageIO.write(mirrored, "png", dir.resolve("mirrored.png").toFile());
    Files.write(dir.resolve("corrupt.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2, 3});

    ArrayNode images = gt.putArray("images");
    images.add(image.deepCopy().put("file_name", original.toString()));
    images.add(image.deepCopy().put("id", 2).put("file_name", dir.resolve("mirrored.png").toString()));
    images.add(image.deepCopy().put("id", 3).put("file_name", dir.resolve("corrupt.jpg").toString()));
    ArrayNode annotations = gt.putArray("annotations");
    annotations.add(person);
    annotations.add(mirror(person, width).put("id", 2).put("image_id", 2));
    annotations.add(person.deepCopy().put("id", 3).put("image_id", 3));
    Path file = dir.resolve("export.json");
    AnnotationFiles.JSON.writeValue(file.toFile(), gt);
    return file;
  }

  /** The person in the mirrored photo: x → width − x, left and right joints swapped, box mirrored. */
  private static ObjectNode mirror(ObjectNode person, int width) {
    ObjectNode copy = person.deepCopy();
    JsonNode kps = person.path("keypoints");
    ArrayNode out = copy.putArray("keypoints");
    for (int k = 0; k < 17; k++) {
      int from = k == 0 ? 0 : k % 2 == 1 ? k + 1 : k - 1; // COCO-17: odd indices left, the next one right
      double x = kps.get(3 * from).asDouble();
      double v = kps.get(3 * from + 2).asDouble();
      out.add(v > 0 ? width - x : 0).add(kps.get(3 * from + 1).asDouble()).add(v);
    }
    ArrayNode box = copy.putArray("bbox");
    JsonNode b = person.path("bbox");
    box.add(width - b.get(0).asDouble() - b.get(2).asDouble()).add(b.get(1).asDouble()).add(b.get(2).asDouble())
        .add(b.get(3).asDouble());
    copy.remove("segmentation");
    return copy;
  }
}
