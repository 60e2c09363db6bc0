package ai.posespark.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.posespark.data.PersonAnnotation;
import ai.posespark.decode.AffineCrop;
import ai.posespark.pose.MoveNetCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The model as it is now on the validation images, scored by the project's evaluator for the ground truth
 * ({@link ValidationMetric}: COCO AP, or MPII PCKh): each validation person's plain crop (its ground-truth box, as
 * top-down inference with perfect boxes; MPII's centre and scale) is posed, the codec decodes the heads, and the
 * keypoints go back to the image through the crop's inverse.
 */
public final class ValidationScorer {
  /**
   * One validation person's prediction.
   *
   * @param image the image
   * @param person the ground-truth person whose crop was posed
   * @param keypoints COCO-17 {@code (x, y, score) × 17}, original-image pixels (0-based)
   */
  public record Posed(AnnotatedImage image, PersonAnnotation person, double[] keypoints) {}

  private final List<CropTask.Result> validation;
  private final PersonCropper cropper;
  private final MoveNetCodec codec;
  private final ValidationMetric metric;

  /**
   * @param validation the validation images' crops (sample ids are annotation ids)
   * @param metric how their keypoints are scored
   */
  ValidationScorer(List<CropTask.Result> validation, PersonCropper cropper, MoveNetCodec codec,
      ValidationMetric metric) {
    this.validation = validation;
    this.cropper = cropper;
    this.codec = codec;
    this.metric = metric;
  }

  /** {@code coco} or {@code pckh}. */
  public String metric() {
    return metric.name();
  }

  /** The validation crops, for the validation loss. */
  public List<TrainingSample> samples() {
    return validation.stream().flatMap(r -> r.samples().stream()).toList();
  }

  /** The validation numbers of {@code model}. */
  ValidationMetric.Score score(MoveNetTrainingGraph model) {
    return metric.score(validation, pose(model));
  }

  /** Every validation person's keypoints by {@code model}, in image pixels. */
  public List<Posed> pose(MoveNetTrainingGraph model) {
    List<Posed> out = new ArrayList<>();
    for (CropTask.Result r : validation) {
      for (PersonAnnotation person : r.image().persons()) {
        TrainingSample crop = r.samples().stream().filter(s -> s.id().equals(person.id() + "")).findFirst()
            .orElseThrow();
        AffineCrop region = cropper.region(person, r.image().image().width(), r.image().image().height());
        out.add(new Posed(r.image(), person, imageKeypoints(model, crop, region)));
      }
    }
    return out;
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
