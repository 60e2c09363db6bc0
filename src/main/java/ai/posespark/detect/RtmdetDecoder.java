package ai.posespark.detect;

import ai.posespark.model.CodecParameters;
import ai.posespark.model.ModelOutputs;
import ai.posespark.model.NamedOutputs;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code rtmdet} head (OpenMMLab RTMDet cut at its head outputs, as {@code rtmdet-nano-person-heads.onnx} of
 * the shared models): per level at {@code codec.strides} (default 8, 16, 32; ⌈W/stride⌉ × ⌈H/stride⌉ cells) a
 * class-logit map {@code [1, h, w]} and a distance map {@code [4, h, w]} (left, top, right, bottom from the cell's
 * point, already in input pixels). Outputs are found by name — {@code rtmdet_head.0.<level>} scores,
 * {@code rtmdet_head.1.<level>} distances, in either order — or, unnamed, in the documented order: every level's
 * scores, then every level's distances. As MMDetection's point generator (offset 0) and {@code distance2bbox}:
 * point {@code (col·stride, row·stride)}, box {@code (px − l, py − t, px + r, py + b)}, score the logit's sigmoid;
 * then the settings' threshold and box NMS.
 */
public final class RtmdetDecoder implements BoxDecoder {
  private static final String NAME = "rtmdet";
  private static final int SIDES = 4;

  private final List<GridLevel> levels;
  private final BoxDecoderSettings settings;

  /** A decoder for the model {@code settings} describes, its parameters from {@code settings.codec()}. */
  public RtmdetDecoder(BoxDecoderSettings settings) {
    CodecParameters p = new CodecParameters(NAME, settings.codec(), "strides");
    this.levels = GridLevel.of(p.integers("strides", new int[] {8, 16, 32}, 0, 1), settings.inputWidth(),
        settings.inputHeight());
    this.settings = settings;
  }

  @Override
  public List<PersonBox> decode(List<float[]> outputs) {
    List<PersonBox> boxes = new ArrayList<>();
    for (int level = 0; level < levels.size(); level++) {
      int s = levels.get(level).stride();
      int cols = levels.get(level).cols();
      int cells = levels.get(level).cells();
      float[] logits = level(outputs, "rtmdet_head.0." + level, level, cells, "class logits [1, h, w]", s);
      float[] dist = level(outputs, "rtmdet_head.1." + level, levels.size() + level, SIDES * cells,
          "distances [4, h, w]", s);
      for (int cell = 0; cell < cells; cell++) {
        double score = ModelOutputs.sigmoid((double) logits[cell]);
        if (score < settings.minScore()) {
          continue;
        }
        double px = (double) (cell % cols) * s;
        double py = (double) (cell / cols) * s;
        boxes.add(PersonBox.ofCorners(px - dist[cell], py - dist[cells + cell], px + dist[2 * cells + cell],
            py + dist[3 * cells + cell], score));
      }
    }
    return BoxNms.apply(boxes, settings.nmsIou(), settings.maxBoxes());
  }

  private float[] level(List<float[]> outputs, String name, int position, int length, String what, int stride) {
    float[] v = outputs.get(NamedOutputs.find(settings.outputNames(), name, position, outputs.size(), NAME));
    if (v.length != length) {
      throw new IllegalArgumentException(NAME + ": stride " + stride + " " + what + " (" + name + ") has " + v.length
          + " values, expected " + length + " for input " + settings.inputWidth() + " × " + settings.inputHeight());
    }
    return v;
  }
}
