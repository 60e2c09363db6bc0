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
 * where it trained, the samples, the validation numbers before and after (COCO OKS, or MPII PCKh), the loss curve
 * and epoch times, and the images that could not be read.
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
    JsonNode before = training.path("validation_before");
    JsonNode after = training.path("validation_after");
    if ("pckh".equals(training.path("validation_metric").asText())) {
      sb.append(pckh(before, after));
    } else {
      List<List<?>> stats = new ArrayList<>();
      before.fieldNames().forEachRemaining(k -> stats.add(List.of(k, String.format("%.3f",
          before.path(k).asDouble()), String.format("%.3f", after.path(k).asDouble()))));
      if (!stats.isEmpty()) {
        sb.append("<h3>Validation (COCO OKS)</h3>\n").append(Html.table(List.of("", "before", "after"), stats));
      }
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

  /** MPII validation: the Mean at both thresholds, the grouped table and every joint, before and after. */
  private static String pckh(JsonNode before, JsonNode after) {
    if (!before.has("mean_pckh@0.5")) {
      return "";
    }
    List<List<?>> rows = new ArrayList<>();
    for (String t : List.of("0.5", "0.1")) {
      rows.add(List.of("Mean PCKh@" + t, percent(before.path("mean_pckh@" + t)),
          percent(after.path("mean_pckh@" + t))));
    }
    before.path("table@0.5").fieldNames().forEachRemaining(g -> {
      if (!"Mean".equals(g)) {
        rows.add(List.of(g + " @0.5", percent(before.path("table@0.5").path(g)),
            percent(after.path("table@0.5").path(g))));
      }
    });
    StringBuilder sb = new StringBuilder("<h3>Validation (MPII PCKh)</h3>\n");
    sb.append(Html.table(List.of("", "before", "after"), rows));
    boolean approximated = before.path("approximated_from_coco17").asBoolean();
    List<List<?>> joints = new ArrayList<>();
    before.path("pckh@0.5").fieldNames().forEachRemaining(j -> joints.add(List.of(j,
        before.path("joint_count").path(j).asLong(), percent(before.path("pckh@0.5").path(j)),
        percent(after.path("pckh@0.5").path(j)))));
    sb.append(Html.table(List.of("joint", "instances", "PCKh@0.5 before", "after"), joints));
    sb.append("<p>").append(before.path("persons").asInt()).append(" validation people; ")
        .append(before.path("headboxes_derived").asInt()).append(" head boxes derived from head_top/upper_neck")
        .append(approximated ? "; pelvis, thorax, upper_neck and head_top approximated from COCO-17 keypoints "
            + "(the Mean leaves pelvis and thorax out)" : "").append(".</p>\n");
    return sb.toString();
  }

  private static String percent(JsonNode value) {
    return value.isNumber() ? String.format("%.1f", value.asDouble()) : "–";
  }

  /** The run's training summary, or null when it is not a fine-tuning run. */
  static JsonNode read(SparkSession spark, String runDir) throws IOException {
    return EvalPlots.readJson(spark, runDir + "/" + FILE);
  }
}
