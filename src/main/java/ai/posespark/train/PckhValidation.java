package ai.posespark.train;

import ai.posespark.data.AnnotationFiles;
import ai.posespark.data.Mpii16;
import ai.posespark.data.MpiiDataset;
import ai.posespark.data.MpiiPerson;
import ai.posespark.eval.PckhCounts;
import ai.posespark.eval.PckhMetric;
import ai.posespark.eval.PckhMetrics;
import ai.posespark.pose.MoveNetCodec;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validation MPII PCKh with the project's evaluator ({@link PckhCounts}, the MPII reference's rule: head size 0.6 ×
 * the head box diagonal, threshold {@code <=}, only annotated joints count). Every ground-truth person of the
 * validation images is scored against the prediction from its own crop (the single-person protocol, matched by
 * person id; one left without a crop counts every joint wrong). The model's COCO-17 keypoints become MPII joints as
 * the job's PCKh evaluation maps them ({@link Mpii16#fromCoco17}: 12 copied, pelvis, thorax, upper_neck and head_top
 * approximated, so flagged), shifted from 0-based pixels to the file's origin (MPII's 1-based).
 */
final class PckhValidation implements ValidationMetric {
  private static final String[] THRESHOLDS = {"0.5", "0.1"};
  private final MpiiDataset gt;

  /** @param gt the whole MPII ground truth (only the validation images are scored) */
  PckhValidation(MpiiDataset gt) {
    this.gt = gt;
  }

  @Override
  public String name() {
    return "pckh";
  }

  @Override
  public Score score(List<CropTask.Result> validation, List<ValidationScorer.Posed> posed) {
    Set<String> images = new HashSet<>();
    validation.forEach(r -> images.add(r.image().image().fileName()));
    Map<Long, double[]> byId = new HashMap<>();
    posed.forEach(p -> byId.put(p.person().id(), p.keypoints()));
    PckhCounts counts = new PckhCounts();
    ArrayNode predictions = AnnotationFiles.JSON.createArrayNode();
    int persons = 0;
    int missing = 0;
    int derived = 0;
    for (MpiiPerson person : gt.persons()) {
      if (!images.contains(person.image())) {
        continue;
      }
      persons++;
      derived += person.headboxDerived() ? 1 : 0;
      double[] kps = byId.get(person.id());
      double[][] joints = kps == null ? null : joints(kps, gt.coordinateOrigin());
      missing += joints == null ? 1 : 0;
      counts.add(person, joints);
      if (joints != null) {
        ObjectNode p = predictions.addObject().put("id", person.id()).put("image", person.image());
        ArrayNode list = p.putArray("joints");
        for (double[] j : joints) {
          list.addArray().add(j[0]).add(j[1]);
        }
      }
    }
    PckhMetrics m = counts.result(true);
    ObjectNode numbers = AnnotationFiles.JSON.createObjectNode();
    for (int t = 0; t < THRESHOLDS.length; t++) {
      number(numbers, "mean_pckh@" + THRESHOLDS[t], m.mean(t));
    }
    ObjectNode table = numbers.putObject("table@0.5");
    m.table(0, false).forEach((group, value) -> number(table, group, value));
    PckhMetric.putPerJoint(numbers, m);
    numbers.put("persons", persons);
    numbers.put("persons_without_prediction", missing);
    numbers.put("persons_without_headbox", m.personsWithoutHeadbox());
    numbers.put("headboxes_derived", derived);
    numbers.put("approximated_from_coco17", m.approximatedFromCoco());
    ObjectNode results = AnnotationFiles.JSON.createObjectNode();
    results.set("predictions", predictions);
    return new Score(numbers, results, String.format("PCKh@0.5 %.1f (PCKh@0.1 %.1f)", m.mean(0), m.mean(1)));
  }

  /** MPII joints in the ground truth's frame from COCO-17 keypoints in 0-based pixels. */
  static double[][] joints(double[] coco17, int origin) {
    double[] x = new double[MoveNetCodec.K];
    double[] y = new double[MoveNetCodec.K];
    for (int k = 0; k < MoveNetCodec.K; k++) {
      x[k] = coco17[3 * k] + origin;
      y[k] = coco17[3 * k + 1] + origin;
    }
    return Mpii16.fromCoco17(x, y);
  }

  private static void number(ObjectNode node, String key, double value) {
    if (Double.isNaN(value)) {
      node.putNull(key);
    } else {
      node.put(key, value);
    }
  }
}
