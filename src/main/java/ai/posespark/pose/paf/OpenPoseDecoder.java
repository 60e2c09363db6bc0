package ai.posespark.pose.paf;

import ai.posespark.pose.DecoderSettings;
import ai.posespark.pose.FeatureGrid;
import ai.posespark.pose.GroupingResult;
import ai.posespark.pose.Person;
import ai.posespark.pose.ilp.IlpSettings;
import ai.posespark.pose.PoseDecoder;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes an OpenPose-style bottom-up model (a TorchScript export a user brings): two outputs, part confidence
 * maps and part affinity fields, laid out as {@link OpenPoseLayout} says, on a grid of
 * {@code ceil(input / stride)} cells per axis; grouped by {@link PafCodec#decode} into COCO-17 people in
 * model-input pixels, those scoring below {@link DecoderSettings#minPersonScore} dropped; or, with ILP settings,
 * grouped by {@link PafIlpGrouper}.
 */
public final class OpenPoseDecoder implements PoseDecoder {
  private final OpenPoseLayout layout;
  private final PafCodec codec;
  private final PafIlpGrouper ilp;
  private final double minPersonScore;

  /** The decoder with {@link PafSettings#DEFAULTS}. */
  public OpenPoseDecoder(DecoderSettings settings, OpenPoseLayout layout) {
    this(settings, layout, PafSettings.DEFAULTS);
  }

  /**
   * @param settings model input size and the person threshold ({@code outputNames} are not read: the layout
   *                 gives positions)
   * @param layout   outputs, channel order and stride
   * @param grouping PAF grouping thresholds
   */
  public OpenPoseDecoder(DecoderSettings settings, OpenPoseLayout layout, PafSettings grouping) {
    this(settings, layout, grouping, null);
  }

  /**
   * @param ilp the ILP grouper's settings, or null for the PAF grouper's greedy assembly
   */
  public OpenPoseDecoder(DecoderSettings settings, OpenPoseLayout layout, PafSettings grouping, IlpSettings ilp) {
    if (settings == null || layout == null) {
      throw new IllegalArgumentException("openpose decoder: settings and layout are required");
    }
    this.layout = layout;
    this.codec = PafCodec.forInput(layout.topology(), layout.stride(), settings.inputWidth(), settings.inputHeight(),
        grouping);
    this.ilp = ilp == null ? null : new PafIlpGrouper(codec, ilp);
    this.minPersonScore = settings.minPersonScore();
  }

  @Override
  public List<Person> decode(List<float[]> outputs) {
    return group(outputs).people();
  }

  @Override
  public GroupingResult group(List<float[]> outputs) {
    int need = Math.max(layout.heatmapOutput(), layout.pafOutput()) + 1;
    if (outputs.size() < need) {
      throw new IllegalArgumentException("openpose decoder: the model gave " + outputs.size() + " outputs, the layout"
          + " reads output " + (need - 1));
    }
    FeatureGrid heatmaps = grid(outputs.get(layout.heatmapOutput()), layout.heatmapChannels(), "confidence maps");
    FeatureGrid pafs = grid(outputs.get(layout.pafOutput()), layout.topology().pafChannels(), "PAFs");
    GroupingResult grouped = ilp != null ? ilp.group(heatmaps, pafs)
        : new GroupingResult(codec.decode(heatmaps, pafs), null);
    List<Person> out = new ArrayList<>();
    for (Person p : grouped.people()) {
      if (p.score() >= minPersonScore) {
        out.add(p);
      }
    }
    return new GroupingResult(out, grouped.fallbackReason());
  }

  /** One output as an {@code (H, W, C)} grid, transposed from {@code (C, H, W)} when the model is channels-first. */
  private FeatureGrid grid(float[] values, int channels, String what) {
    int h = codec.gridHeight();
    int w = codec.gridWidth();
    if (values.length != h * w * channels) {
      throw new IllegalArgumentException("openpose decoder: " + what + " have " + values.length + " values, expected "
          + channels + " channels × " + h + "×" + w + " cells (input / stride " + layout.stride() + ") = "
          + h * w * channels);
    }
    if (!layout.channelsFirst()) {
      return new FeatureGrid(values, h, w, channels, "openpose " + what);
    }
    float[] hwc = new float[values.length];
    for (int ch = 0; ch < channels; ch++) {
      for (int cell = 0; cell < h * w; cell++) {
        hwc[cell * channels + ch] = values[ch * h * w + cell];
      }
    }
    return new FeatureGrid(hwc, h, w, channels, "openpose " + what);
  }
}
