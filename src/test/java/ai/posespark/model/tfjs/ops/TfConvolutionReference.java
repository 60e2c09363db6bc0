package ai.posespark.model.tfjs.ops;

/**
 * TF's convolutions by their definition, summed in double: the brute-force reference every convolution path is
 * checked against. Arrays are TF's: input NHWC (batch 1), filter HWIO for Conv2D and H·W·C·multiplier for
 * DepthwiseConv2dNative; SAME pads the smaller half on top/left.
 */
final class TfConvolutionReference {
  final int h;
  final int w;
  final int c;
  final int kh;
  final int kw;
  final int stride;
  final int dilation;
  final boolean same;

  TfConvolutionReference(int h, int w, int c, int kh, int kw, int stride, int dilation, boolean same) {
    this.h = h;
    this.w = w;
    this.c = c;
    this.kh = kh;
    this.kw = kw;
    this.stride = stride;
    this.dilation = dilation;
    this.same = same;
  }

  int outHeight() {
    return same ? (h + stride - 1) / stride : (h - window(kh)) / stride + 1;
  }

  int outWidth() {
    return same ? (w + stride - 1) / stride : (w - window(kw)) / stride + 1;
  }

  /** Conv2D: output channels {@code co}, NHWC result. */
  double[] conv2d(float[] x, float[] filter, int co) {
    return convolve(x, co, (ch, o, dy, dx) -> filter[((dy * kw + dx) * c + ch) * co + o], false);
  }

  /** DepthwiseConv2dNative: output channel {@code ch·multiplier + m} reads input channel ch only. */
  double[] depthwise(float[] x, float[] filter, int multiplier) {
    return convolve(x, c * multiplier,
        (ch, o, dy, dx) -> filter[((dy * kw + dx) * c + ch) * multiplier + o % multiplier], true);
  }

  private interface Tap {
    float weight(int inChannel, int outChannel, int dy, int dx);
  }

  private double[] convolve(float[] x, int co, Tap tap, boolean depthwise) {
    int oh = outHeight();
    int ow = outWidth();
    int top = same ? Math.max((oh - 1) * stride + window(kh) - h, 0) / 2 : 0;
    int left = same ? Math.max((ow - 1) * stride + window(kw) - w, 0) / 2 : 0;
    int multiplier = co / c;
    double[] out = new double[oh * ow * co];
    for (int oy = 0; oy < oh; oy++) {
      for (int ox = 0; ox < ow; ox++) {
        for (int o = 0; o < co; o++) {
          double sum = 0;
          for (int dy = 0; dy < kh; dy++) {
            for (int dx = 0; dx < kw; dx++) {
              int y = oy * stride - top + dy * dilation;
              int xx = ox * stride - left + dx * dilation;
              if (y < 0 || y >= h || xx < 0 || xx >= w) {
                continue;
              }
              int first = depthwise ? o / multiplier : 0;
              int last = depthwise ? first + 1 : c;
              for (int ch = first; ch < last; ch++) {
                sum += x[(y * w + xx) * c + ch] * (double) tap.weight(ch, o, dy, dx);
              }
            }
          }
          out[(oy * ow + ox) * co + o] = sum;
        }
      }
    }
    return out;
  }

  private int window(int k) {
    return (k - 1) * dilation + 1;
  }
}
