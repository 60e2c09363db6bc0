package ai.posespark.model;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.util.NDImageUtils;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.posespark.decode.Letterbox;
import ai.posespark.decode.RgbImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Frames → one model input batch, as NDArray ops on the model's device: bilinear resize (half-pixel centres, the
 * mapping {@link Letterbox} inverts exactly), zero padding to the input size, the catalog's value mapping and
 * layout. The letterboxes come back with the batch so decoders can map outputs to original pixels.
 */
public final class InputPreprocessor {
  private final ModelInputSpec spec;
  private final boolean letterbox;

  public InputPreprocessor(ModelEntry entry) {
    this.spec = entry.input();
    this.letterbox = !"stretch".equals(entry.resize());
  }

  /** A prepared batch: the input tensor and, per frame, how it was placed. */
  public record Batch(NDArray input, List<Letterbox> boxes) {}

  /** Builds the {@code [B, …]} input for {@code frames}; arrays live in {@code manager}. */
  public Batch prepare(List<RgbImage> frames, NDManager manager) {
    int h = spec.height();
    int w = spec.width();
    NDList inputs = new NDList(frames.size());
    List<Letterbox> boxes = new ArrayList<>(frames.size());
    for (RgbImage frame : frames) {
      Letterbox box = letterbox
          ? Letterbox.fit(frame.width(), frame.height(), w, h)
          : new Letterbox(frame.width(), frame.height(), w, h, w, h, 0, 0);
      NDArray pixels = frame.toNDArray(manager).toType(DataType.FLOAT32, false);
      NDArray resized = NDImageUtils.resize(pixels, box.scaledWidth(), box.scaledHeight(),
          Image.Interpolation.BILINEAR);
      NDArray canvas = resized;
      if (box.scaledWidth() != w || box.scaledHeight() != h) {
        canvas = manager.zeros(new Shape(h, w, 3), DataType.FLOAT32);
        canvas.set(new NDIndex("{}:{},{}:{}", box.padY(), box.padY() + box.scaledHeight(),
            box.padX(), box.padX() + box.scaledWidth()), resized);
      }
      inputs.add(mapValues(canvas));
      boxes.add(box);
    }
    NDArray batch = NDArrays.stack(inputs);
    if ("nchw".equals(spec.layout())) {
      batch = batch.transpose(0, 3, 1, 2);
    }
    return new Batch(batch, boxes);
  }

  private NDArray mapValues(NDArray v) {
    if ("int32".equals(spec.dtype())) {
      return v.round().clip(0, 255).toType(DataType.INT32, false);
    }
    return switch (spec.range()) {
      case "0..255" -> v;
      case "0..1" -> v.div(255f);
      case "-1..1" -> v.div(127.5f).sub(1f);
      default -> throw new IllegalArgumentException("model input range '" + spec.range() + "' (0..255 | 0..1 | -1..1)");
    };
  }
}
