package ai.posespark.pose.paf;

import ai.posespark.model.ModelOutputSpec;

/**
 * How an OpenPose-style model lays out its two outputs (the catalog entry's {@code output} key,
 * {@link ModelOutputSpec}).
 *
 * @param topology      parts and limbs; the PAF channels follow its limbs' channel numbers
 * @param heatmapOutput position of the confidence maps among the model's outputs
 * @param pafOutput     position of the PAFs
 * @param background    whether the confidence maps end with a background channel ({@code K + 1} channels, as CMU's
 *                      models)
 * @param channelsFirst {@code [C, H, W]} per image (PyTorch / Caffe, what a TorchScript export gives) rather than
 *                      {@code [H, W, C]} (TensorFlow)
 * @param stride        input pixels per map cell (8 for CMU's models)
 */
public record OpenPoseLayout(PafTopology topology, int heatmapOutput, int pafOutput, boolean background,
    boolean channelsFirst, int stride) {

  /** Checks the output positions and the stride. */
  public OpenPoseLayout {
    if (topology == null) {
      throw new IllegalArgumentException("openpose layout: topology is null (COCO_18 or BODY_25)");
    }
    if (heatmapOutput < 0 || pafOutput < 0 || heatmapOutput == pafOutput) {
      throw new IllegalArgumentException("openpose layout: heatmapOutput " + heatmapOutput + " and pafOutput "
          + pafOutput + " must be two different output positions");
    }
    if (stride < 1) {
      throw new IllegalArgumentException("openpose layout: stride " + stride + " must be >= 1");
    }
  }

  /**
   * The layout a catalog entry's {@code output} key gives.
   *
   * @throws IllegalArgumentException naming the key when one is missing or unknown
   */
  public static OpenPoseLayout from(String model, ModelOutputSpec spec) {
    if (spec == null || spec.heatmaps() == null || spec.pafs() == null || spec.parts() == null) {
      throw new IllegalArgumentException(model + ": the openpose decoder needs an output key "
          + "{heatmaps: <position>, pafs: <position>, parts: coco18 | body25, stride, background, layout}");
    }
    PafTopology topology = switch (spec.parts()) {
      case "coco18" -> PafTopology.COCO_18;
      case "body25" -> PafTopology.BODY_25;
      default -> throw new IllegalArgumentException(model + ": output.parts '" + spec.parts()
          + "' (coco18 | body25)");
    };
    if (!"nchw".equals(spec.layout()) && !"nhwc".equals(spec.layout())) {
      throw new IllegalArgumentException(model + ": output.layout '" + spec.layout()
          + "' (nchw | nhwc)");
    }
    return new OpenPoseLayout(topology, spec.heatmaps(), spec.pafs(), spec.background(),
        "nchw".equals(spec.layout()), spec.stride());
  }

  /** Channels of the confidence-map output: {@code K}, or {@code K + 1} with background. */
  public int heatmapChannels() {
    return topology.partCount() + (background ? 1 : 0);
  }
}
