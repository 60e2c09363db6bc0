package ai.posespark.train;

import ai.posespark.data.AnnotationFiles;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What a training run writes beside its model: {@code training.json} (settings, sample counts, the validation metric
 * and its numbers before and after — COCO: pycocotools' stats; MPII: PCKh as {@code eval/pckh.json} has it —, every
 * epoch's training and validation loss and wall time, the fine-tuned model's path, the images that could not be
 * read and why), {@code loss.csv} (the loss curve, one row per epoch) and, with a validation split,
 * {@code validation/predictions_before.json} and {@code predictions_after.json}: the predictions scored, in the
 * results layout the evaluator reads ({@code input.kind: results}; COCO results, or MPII predictions by person id).
 *
 * @param model the fine-tuned model.json
 * @param device where it trained
 * @param trainSamples training crops
 * @param validationSamples validation crops (one per person)
 * @param metric {@code coco} or {@code pckh}
 * @param before validation numbers of the imported model, or null without validation
 * @param after validation numbers of the fine-tuned model, or null
 * @param epochs per epoch: figures and validation loss
 * @param errors per unreadable image: "uri: reason"
 */
public record TrainingReport(String model, String device, int trainSamples, int validationSamples, String metric,
    ValidationMetric.Score before, ValidationMetric.Score after, List<EpochFigures> epochs, List<String> errors) {

  /**
   * One epoch.
   *
   * @param epoch the trainer's figures
   * @param validationLoss the loss on the validation crops after the epoch
   */
  public record EpochFigures(PoseTrainer.Epoch epoch, double validationLoss) {}

  /** Writes {@code training.json} and {@code loss.csv} into {@code runDir}. */
  public void write(String runDir, Object settings, Configuration conf) throws IOException {
    ObjectNode root = AnnotationFiles.JSON.createObjectNode();
    root.put("model", model);
    root.put("device", device);
    root.set("settings", AnnotationFiles.JSON.valueToTree(settings));
    root.put("train_samples", trainSamples);
    root.put("validation_samples", validationSamples);
    root.put("validation_metric", metric);
    root.set("validation_before", before == null ? AnnotationFiles.JSON.createObjectNode() : before.numbers());
    root.set("validation_after", after == null ? AnnotationFiles.JSON.createObjectNode() : after.numbers());
    ArrayNode list = root.putArray("epochs");
    StringBuilder csv = new StringBuilder("epoch,train_loss,validation_loss,millis\n");
    for (EpochFigures e : epochs) {
      ObjectNode row = list.addObject();
      row.put("epoch", e.epoch().epoch());
      row.put("train_loss", e.epoch().meanLoss());
      row.put("validation_loss", e.validationLoss());
      row.put("millis", e.epoch().millis());
      row.put("steps", e.epoch().steps());
      csv.append(e.epoch().epoch()).append(',').append(e.epoch().meanLoss()).append(',')
          .append(e.validationLoss()).append(',').append(e.epoch().millis()).append('\n');
    }
    ArrayNode errs = root.putArray("errors");
    errors.forEach(errs::add);
    write(runDir + "/training.json", AnnotationFiles.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root),
        conf);
    write(runDir + "/loss.csv", csv.toString(), conf);
    if (before != null) {
      write(runDir + "/validation/predictions_before.json", AnnotationFiles.JSON.writeValueAsString(
          before.predictions()), conf);
      write(runDir + "/validation/predictions_after.json", AnnotationFiles.JSON.writeValueAsString(
          after.predictions()), conf);
    }
  }

  private static void write(String uri, String text, Configuration conf) throws IOException {
    Path path = new Path(uri);
    FileSystem fs = path.getFileSystem(conf);
    try (OutputStream out = fs.create(path, true)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
