package ai.posespark.pose;

/**
 * MoveNet singlepose's head maps, both ways: {@link #encode} makes training targets from keypoints, {@link #decode}
 * reads keypoints from the maps exactly as the graph's own tail does (the part {@link MoveNetDecoder} receives
 * already done), so that targets and predictions share one definition of every map.
 *
 * <p>Maps are one item's NHWC arrays on a {@code G×G} grid (G = input / 4; 48 for lightning), flattened:
 * <ul>
 *   <li>{@code heatmap [G, G, 17]}: per joint a Gaussian (σ in cells) centred on the joint's cell;</li>
 *   <li>{@code centre [G, G, 1]}: a Gaussian centred on the person's centre cell;</li>
 *   <li>{@code regress [G, G, 34]}: at the centre's cell, joint k's (dy, dx) from that cell, channels 2k, 2k+1;</li>
 *   <li>{@code offset [G, G, 34]}: at joint k's cell, its (dy, dx) sub-cell offset, channels 2k, 2k+1.</li>
 * </ul>
 * The graph's decoding: the centre is the arg max of centre × 1 / (distance to the grid centre + 1.8); joint k's
 * coarse position is that cell + regress; its cell is the arg max of heatmap / (distance to the coarse position +
 * 1.8); its position is (cell + offset) / G, its score the heatmap there. A position's cell is its floor, offsets in
 * [0, 1): CenterNet's convention, which the imported MoveNet heads follow (their peaks sit on the floor cell of the
 * labelled joint, offsets 0..1; a nearest-cell convention made fine-tuning move keypoints away from the labels).
 * The decoding recovers encoded keypoints exactly for σ ≤ 1 (wider, a neighbour cell nearer the coarse position
 * can outscore the joint's own).
 */
public final class MoveNetCodec {
  /** Joints: COCO's 17. */
  public static final int K = 17;
  /** The graph's distance bias in both arg maxes. */
  private static final double DISTANCE_BIAS = 1.8;

  private final int grid;
  private final double sigma;

  /**
   * @param grid  cells per side (input size / 4)
   * @param sigma Gaussian σ of the heat and centre maps, in cells
   */
  public MoveNetCodec(int grid, double sigma) {
    if (grid <= 0 || !(sigma > 0)) {
      throw new IllegalArgumentException("movenet codec: grid " + grid + " and sigma " + sigma + " must be > 0");
    }
    this.grid = grid;
    this.sigma = sigma;
  }

  /** Cells per side. */
  public int grid() {
    return grid;
  }

  /**
   * One item's targets; masks are 1 where a regression target is defined (L1 losses are taken there only), joint
   * weights 1 for labelled joints (an unlabelled joint's heatmap is no evidence of absence: MMPose's target weight).
   *
   * @param heatmap [G, G, 17]
   * @param centre [G, G, 1]
   * @param regress [G, G, 34]
   * @param regressMask [G, G, 34]
   * @param offset [G, G, 34]
   * @param offsetMask [G, G, 34]
   * @param jointWeight [17]
   */
  public record Targets(float[] heatmap, float[] centre, float[] regress, float[] regressMask, float[] offset,
      float[] offsetMask, float[] jointWeight) {}

  /**
   * Targets for one person.
   *
   * @param keypoints 17 × (x, y, v) normalised to the input (0..1); joints with v ≤ 0 or outside the input are
   *     left out (zero heatmap, no regression)
   * @param centreX the person's centre, normalised
   * @param centreY the person's centre, normalised
   */
  public Targets encode(float[] keypoints, float centreX, float centreY) {
    if (keypoints.length != K * 3) {
      throw new IllegalArgumentException("movenet codec: " + keypoints.length + " keypoint values, expected 51");
    }
    int cells = grid * grid;
    Targets t = new Targets(new float[cells * K], new float[cells], new float[cells * 2 * K],
        new float[cells * 2 * K], new float[cells * 2 * K], new float[cells * 2 * K], new float[K]);
    double cy = centreY * grid;
    double cx = centreX * grid;
    int centreCell = cell(cy) * grid + cell(cx);
    gaussian(t.centre(), 1, 0, cell(cy), cell(cx));
    for (int k = 0; k < K; k++) {
      float x = keypoints[3 * k];
      float y = keypoints[3 * k + 1];
      if (keypoints[3 * k + 2] <= 0 || x < 0 || y < 0 || x > 1 || y > 1) {
        continue;
      }
      double gy = y * grid;
      double gx = x * grid;
      int hy = cell(gy);
      int hx = cell(gx);
      gaussian(t.heatmap(), K, k, hy, hx);
      t.jointWeight()[k] = 1;
      int r = centreCell * 2 * K + 2 * k;
      t.regress()[r] = (float) (gy - centreCell / grid);
      t.regress()[r + 1] = (float) (gx - centreCell % grid);
      t.regressMask()[r] = 1;
      t.regressMask()[r + 1] = 1;
      int o = (hy * grid + hx) * 2 * K + 2 * k;
      t.offset()[o] = (float) (gy - hy);
      t.offset()[o + 1] = (float) (gx - hx);
      t.offsetMask()[o] = 1;
      t.offsetMask()[o + 1] = 1;
    }
    return t;
  }

  /**
   * Keypoints from one item's maps, as the graph's tail computes them.
   *
   * @return 17 × (y, x, score), positions normalised to the input: the layout of the graph's output
   */
  public float[] decode(float[] heatmap, float[] centre, float[] regress, float[] offset) {
    int centreCell = 0;
    double best = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < grid * grid; c++) {
      double weighted = centre[c] / (Math.hypot(c / grid - grid / 2.0, c % grid - grid / 2.0) + DISTANCE_BIAS);
      if (weighted > best) {
        best = weighted;
        centreCell = c;
      }
    }
    float[] out = new float[K * 3];
    for (int k = 0; k < K; k++) {
      double coarseY = centreCell / grid + regress[centreCell * 2 * K + 2 * k];
      double coarseX = centreCell % grid + regress[centreCell * 2 * K + 2 * k + 1];
      int cell = 0;
      double score = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < grid * grid; c++) {
        double s = heatmap[c * K + k] / (Math.hypot(c / grid - coarseY, c % grid - coarseX) + DISTANCE_BIAS);
        if (s > score) {
          score = s;
          cell = c;
        }
      }
      out[3 * k] = (cell / grid + offset[cell * 2 * K + 2 * k]) / grid;
      out[3 * k + 1] = (cell % grid + offset[cell * 2 * K + 2 * k + 1]) / grid;
      out[3 * k + 2] = heatmap[cell * K + k];
    }
    return out;
  }

  private int cell(double position) {
    return (int) Math.max(0, Math.min(grid - 1, Math.floor(position)));
  }

  private void gaussian(float[] map, int channels, int channel, double y, double x) {
    double twoSigma2 = 2 * sigma * sigma;
    for (int r = 0; r < grid; r++) {
      for (int c = 0; c < grid; c++) {
        double d2 = (r - y) * (r - y) + (c - x) * (c - x);
        map[(r * grid + c) * channels + channel] = (float) Math.exp(-d2 / twoSigma2);
      }
    }
  }
}
