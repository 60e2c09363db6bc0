package ai.posespark.pose;

import java.util.ArrayList;
import java.util.List;

/**
 * PoseNet outputs rendered from known poses on a {@code size × size} grid, stride 16: each part's logit is high at
 * the cell nearest the part, every cell's offsets and displacements point at the pose whose part is nearest it.
 * A correct decoder recovers the poses exactly. Outputs come in the npm graph's order
 * ({@link PoseNetDecoder#HUMAN_MODELS_OUTPUT_NAMES}).
 */
final class SyntheticPoseNet {
  static final int STRIDE = 16;
  static final int K = 17;
  static final int E = Skeleton.POSENET_EDGES.length;

  private SyntheticPoseNet() {}

  /** A pose whose keypoints sit around {@code (y, x)}, about 100 px tall, as {@code {y, x}} input pixels. */
  static float[][] pose(float y, float x) {
    float[][] p = new float[K][];
    float[][] layout = {{0, 0}, {-5, 5}, {-5, -5}, {0, 10}, {0, -10}, {20, 18}, {20, -18}, {45, 22}, {45, -22},
        {70, 24}, {70, -24}, {75, 12}, {75, -12}, {110, 13}, {110, -13}, {145, 14}, {145, -14}};
    for (int k = 0; k < K; k++) {
      p[k] = new float[] {y + layout[k][0] * 0.7f, x + layout[k][1]};
    }
    return p;
  }

  /** Outputs for {@code poses} with every part logit {@code partLogit} (per pose) at its cell, -8 elsewhere. */
  static List<float[]> render(int size, List<float[][]> poses, float[] partLogits) {
    float[] fwd = new float[size * size * 2 * E];
    float[] heat = new float[size * size * K];
    float[] bwd = new float[size * size * 2 * E];
    float[] off = new float[size * size * 2 * K];
    java.util.Arrays.fill(heat, -8);
    for (int r = 0; r < size; r++) {
      for (int c = 0; c < size; c++) {
        int cell = r * size + c;
        for (int k = 0; k < K; k++) {
          float[] target = nearest(poses, k, r, c)[k];
          off[cell * 2 * K + k] = target[0] - r * STRIDE;
          off[cell * 2 * K + K + k] = target[1] - c * STRIDE;
        }
        for (int e = 0; e < E; e++) {
          int parent = Skeleton.POSENET_EDGES[e][0];
          int child = Skeleton.POSENET_EDGES[e][1];
          float[][] fromParent = nearest(poses, parent, r, c);
          fwd[cell * 2 * E + e] = fromParent[child][0] - fromParent[parent][0];
          fwd[cell * 2 * E + E + e] = fromParent[child][1] - fromParent[parent][1];
          float[][] fromChild = nearest(poses, child, r, c);
          bwd[cell * 2 * E + e] = fromChild[parent][0] - fromChild[child][0];
          bwd[cell * 2 * E + E + e] = fromChild[parent][1] - fromChild[child][1];
        }
      }
    }
    for (int i = 0; i < poses.size(); i++) {
      for (int k = 0; k < K; k++) {
        int r = Math.round(poses.get(i)[k][0] / STRIDE);
        int c = Math.round(poses.get(i)[k][1] / STRIDE);
        heat[(r * size + c) * K + k] = partLogits[i];
      }
    }
    List<float[]> out = new ArrayList<>();
    out.add(fwd);
    out.add(heat);
    out.add(bwd);
    out.add(off);
    return out;
  }

  private static float[][] nearest(List<float[][]> poses, int k, int r, int c) {
    float[][] best = null;
    double bestD = Double.MAX_VALUE;
    for (float[][] p : poses) {
      double d = Math.hypot(p[k][0] - r * STRIDE, p[k][1] - c * STRIDE);
      if (d < bestD) {
        bestD = d;
        best = p;
      }
    }
    return best;
  }
}
