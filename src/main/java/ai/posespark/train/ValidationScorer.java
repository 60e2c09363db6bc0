package ai.posespark.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.posespark.data.CocoDataset;
import ai.posespark.data.PersonAnnotation;
import ai.posespark.decode.AffineCrop;
import ai.posespark.eval.CocoEvaluation;
import ai.posespark.eval.CocoMetrics;
import ai.posespark.eval.EvalDetection;
import ai.posespark.eval.OksParams;
import ai.posespark.pose.MoveNetCodec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * COCO keypoint AP of the model as it is now on the validation images, with the project's evaluator: each
 * validation person's plain crop (its ground-truth box, as top-down inference with perfect boxes) is posed, the
 * codec decodes the heads, the keypoints go back to the image through the crop's inverse, and the results are
 * scored against the validation images' ground truth.
 */
public final class ValidationScorer {
  private final CocoDataset gt;
  private final List<CropTask.Result> validation;
  private final PersonCropper cropper;
  private final MoveNetCodec codec;

  /**
   * @param gt the whole ground truth (only the validation images are scored)
   * @param validation the validation images' crops (sample ids are annotation ids)
   */
  public ValidationScorer(CocoDataset gt, List<CropTask.Result> validation, PersonCropper cropper,
      MoveNetCodec codec) {
    this.gt = gt;
    this.validation = validation;
    this.cropper = cropper;
    this.codec = codec;
  }

  /** The validation crops, for the validation loss. */
  public List<TrainingSample> samples() {
    return validation.stream().flatMap(r -> r.samples().stream()).toList();
  }

  /** pycocotools' 10 numbers (AP, AP50, AP75, AP_M, AP_L, AR, ...) of {@code model} on the validation images. */
  public double[] score(MoveNetTrainingGraph model) {
    Set<Long> images = new HashSet<>();
    List<EvalDetection> detections = new ArrayList<>();
    int category = gt.personCategoryId();
    for (CropTask.Result r : validation) {
      images.add(r.image().image().id());
      for (PersonAnnotation person : r.image().persons()) {
        TrainingSample crop = r.samples().stream().filter(s -> s.id().equals(person.id() + "")).findFirst()
            .orElseThrow();
        AffineCrop region = cropper.region(person, r.image().image().width(), r.image().image().height());
        double[] kps = imageKeypoints(model, crop, region);
        double score = 0;
        for (int k = 0; k < MoveNetCodec.K; k++) {
          score += kps[3 * k + 2] / MoveNetCodec.K;
        }
        detections.add(new EvalDetection(r.image().image().id(), category, detections.size(), score, kps,
            EvalDetection.keypointExtentArea(kps)));
      }
    }
    CocoDataset held = new CocoDataset(gt.source(), gt.categories(),
        gt.images().stream().filter(i -> images.contains(i.id())).toList(),
        gt.annotations().stream().filter(a -> images.contains(a.imageId())).toList());
    CocoMetrics metrics = CocoEvaluation.evaluate(held, detections, OksParams.coco());
    return metrics.stats();
  }

  private double[] imageKeypoints(MoveNetTrainingGraph model, TrainingSample crop, AffineCrop region) {
    try (NDManager scope = model.weights().values().iterator().next().getManager().newSubManager()) {
      NDList heads = model.heads(scope, model.normalise(scope, PoseTrainer.images(scope, List.of(crop))), Map.of());
      float[] yxs = codec.decode(heads.get(0).toFloatArray(), heads.get(1).toFloatArray(),
          heads.get(2).toFloatArray(), heads.get(3).toFloatArray());
      double[] out = new double[MoveNetCodec.K * 3];
      for (int k = 0; k < MoveNetCodec.K; k++) {
        double u = yxs[3 * k + 1] * crop.size();
        double v = yxs[3 * k] * crop.size();
        out[3 * k] = region.sourceX(u, v);
        out[3 * k + 1] = region.sourceY(u, v);
        out[3 * k + 2] = yxs[3 * k + 2];
      }
      return out;
    }
  }
}
