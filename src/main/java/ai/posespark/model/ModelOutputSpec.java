package ai.posespark.model;

/**
 * Catalog key {@code output}: how a model lays out its outputs where the decoder cannot tell by itself — a
 * TorchScript export has no output names. Today read by the {@code openpose} decoder (part confidence maps and
 * Part Affinity Fields).
 *
 * @param heatmaps   position of the part confidence maps among the outputs (a tuple's elements, flattened)
 * @param pafs       position of the Part Affinity Fields
 * @param stride     input pixels per map cell (8 for CMU's models)
 * @param parts      keypoint topology of the maps: {@code coco18} (with neck) or {@code body25}
 * @param background whether the maps end with a background channel (CMU's models: true)
 * @param layout     {@code nchw} (PyTorch, default) or {@code nhwc} per output
 */
public record ModelOutputSpec(Integer heatmaps, Integer pafs, Integer stride, String parts, Boolean background,
                              String layout) implements java.io.Serializable {

  /** Fills CMU's defaults: stride 8, background channel, channels first. */
  public ModelOutputSpec {
    stride = stride == null ? 8 : stride;
    background = background == null || background;
    layout = layout == null ? "nchw" : layout;
  }
}
