package ai.posespark.pose;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The decoders a catalog entry can name, by their catalog name. {@code blazepose} and {@code efficientpose} write
 * COCO-17 (the catalog's choice, so evaluation works unchanged); {@code blazepose-33} and {@code efficientpose-16}
 * write the models' own keypoints.
 */
public final class PoseDecoders {
  /** Decoder names this version implements. */
  public static final Set<String> AVAILABLE = Set.of("movenet-single", "movenet-multi", "posenet", "blazepose",
      "blazepose-33", "efficientpose", "efficientpose-16");

  /** Most people PoseNet reports per frame. */
  public static final int POSENET_MAX_PEOPLE = 20;

  private PoseDecoders() {}

  /**
   * The decoder called {@code name}, keeping people scoring at least {@code minPersonScore}.
   *
   * @param outputNames the model's output names in output order; decoders whose graphs list outputs in varying
   *                    order (PoseNet) find theirs by name
   */
  public static Optional<PoseDecoder> byName(String name, double minPersonScore, List<String> outputNames) {
    return Optional.ofNullable(switch (name) {
      case "movenet-single" -> new MoveNetDecoder(false, minPersonScore);
      case "movenet-multi" -> new MoveNetDecoder(true, minPersonScore);
      case "posenet" -> PoseNetDecoder.withDefaults(outputNames, POSENET_MAX_PEOPLE, minPersonScore);
      case "blazepose" -> new BlazePoseDecoder(BlazePoseDecoder.Layout.COCO_17, minPersonScore);
      case "blazepose-33" -> new BlazePoseDecoder(BlazePoseDecoder.Layout.BLAZEPOSE_33, minPersonScore);
      case "efficientpose" -> new EfficientPoseDecoder(EfficientPoseDecoder.Layout.COCO_17, minPersonScore);
      case "efficientpose-16" -> new EfficientPoseDecoder(EfficientPoseDecoder.Layout.EFFICIENTPOSE_16,
          minPersonScore);
      default -> null;
    });
  }

  /**
   * The decoder called {@code name} for a caller that does not know the model's output names: PoseNet then
   * assumes the output order of the npm {@code posenet.json} ({@link PoseNetDecoder#HUMAN_MODELS_OUTPUT_NAMES}).
   * Prefer {@link #byName(String, double, List)} with the loaded model's names.
   */
  public static Optional<PoseDecoder> byName(String name, double minPersonScore) {
    return byName(name, minPersonScore, PoseNetDecoder.HUMAN_MODELS_OUTPUT_NAMES);
  }
}
