package ai.posespark.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Anchor centres of an SSD head, as MediaPipe's {@code SsdAnchorsCalculator} lays them out with
 * {@code fixed_anchor_size: true} and one aspect ratio (1.0), which gives two anchors (the ratio and the
 * interpolated scale) per cell and layer: layers of equal stride share one grid of {@code ceil(size / stride)}
 * cells, each cell carrying two anchors per such layer, cells row-major, anchor centre at the cell's middle
 * ({@code anchor_offset} 0.5). Fixed-size anchors are 1 × 1 in normalised units, so only the centres matter.
 * BlazePose's detector (224 × 224, strides 8, 16, 32, 32, 32): 28² × 2 + 14² × 2 + 7² × 6 = 2254 anchors.
 *
 * @param x anchor centre x, input pixels, one per anchor
 * @param y anchor centre y, input pixels
 */
public record SsdAnchors(float[] x, float[] y) {
  /** The pose detector's layer strides. */
  public static final int[] POSE_DETECTOR_STRIDES = {8, 16, 32, 32, 32};

  private static final int ANCHORS_PER_LAYER = 2;

  /** The anchors of an {@code inputWidth × inputHeight} input with layers of {@code strides}. */
  public static SsdAnchors of(int inputWidth, int inputHeight, int... strides) {
    List<float[]> centres = new ArrayList<>();
    for (int layer = 0; layer < strides.length; ) {
      int stride = strides[layer];
      int sameStride = 0;
      while (layer < strides.length && strides[layer] == stride) {
        sameStride++;
        layer++;
      }
      int cols = (inputWidth + stride - 1) / stride;
      int rows = (inputHeight + stride - 1) / stride;
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          float cx = (float) ((c + 0.5) / cols * inputWidth);
          float cy = (float) ((r + 0.5) / rows * inputHeight);
          for (int a = 0; a < sameStride * ANCHORS_PER_LAYER; a++) {
            centres.add(new float[] {cx, cy});
          }
        }
      }
    }
    float[] x = new float[centres.size()];
    float[] y = new float[centres.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = centres.get(i)[0];
      y[i] = centres.get(i)[1];
    }
    return new SsdAnchors(x, y);
  }

  /** Number of anchors. */
  public int size() {
    return x.length;
  }
}
