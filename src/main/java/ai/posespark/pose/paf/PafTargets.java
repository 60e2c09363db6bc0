package ai.posespark.pose.paf;

import ai.posespark.pose.FeatureGrid;

/**
 * What {@link PafCodec#encode} renders: the training targets of one image, flattened row-major with the channel
 * fastest (NHWC without the batch axis, as {@link FeatureGrid} reads them).
 *
 * @param heatmaps    {@code (H, W, K)} part confidence maps
 * @param pafs        {@code (H, W, 2L)} part affinity fields, channels as the topology's limbs name them
 * @param height      grid rows {@code H}
 * @param width       grid columns {@code W}
 * @param parts       {@code K}
 * @param pafChannels {@code 2L}
 */
public record PafTargets(float[] heatmaps, float[] pafs, int height, int width, int parts, int pafChannels) {

  /** The confidence maps as a grid. */
  public FeatureGrid heatmapGrid() {
    return new FeatureGrid(heatmaps, height, width, parts, "paf heatmaps");
  }

  /** The PAFs as a grid. */
  public FeatureGrid pafGrid() {
    return new FeatureGrid(pafs, height, width, pafChannels, "pafs");
  }
}
