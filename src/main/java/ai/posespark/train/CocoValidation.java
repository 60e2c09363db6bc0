package ai.posespark.train;

import ai.posespark.data.AnnotationFiles;
import ai.posespark.data.CocoDataset;
import ai.posespark.eval.CocoEvaluation;
import ai.posespark.eval.CocoMetrics;
import ai.posespark.eval.EvalDetection;
import ai.posespark.eval.OksParams;
import ai.posespark.pose.MoveNetCodec;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validation COCO keypoint AP with the project's evaluator ({@link CocoEvaluation}): each validation person's
 * keypoints are one detection scored by their mean keypoint score, against the validation images' ground truth.
 */
final class CocoValidation implements ValidationMetric {
  private final CocoDataset gt;

  /** @param gt the whole ground truth (only the validation images are scored) */
  CocoValidation(CocoDataset gt) {
    this.gt = gt;
  }

  @Override
  public String name() {
    return "coco";
  }

  @Override
  public Score score(List<CropTask.Result> validation, List<ValidationScorer.Posed> posed) {
    Set<Long> images = new HashSet<>();
    validation.forEach(r -> images.add(r.image().image().id()));
    int category = gt.personCategoryId();
    List<EvalDetection> detections = new ArrayList<>();
    ArrayNode results = AnnotationFiles.JSON.createArrayNode();
    for (ValidationScorer.Posed p : posed) {
      double[] kps = p.keypoints();
      double score = 0;
      for (int k = 0; k < MoveNetCodec.K; k++) {
        score += kps[3 * k + 2] / MoveNetCodec.K;
      }
      long image = p.image().image().id();
      detections.add(new EvalDetection(image, category, detections.size(), score, kps,
          EvalDetection.keypointExtentArea(kps)));
      ObjectNode r = results.addObject().put("image_id", image).put("category_id", category);
      ArrayNode values = r.putArray("keypoints");
      for (double v : kps) {
        values.add(v);
      }
      r.put("score", score);
    }
    CocoDataset held = new CocoDataset(gt.source(), gt.categories(),
        gt.images().stream().filter(i -> images.contains(i.id())).toList(),
        gt.annotations().stream().filter(a -> images.contains(a.imageId())).toList());
    CocoMetrics metrics = CocoEvaluation.evaluate(held, detections, OksParams.coco());
    double[] stats = metrics.stats();
    ObjectNode numbers = AnnotationFiles.JSON.createObjectNode();
    for (int i = 0; i < stats.length; i++) {
      numbers.put(CocoMetrics.STAT_NAMES.get(i), stats[i]);
    }
    return new Score(numbers, results, String.format("AP %.3f (AP50 %.3f)", stats[0], stats[1]));
  }
}
