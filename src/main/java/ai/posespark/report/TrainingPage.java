package ai.posespark.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The report of a fine-tuning run ({@code input.kind: train}), from its {@code training.json}: the model written,
 * where it trained, the samples, the validation COCO numbers before and after, the loss curve and epoch times, and
 * the images that could not be read.
 */
final class TrainingPage {
  /** The training summary a fine-tuning run writes. */
  static final String FILE = "training.json";

  private TrainingPage() {}

  /** The page's body for {@code training}. */
  static String body(JsonNode training) throws IOException {
    StringBuilder sb = new StringBuilder("<h2>Fine-tuning</h2>\n");
    List<List<?>> rows = new ArrayList<>();
    rows.add(List.of("model written", training.path("model").asText()));
    rows.add(List.of("device", training.path("device").asText()));
    rows.add(List.of("training crops", training.path("train_samples").asInt()));
    rows.add(List.of("validation people", training.path("validation_samples").asInt()));
    sb.append(Html.table(List.of("", ""), rows));
    List<List<?>> stats = new ArrayList<>();
    JsonNode before = training.path("validation_before");
    JsonNode after = training.path("validation_after");
    before.fieldNames().forEachRemaining(k -> stats.add(List.of(k, String.format("%.3f", before.path(k).asDouble()),
        String.format("%.3f", after.path(k).asDouble()))));
    if (!stats.isEmpty()) {
      sb.append("<h3>Validation (COCO OKS)</h3>\n").append(Html.table(List.of("", "before", "after"), stats));
    }
    List<double[]> train = new ArrayList<>();
    List<double[]> validation = new ArrayList<>();
    List<List<?>> epochs = new ArrayList<>();
    for (JsonNode e : training.path("epochs")) {
      double epoch = e.path("epoch").asDouble();
      train.add(new double[] {epoch, e.path("train_loss").asDouble()});
      validation.add(new double[] {epoch, e.path("validation_loss").asDouble(Double.NaN)});
      epochs.add(List.of(e.path("epoch").asInt(), String.format("%.4f", e.path("train_loss").asDouble()),
          e.path("validation_loss").asText(), String.format("%.0f", e.path("millis").asDouble())));
    }
    if (!train.isEmpty()) {
      Map<String, double[][]> series = new LinkedHashMap<>();
      series.put("train", train.toArray(new double[0][]));
      series.put("validation", validation.toArray(new double[0][]));
      sb.append("<h3>Loss</h3>\n").append(Html.img(Charts.lines("Loss per epoch", "epoch", "loss", series, null),
          "image/png", "loss per epoch")).append('\n');
      sb.append(Html.table(List.of("epoch", "train loss", "validation loss", "ms"), epochs));
    }
    List<List<?>> errors = new ArrayList<>();
    training.path("errors").forEach(e -> errors.add(List.of(e.asText())));
    if (!errors.isEmpty()) {
      sb.append("<h3>Images not read</h3>\n").append(Html.table(List.of("image: reason"), errors));
    }
    return sb.toString();
  }

  /** The run's training summary, or null when it is not a fine-tuning run. */
  static JsonNode read(SparkSession spark, String runDir) throws IOException {
    return EvalPlots.readJson(spark, runDir + "/" + FILE);
  }
}
