package ai.posespark.model;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.util.NDImageUtils;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.posespark.decode.Letterbox;
import ai.posespark.decode.RgbImage;

/**
 * A frame → one model input, as NDArray ops on the model's device: bilinear resize (half-pixel centres, the mapping
 * {@link Letterbox} inverts exactly), zero padding to the input size, then the catalog's value mapping and layout
 * ({@link #toModelInput}, which crops share). The letterbox comes back with the input so the pipeline can map the
 * decoded people to the frame.
 */
public final class InputPreprocessor {
  private final ModelInputSpec spec;
  private final boolean letterbox;

  public InputPreprocessor(ModelEntry entry) {
    this.spec = entry.input();
    this.letterbox = !"stretch".equals(entry.resize());
  }

  /**
   * One prepared input.
   *
   * @param input     the model input without the batch axis ({@code [H, W, C]} or {@code [C, H, W]})
   * @param letterbox how the frame was placed in it
   */
  public record Prepared(NDArray input, Letterbox letterbox) {}

  /** The model input for {@code frame}; arrays live in {@code manager}. */
  public Prepared prepare(RgbImage frame, NDManager manager) {
    int h = spec.height();
    int w = spec.width();
    Letterbox box = letterbox
        ? Letterbox.fit(frame.width(), frame.height(), w, h)
        : Letterbox.stretch(frame.width(), frame.height(), w, h);
    NDArray pixels = frame.toNDArray(manager).toType(DataType.FLOAT32, false);
    NDArray resized = NDImageUtils.resize(pixels, box.scaledWidth(), box.scaledHeight(), Image.Interpolation.BILINEAR);
    NDArray canvas = resized;
    if (box.scaledWidth() != w || box.scaledHeight() != h) {
      canvas = manager.zeros(new Shape(h, w, 3), DataType.FLOAT32);
      canvas.set(new NDIndex("{}:{},{}:{}", box.padY(), box.padY() + box.scaledHeight(),
          box.padX(), box.padX() + box.scaledWidth()), resized);
    }
    return new Prepared(toModelInput(canvas), box);
  }

  /**
   * A float {@code [H, W, 3]} image of the input's size (or a batch {@code [N, H, W, 3]} of them), 0..255 → the
   * model's value mapping, dtype and layout.
   */
  public NDArray toModelInput(NDArray hwc) {
    NDArray mapped = mapValues(hwc);
    if ("bgr".equals(spec.channels())) {
      mapped = mapped.flip(hwc.getShape().dimension() - 1);
    }
    if (!"nchw".equals(spec.layout())) {
      return mapped;
    }
    return hwc.getShape().dimension() == 3 ? mapped.transpose(2, 0, 1) : mapped.transpose(0, 3, 1, 2);
  }

  private NDArray mapValues(NDArray v) {
    if ("int32".equals(spec.dtype())) {
      return v.round().clip(0, 255).toType(DataType.INT32, false);
    }
    return switch (spec.range()) {
      case "0..255" -> v;
      case "0..1" -> v.div(255f);
      case "-1..1" -> v.div(127.5f).sub(1f);
      case "-0.5..0.5" -> v.div(256f).sub(0.5f);
      default -> throw new IllegalArgumentException("model input range '" + spec.range()
          + "' (0..255 | 0..1 | -1..1 | -0.5..0.5)");
    };
  }
}
