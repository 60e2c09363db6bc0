package ai.posespark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.posespark.data.AnnotationFiles;
import ai.posespark.data.Mpii16;
import ai.posespark.data.MpiiDataset;
import ai.posespark.data.MpiiPrediction;
import ai.posespark.data.MpiiPredictionsReader;
import ai.posespark.data.MpiiReader;
import ai.posespark.eval.PckhEvaluation;
import ai.posespark.eval.PckhMetrics;
import ai.posespark.jobfile.JobSpec;
import ai.posespark.jobfile.JobSpecLoader;
import ai.posespark.jobfile.TrainSpec;
import ai.posespark.model.ModelCatalog;
import ai.posespark.model.tfjs.TfjsGraphModel;
import ai.posespark.pose.MoveNetCodec;
import ai.posespark.report.JobSummary;
import ai.posespark.run.PoseJob;
import ai.posespark.run.SparkTestSession;
import ai.posespark.run.TestModels;
import ai.posespark.source.HadoopConf;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training job end to end: on a corrected review export as CVAT and Label Studio exchange it, COCO Keypoints 1.0
 * whose images are named by path (the test writes one: the sample person (COCO 785), the same photo mirrored with
 * its keypoints mirrored and left/right swapped, so that the split has a validation image, and a corrupt file); and
 * on ../shared's MPII images, scored with PCKh.
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
        """.formatted(dir, export, dir.resolve("out")), List.of());
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
    String screen = summary.screen();
    System.out.println(screen);
    assertTrue(screen.contains("3 crops, 1 validation people, 2 epochs"), "the training run's own summary");
    assertTrue(screen.contains(String.format("%.4f → %.4f", report.path("epochs").get(0).path("train_loss")
        .asDouble(), report.path("epochs").get(1).path("train_loss").asDouble())), "loss first → last: " + screen);
    assertTrue(screen.contains("validation  AP ") && screen.contains("left out    1 images"), screen);
    assertTrue(screen.contains("model       " + report.path("model").asText().replaceFirst("^file:", "")), screen);
    assertTrue(!screen.contains("frames "), "no inference figures: " + screen);
    String html = Files.readString(dir.resolve("out/finetune-test/report.html"));
    assertTrue(html.contains("<h2>Fine-tuning</h2>") && html.contains("alt=\"loss per epoch\""), "loss curve");
    assertTrue(html.contains("Validation (COCO OKS)"), "validation before and after");

    Path model = Path.of(report.path("model").asText().replaceFirst("^file:", ""));
    assertEquals("movenet-lightning", ModelCatalog.bundled().resolve(model.toString()).orElseThrow().name());
    try (TfjsGraphModel loaded = TfjsGraphModel.load(model, Device.cpu())) {
      assertEquals(1, loaded.outputs().size());
    }
  }

  /**
   * MPII (../shared: 5 images, one person each) as a training set: 3 images train, 2 validate. The loss falls; PCKh
   * before and after is what the project's evaluator gives for the predictions the run wrote; the written model,
   * loaded again, gives the trained model's validation keypoints exactly.
   */
  @Test
  void mpiiTrainsAndScoresPckhBeforeAndAfter(@TempDir Path dir) throws Exception {
    Path mpii = TestModels.shared().resolve("data/mpii");
    TrainingFixtures.lightning();
    Path annotations = mpii.resolve("test_mpii.json");
    JobSpec spec = JobSpecLoader.parse("""
        name: finetune-mpii-test
        input: {kind: train, paths: [%s], annotations: %s}
        model: {pipeline: single, pose: movenet-lightning}
        execution: {device: cpu}
        train: {epochs: 3, batchSize: 4, copies: 2, seed: 16, validationFraction: 0.4}
        output: {path: %s}
        """.formatted(mpii, annotations, dir.resolve("out")), List.of());
    SparkSession spark = SparkTestSession.get();
    JobSummary summary = PoseJob.run(spark, spec);
    Path run = dir.resolve("out/finetune-mpii-test");
    JsonNode report = AnnotationFiles.JSON.readTree(run.resolve("training.json").toFile());
    System.out.println(report.toPrettyString());
    assertEquals(0, summary.errors());
    assertEquals("pckh", report.path("validation_metric").asText());
    assertEquals(6, report.path("train_samples").asInt(), "3 images, one person each, 2 copies");
    assertEquals(2, report.path("validation_samples").asInt());
    JsonNode epochs = report.path("epochs");
    assertEquals(3, epochs.size());
    assertTrue(epochs.get(2).path("train_loss").asDouble() < epochs.get(0).path("train_loss").asDouble(),
        "training loss falls: " + epochs);

    MpiiDataset gt = MpiiReader.read(annotations.toString(), new Configuration());
    for (String when : List.of("before", "after")) {
      JsonNode numbers = report.path("validation_" + when);
      assertEquals(2, numbers.path("persons").asInt());
      assertEquals(0, numbers.path("persons_without_prediction").asInt());
      assertEquals(2, numbers.path("headboxes_derived").asInt(), "test_mpii.json has no head boxes");
      assertTrue(numbers.path("approximated_from_coco17").asBoolean());
      String file = run.resolve("validation/predictions_" + when + ".json").toString();
      List<MpiiPrediction> predictions = MpiiPredictionsReader.read(file, new Configuration());
      assertEquals(2, predictions.size());
      Set<Long> ids = predictions.stream().map(MpiiPrediction::id).collect(Collectors.toSet());
      MpiiDataset held = new MpiiDataset(gt.source(), gt.persons().stream().filter(p -> ids.contains(p.id()))
          .toList(), gt.coordinateOrigin());
      PckhMetrics m = PckhEvaluation.evaluatePredictions(spark, held, predictions, file);
      double mean = numbers.path("mean_pckh@0.5").asDouble(-1);
      assertTrue(mean >= 0 && mean <= 100, when + ": " + mean);
      assertEquals(m.mean(0), mean, 1e-9, when + ": the evaluator's PCKh@0.5 of the predictions written");
      assertEquals(m.mean(1), numbers.path("mean_pckh@0.1").asDouble(-1), 1e-9, when + ": PCKh@0.1");
      for (int j = 0; j < Mpii16.K; j++) {
        JsonNode joint = numbers.path("pckh@0.5").path(Mpii16.NAMES.get(j));
        assertEquals(Double.isNaN(m.pckh(0, j)) ? "null" : String.valueOf(m.pckh(0, j)),
            joint.isNull() ? "null" : String.valueOf(joint.asDouble()), when + ": " + Mpii16.NAMES.get(j));
      }
    }
    System.out.printf("MPII validation PCKh@0.5 %.1f -> %.1f, PCKh@0.1 %.1f -> %.1f%n",
        report.path("validation_before").path("mean_pckh@0.5").asDouble(),
        report.path("validation_after").path("mean_pckh@0.5").asDouble(),
        report.path("validation_before").path("mean_pckh@0.1").asDouble(),
        report.path("validation_after").path("mean_pckh@0.1").asDouble());

    // the job's validation crops again, posed by the written model loaded back: the trained keypoints exactly
    TrainSpec t = spec.train();
    List<AnnotatedImage> images = TrainingSet.split(MpiiTrainingSet.toCoco(gt), mpii.toString(),
        t.validationFraction(), t.minKeypoints(), t.seed());
    CropTask task = new CropTask(new HadoopConf(new Configuration()), 192, t.cropPadding(), t.copies(),
        Augmentation.Settings.DEFAULT, t.seed());
    List<CropTask.Result> validation = images.stream().filter(i -> !i.train()).map(task::apply).toList();
    Path model = Path.of(report.path("model").asText().replaceFirst("^file:", ""));
    try (MoveNetTrainingGraph reloaded = MoveNetTrainingGraph.load(model, t.freeze(), Device.cpu())) {
      ValidationMetric.Score again = new ValidationScorer(validation, new PersonCropper(192, t.cropPadding()),
          new MoveNetCodec(48, t.sigma()), new PckhValidation(gt)).score(reloaded);
      // as text: a read tree's ids are int nodes, the written one's long nodes
      assertEquals(Files.readString(run.resolve("validation/predictions_after.json")),
          AnnotationFiles.JSON.writeValueAsString(again.predictions()), "the reloaded model's validation keypoints");
      assertEquals(report.path("validation_after").path("mean_pckh@0.1").asDouble(),
          again.numbers().path("mean_pckh@0.1").asDouble(), 0.0);
    }
    String html = Files.readString(run.resolve("report.html"));
    assertTrue(html.contains("Validation (MPII PCKh)") && html.contains("Mean PCKh@0.5"), "PCKh before/after");
  }

  /** The export: images by absolute path inside {@code dir}, the second one mirrored, the third corrupt. */
  private static Path writeExport(Path dir) throws Exception {
    ObjectNode gt = (ObjectNode) AnnotationFiles.JSON.readTree(
        TrainingFixtures.SAMPLES.resolve("person_keypoints.json").toFile());
    ObjectNode image = (ObjectNode) gt.path("images").get(0);
    ObjectNode person = (ObjectNode) gt.path("annotations").get(0);
    int width = image.path("width").asInt();
    Path original = Files.copy(TrainingFixtures.SAMPLES.resolve(image.path("file_name").asText()),
        dir.resolve("original.jpg"));
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
