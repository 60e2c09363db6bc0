package ai.posespark.detect;

import ai.posespark.model.CodecParameters;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code yolox} head (Megvii YOLOX exported with its decode left out, as {@code yolox-nano.onnx} of the shared
 * models): one output {@code [N, 5 + C]}, one row per grid cell, level by level at {@code codec.strides} (default
 * 8, 16, 32; a level has ⌈W/stride⌉ × ⌈H/stride⌉ cells, row-major). A row is raw x, y, w, h, then objectness and C
 * class scores, the sigmoids already applied in the graph; C is what the row length leaves and must exceed
 * {@code codec.personClass} (default 0, COCO's person). As YOLOX's {@code decode_outputs}: centre
 * {@code (raw + (col, row))·stride}, size {@code exp(raw)·stride}, score objectness × the person class's score; then
 * the settings' threshold and box NMS.
 */
public final class YoloxDecoder implements BoxDecoder {
  private static final String NAME = "yolox";
  private static final int BOX_VALUES = 5;

  private final List<GridLevel> levels;
  private final int personClass;
  private final BoxDecoderSettings settings;

  /** A decoder for the model {@code settings} describes, its parameters from {@code settings.codec()}. */
  public YoloxDecoder(BoxDecoderSettings settings) {
    CodecParameters p = new CodecParameters(NAME, settings.codec(), "strides", "personClass");
    this.levels = GridLevel.of(p.integers("strides", new int[] {8, 16, 32}, 0, 1), settings.inputWidth(),
        settings.inputHeight());
    this.personClass = p.integer("personClass", 0, 0);
    this.settings = settings;
  }

  @Override
  public List<PersonBox> decode(List<float[]> outputs) {
    float[] out = outputs.get(0);
    int cells = levels.stream().mapToInt(GridLevel::cells).sum();
    int row = out.length / cells;
    if (out.length % cells != 0 || row - BOX_VALUES <= personClass) {
      throw new IllegalArgumentException(NAME + ": output has " + out.length + " values; expected " + cells
          + " grid cells (input " + settings.inputWidth() + " × " + settings.inputHeight()
          + " at codec.strides) × (5 + classes), with more than codec.personClass " + personClass + " classes");
    }
    List<PersonBox> boxes = new ArrayList<>();
    int at = 0;
    for (GridLevel level : levels) {
      int s = level.stride();
      for (int cell = 0; cell < level.cells(); cell++, at += row) {
        double score = (double) out[at + 4] * out[at + BOX_VALUES + personClass];
        if (score < settings.minScore()) {
          continue;
        }
        double cx = (out[at] + cell % level.cols()) * s;
        double cy = (out[at + 1] + cell / level.cols()) * s;
        double w = Math.exp(out[at + 2]) * s;
        double h = Math.exp(out[at + 3]) * s;
        boxes.add(PersonBox.ofCorners(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, score));
      }
    }
    return BoxNms.apply(boxes, settings.nmsIou(), settings.maxBoxes());
  }
}
