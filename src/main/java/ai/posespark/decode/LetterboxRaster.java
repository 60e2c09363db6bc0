package ai.posespark.decode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;

/**
 * Letterbox, bilinear resize, value mapping and layout in one pass over an {@link RgbImage}'s bytes: each model input
 * value is computed once, straight from the 8-bit pixels, with no intermediate float image, canvas or transpose.
 * The resize is libtorch's bilinear {@code interpolate} as DJL's {@code NDImageUtils.resize} calls it: half-pixel
 * centres and antialiased (when shrinking, a triangle filter as wide as the scale, as PIL's), separable, width first,
 * so the result matches the NDArray pipeline it replaces to float rounding, and {@link Letterbox} inverts it exactly.
 * Plain Java on the calling thread: the executor loop runs it on its decode thread, ahead of the model.
 */
public final class LetterboxRaster {
  /**
   * How resized values {@code v} (0..255) become model values: {@code v / divisor[ch] − offset[ch]} per model
   * channel {@code ch} (mean/std normalisation is divisor = std, offset = mean / std), or for {@code int32} inputs
   * {@code v} rounded half to even (as {@code torch.round}) and clipped to 0..255. Padding is the mapping of
   * {@code padValue} (0 by default; YOLOX and RTMDet letterbox with 114).
   *
   * @param divisor       per model channel: 255 for 0..1, 127.5 for −1..1, std for mean/std; 1 for raw values
   * @param offset        per model channel, subtracted after the division
   * @param padValue      the 0..255 value of the letterbox's padding
   * @param int32         integer input (rounded)
   * @param bgr           channels in B, G, R order
   * @param channelsFirst {@code [3, H, W]} instead of {@code [H, W, 3]}
   */
  public record Mapping(float[] divisor, float[] offset, float padValue, boolean int32, boolean bgr,
                        boolean channelsFirst) implements java.io.Serializable {

    /** Three channels each. */
    public Mapping {
      if (divisor.length != 3 || offset.length != 3) {
        throw new IllegalArgumentException("a value mapping has 3 divisors and 3 offsets");
      }
      divisor = divisor.clone();
      offset = offset.clone();
    }

    /** The same divisor and offset for every channel, zero padding. */
    public Mapping(float divisor, float offset, boolean int32, boolean bgr, boolean channelsFirst) {
      this(new float[] {divisor, divisor, divisor}, new float[] {offset, offset, offset}, 0f, int32, bgr,
          channelsFirst);
    }

    /** The model value of 0..255 value {@code v} in model channel {@code channel}. */
    public float map(float v, int channel) {
      return v / divisor[channel] - offset[channel];
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Mapping m && java.util.Arrays.equals(divisor, m.divisor)
          && java.util.Arrays.equals(offset, m.offset) && padValue == m.padValue && int32 == m.int32
          && bgr == m.bgr && channelsFirst == m.channelsFirst;
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(java.util.Arrays.hashCode(divisor), java.util.Arrays.hashCode(offset), padValue,
          int32, bgr, channelsFirst);
    }

    @Override
    public String toString() {
      return "Mapping[divisor=" + java.util.Arrays.toString(divisor) + ", offset="
          + java.util.Arrays.toString(offset) + ", pad=" + padValue + ", int32=" + int32 + ", bgr=" + bgr
          + ", channelsFirst=" + channelsFirst + "]";
    }
  }

  /**
   * One model input without the batch axis: {@code floats} or, for int32 inputs, {@code ints}.
   *
   * @param letterbox where the frame sits in it
   * @param mapping   how it was made
   */
  public record Raster(Letterbox letterbox, Mapping mapping, float[] floats, int[] ints) {
    /** {@code [H, W, 3]} or {@code [3, H, W]}. */
    public Shape shape() {
      long h = letterbox.inputHeight();
      long w = letterbox.inputWidth();
      return mapping.channelsFirst() ? new Shape(3, h, w) : new Shape(h, w, 3);
    }

    /** The input as an array of {@code manager} (one copy into native memory). */
    public NDArray toNDArray(NDManager manager) {
      return ints != null ? manager.create(IntBuffer.wrap(ints), shape())
          : manager.create(FloatBuffer.wrap(floats), shape());
    }
  }

  private LetterboxRaster() {}

  /** {@code image} placed by {@code box} (whose source size must be the image's), mapped by {@code mapping}. */
  public static Raster of(RgbImage image, Letterbox box, Mapping mapping) {
    if (box.srcWidth() != image.width() || box.srcHeight() != image.height()) {
      throw new IllegalArgumentException("letterbox for " + box.srcWidth() + "x" + box.srcHeight() + ", image "
          + image.width() + "x" + image.height());
    }
    float[] rows = horizontal(image, box.scaledWidth());
    int w = box.inputWidth();
    int h = box.inputHeight();
    int n = w * h * 3;
    float[] floats = mapping.int32() ? null : new float[n];
    int[] ints = mapping.int32() ? new int[n] : null;
    fillPadding(floats, ints, mapping, w * h);
    int sw = box.scaledWidth();
    int rowLength = sw * 3;
    Taps ys = image.height() == box.scaledHeight() ? null : Taps.of(image.height(), box.scaledHeight());
    float[] acc = new float[rowLength];
    int plane = w * h;
    for (int y = 0; y < box.scaledHeight(); y++) {
      // the second pass, a whole output row at a time: taps in order per value, as libtorch sums them
      if (ys == null) {
        System.arraycopy(rows, y * rowLength, acc, 0, rowLength);
      } else {
        java.util.Arrays.fill(acc, 0f);
        int base = y * ys.width;
        for (int j = 0; j < ys.width; j++) {
          float wj = ys.weights[base + j];
          if (wj == 0f) {
            continue;
          }
          int src = (ys.first[y] + j) * rowLength;
          for (int i = 0; i < rowLength; i++) {
            acc[i] += wj * rows[src + i];
          }
        }
      }
      int outRow = (box.padY() + y) * w + box.padX();
      for (int x = 0; x < sw; x++) {
        int pixel = outRow + x;
        for (int c = 0; c < 3; c++) {
          float v = acc[x * 3 + c];
          int channel = mapping.bgr() ? 2 - c : c;
          int at = mapping.channelsFirst() ? channel * plane + pixel : pixel * 3 + channel;
          if (ints != null) {
            ints[at] = (int) Math.max(0, Math.min(255, Math.rint(v)));
          } else {
            floats[at] = mapping.map(v, channel);
          }
        }
      }
    }
    return new Raster(box, mapping, floats, ints);
  }

  /** Every value set to the padding's, which the image's rows then overwrite (Java arrays start at 0). */
  private static void fillPadding(float[] floats, int[] ints, Mapping mapping, int plane) {
    int intPad = (int) Math.max(0, Math.min(255, Math.rint(mapping.padValue())));
    float[] floatPad = new float[3];
    boolean zero = ints != null ? intPad == 0 : true;
    for (int ch = 0; ch < 3 && ints == null; ch++) {
      floatPad[ch] = mapping.map(mapping.padValue(), ch);
      zero &= floatPad[ch] == 0f;
    }
    if (zero) {
      return;
    }
    for (int p = 0; p < plane; p++) {
      for (int ch = 0; ch < 3; ch++) {
        int at = mapping.channelsFirst() ? ch * plane + p : p * 3 + ch;
        if (ints != null) {
          ints[at] = intPad;
        } else {
          floats[at] = floatPad[ch];
        }
      }
    }
  }

  /** The first pass: every source row resized to {@code width} (libtorch resizes the contiguous axis first). */
  private static float[] horizontal(RgbImage image, int width) {
    byte[] px = image.rgb();
    int srcW = image.width();
    float[] rows = new float[image.height() * width * 3];
    if (srcW == width) {
      for (int i = 0; i < rows.length; i++) {
        rows[i] = px[i] & 0xff;
      }
      return rows;
    }
    Taps xs = Taps.of(srcW, width);
    int taps = xs.width;
    for (int y = 0; y < image.height(); y++) {
      int in = y * srcW * 3;
      int out = y * width * 3;
      for (int x = 0; x < width; x++) {
        int first = in + xs.first[x] * 3;
        int base = x * taps;
        float r = 0f;
        float g = 0f;
        float b = 0f;
        for (int j = 0; j < taps; j++) {
          float wj = xs.weights[base + j];
          int at = first + j * 3;
          r += wj * (px[at] & 0xff);
          g += wj * (px[at + 1] & 0xff);
          b += wj * (px[at + 2] & 0xff);
        }
        rows[out + x * 3] = r;
        rows[out + x * 3 + 1] = g;
        rows[out + x * 3 + 2] = b;
      }
    }
    return rows;
  }

  /**
   * Per output index along one axis, the source indices it reads ({@code first} onwards) and their weights:
   * libtorch's antialiased bilinear ({@code _compute_weights_aa}): a triangle filter centred on
   * {@code scale · (i + 0.5)}, stretched by the scale when shrinking, its weights normalised to sum to one.
   */
  private record Taps(int[] first, float[] weights, int width) {
    static Taps of(int in, int out) {
      float scale = (float) in / out;
      float support = scale >= 1f ? scale : 1f;
      float invScale = scale >= 1f ? 1f / scale : 1f;
      int[] first = new int[out];
      float[][] each = new float[out][];
      int width = 0;
      for (int i = 0; i < out; i++) {
        float centre = scale * (i + 0.5f);
        int min = Math.max((int) (centre - support + 0.5f), 0);
        int size = Math.min((int) (centre + support + 0.5f), in) - min;
        float[] w = new float[Math.max(size, 0)];
        float total = 0f;
        for (int j = 0; j < w.length; j++) {
          float t = Math.abs((j + min - centre + 0.5f) * invScale);
          w[j] = t < 1f ? 1f - t : 0f;
          total += w[j];
        }
        if (total != 0f) {
          for (int j = 0; j < w.length; j++) {
            w[j] /= total;
          }
        }
        first[i] = min;
        each[i] = w;
        width = Math.max(width, w.length);
      }
      // one row of `width` taps per output, zero-padded, and its first index kept inside the source, so the passes
      // run fixed-length loops (the padding adds exact zeros: the sums do not change)
      float[] weights = new float[out * width];
      for (int i = 0; i < out; i++) {
        int shift = Math.max(0, first[i] + width - in);
        first[i] -= shift;
        System.arraycopy(each[i], 0, weights, i * width + shift, each[i].length);
      }
      return new Taps(first, weights, width);
    }
  }
}
