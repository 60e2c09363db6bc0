package ai.posespark.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * How the validation people's predicted keypoints are scored, with the project's evaluator for the ground truth's
 * kind: COCO OKS AP ({@link CocoValidation}: COCO, AIC) or MPII PCKh ({@link PckhValidation}).
 */
interface ValidationMetric {
  /** {@code coco} or {@code pckh}, as {@code evaluation.metrics} names them. */
  String name();

  /**
   * Scores the model's keypoints for the validation images.
   *
   * @param validation the validation images (every ground-truth person of theirs is scored)
   * @param posed the model's COCO-17 keypoints of each validation person, original-image pixels (0-based)
   */
  Score score(List<CropTask.Result> validation, List<ValidationScorer.Posed> posed);

  /**
   * One scoring.
   *
   * @param numbers what {@code training.json} keeps (COCO: pycocotools' 10 stats by name; PCKh: as {@code pckh.json})
   * @param predictions the predictions scored, in the results layout the evaluator reads back
   *     ({@code input.kind: results})
   * @param headline one line for the log
   */
  record Score(ObjectNode numbers, JsonNode predictions, String headline) {}
}
