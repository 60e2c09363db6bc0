package ai.posespark.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.posespark.decode.DecodeTarget;
import ai.posespark.decode.Letterbox;
import ai.posespark.decode.LetterboxRaster;
import ai.posespark.decode.RgbImage;

/**
 * A frame → one model input: bilinear resize (half-pixel centres, the mapping {@link Letterbox} inverts exactly),
 * zero padding to the input size, then the catalog's value mapping and layout, fused into one pass over the frame's
 * bytes ({@link LetterboxRaster}); crops, warped as NDArrays on the model's device, share the value mapping through
 * {@link #toModelInput}. The letterbox comes back with the input so the pipeline can map the decoded people to the
 * frame.
 */
public final class InputPreprocessor {
  private final ModelInputSpec spec;
  private final DecodeTarget target;
  private final LetterboxRaster.Mapping mapping;

  public InputPreprocessor(ModelEntry entry) {
    this.spec = entry.input();
    this.target = new DecodeTarget(spec.width(), spec.height(), !"stretch".equals(entry.resize()),
        "letterbox-top-left".equals(entry.resize()));
    this.mapping = mapping(spec);
  }

  /** The input's size and how frames are placed in it: what a frame may be decoded down to. */
  public DecodeTarget target() {
    return target;
  }

  /** The spec's value mapping and layout as the fused kernel takes them. */
  static LetterboxRaster.Mapping mapping(ModelInputSpec spec) {
    boolean int32 = "int32".equals(spec.dtype());
    boolean bgr = "bgr".equals(spec.channels());
    boolean nchw = "nchw".equals(spec.layout());
    if (!int32 && spec.mean() != null) {
      float[] divisor = new float[3];
      float[] offset = new float[3];
      for (int ch = 0; ch < 3; ch++) {
        divisor[ch] = spec.std().get(ch).floatValue();
        offset[ch] = (float) (spec.mean().get(ch) / spec.std().get(ch));
      }
      return new LetterboxRaster.Mapping(divisor, offset, spec.padValue(), false, bgr, nchw);
    }
    float[] divisorOffset = int32 ? new float[] {1f, 0f} : switch (spec.range()) {
      case "0..255" -> new float[] {1f, 0f};
      case "0..1" -> new float[] {255f, 0f};
      case "-1..1" -> new float[] {127.5f, 1f};
      case "-0.5..0.5" -> new float[] {256f, 0.5f};
      default -> throw new IllegalArgumentException("model input range '" + spec.range()
          + "' (0..255 | 0..1 | -1..1 | -0.5..0.5, or mean and std)");
    };
    float d = divisorOffset[0];
    float o = divisorOffset[1];
    return new LetterboxRaster.Mapping(new float[] {d, d, d}, new float[] {o, o, o}, spec.padValue(), int32, bgr,
        nchw);
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
    LetterboxRaster.Raster r = raster(frame);
    return new Prepared(r.toNDArray(manager), r.letterbox());
  }

  /**
   * The model input for {@code frame} as plain Java arrays, made in one pass over its bytes ({@link LetterboxRaster}):
   * needs no NDManager, so the executor loop makes it on its decode thread, ahead of the batch.
   */
  public LetterboxRaster.Raster raster(RgbImage frame) {
    return LetterboxRaster.of(frame, target.place(frame.width(), frame.height()), mapping);
  }

  /** Whether {@code r} is this preprocessor's input for its frame (same placement and value mapping). */
  public boolean made(LetterboxRaster.Raster r) {
    Letterbox b = r.letterbox();
    return r.mapping().equals(mapping) && b.equals(target.place(b.srcWidth(), b.srcHeight()));
  }

  /**
   * A float {@code [H, W, 3]} image of the input's size (or a batch {@code [N, H, W, 3]} of them), 0..255 → the
   * model's value mapping, dtype and layout.
   */
  public NDArray toModelInput(NDArray hwc) {
    NDArray mapped = mapValues(hwc);
    if (mapping.bgr()) {
      mapped = mapped.flip(hwc.getShape().dimension() - 1);
    }
    if (!mapping.channelsFirst()) {
      return mapped;
    }
    return hwc.getShape().dimension() == 3 ? mapped.transpose(2, 0, 1) : mapped.transpose(0, 3, 1, 2);
  }

  /** The fused kernel's value mapping ({@link #mapping}) as NDArray ops, so crops and frames map alike. */
  private NDArray mapValues(NDArray v) {
    if (mapping.int32()) {
      return v.round().clip(0, 255).toType(DataType.INT32, false);
    }
    float[] divisor = new float[3];
    float[] offset = new float[3];
    boolean identity = true;
    for (int c = 0; c < 3; c++) {
      int ch = mapping.bgr() ? 2 - c : c; // v is RGB; the mapping is in the model's channel order
      divisor[c] = mapping.divisor()[ch];
      offset[c] = mapping.offset()[ch];
      identity &= divisor[c] == 1f && offset[c] == 0f;
    }
    if (identity) {
      return v;
    }
    NDManager m = v.getManager();
    return v.div(m.create(divisor)).sub(m.create(offset));
  }
}
