package ai.posespark.model.tfjs.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.posespark.model.tfjs.TfjsModelException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Image resizing: ResizeBilinear and ResizeNearestNeighbor with TF's three sampling
 * conventions ({@code align_corners}; {@code half_pixel_centers}; neither = legacy, {@code src = dst · in/out}).
 *
 * <p>Bilinear resizing is an interpolation-matrix product per axis ({@code R_h · x · R_wᵀ}) on the NHWC data: exact
 * for every convention, including the legacy one PyTorch has no mode for, and the same code on CPU and GPU.
 * Matrices are built once per (size, convention) and cached with the model.
 */
public final class ImageOps implements OpFamily {

  @Override
  public Map<String, KernelFactory> factories() {
    return Map.of("ResizeBilinear", node -> resize(node, true),
        "ResizeNearestNeighbor", node -> resize(node, false));
  }

  /** The source coordinate convention. */
  private record Sampling(boolean alignCorners, boolean halfPixelCenters) {
    double scale(long in, long out) {
      return alignCorners && out > 1 ? (in - 1) / (double) (out - 1) : in / (double) out;
    }

    double source(long dst, double scale) {
      return halfPixelCenters ? (dst + 0.5) * scale - 0.5 : dst * scale;
    }
  }

  private static Kernel resize(NodeContext node, boolean bilinear) throws TfjsModelException {
    node.requireInputs(2, 2);
    Sampling sampling = new Sampling(node.bool("align_corners", false), node.bool("half_pixel_centers", false));
    if (sampling.alignCorners() && sampling.halfPixelCenters()) {
      throw node.error("unsupported align_corners together with half_pixel_centers");
    }
    long[] constantSize = node.constantLongs(1);
    NDManager cacheManager = node.weightManager();
    Map<String, Optional<NDArray>> cache = new ConcurrentHashMap<>();
    return (ctx, in) -> {
      // computed on the NHWC view: it is contiguous (activations are stored channels-last), and so is the
      // result, which keeps the following convolutions on PyTorch's fast channels-last path
      NDArray x = in[0].nhwc();
      long[] size = constantSize != null ? constantSize : Tensors.longs(in[1].nhwc());
      Shape s = x.getShape();
      long n = s.get(0);
      long h = s.get(1);
      long w = s.get(2);
      long c = s.get(3);
      if (!bilinear) {
        try (NDArray rows = nearestIndex(ctx, h, size[0], sampling, x);
            NDArray cols = nearestIndex(ctx, w, size[1], sampling, x);
            NDArray picked = x.get(new NDIndex(":, {}", rows))) {
          return Tensors.one(Value.of(picked.get(new NDIndex(":, :, {}", cols))));
        }
      }
      NDArray rowsMatrix = matrix(cache, cacheManager, h, size[0], sampling, x);
      NDArray colsMatrix = matrix(cache, cacheManager, w, size[1], sampling, x);
      if (rowsMatrix == null && colsMatrix == null) {
        return Tensors.one(in[0]);
      }
      NDArray y = x.getDataType() == DataType.FLOAT32 ? x : x.toType(DataType.FLOAT32, true);
      if (rowsMatrix != null) { // [Ho, H] @ [N, H, W·C]
        try (NDArray flat = y.reshape(n, h, w * c); NDArray r = rowsMatrix.matMul(flat)) {
          y = swap(y, x, r.reshape(n, size[0], w, c));
        }
      }
      if (colsMatrix != null) { // [Wo, W] @ [N·Ho, W, C]
        long rows = y.getShape().get(1);
        try (NDArray flat = y.reshape(n * rows, w, c); NDArray r = colsMatrix.matMul(flat)) {
          y = swap(y, x, r.reshape(n, rows, size[1], c));
        }
      }
      return Tensors.one(Value.of(y));
    };
  }

  /** Returns {@code next}, closing {@code previous} unless it is the kernel's input. */
  private static NDArray swap(NDArray previous, NDArray input, NDArray next) {
    if (previous != input) {
      previous.close();
    }
    return next;
  }

  /**
   * The [out, in] bilinear interpolation matrix (TF's rule: lower = max(floor(src), 0), upper = min(ceil(src),
   * in - 1), weight src - lower on the upper sample), or {@code null} when it is the identity.
   */
  private static NDArray matrix(Map<String, Optional<NDArray>> cache, NDManager manager, long in, long out,
      Sampling sampling, NDArray like) {
    String key = in + "x" + out + "@" + like.getDevice();
    return cache.computeIfAbsent(key, k -> {
      float[] m = new float[Math.toIntExact(in * out)];
      double scale = sampling.scale(in, out);
      boolean identity = in == out;
      for (int o = 0; o < out; o++) {
        double src = sampling.source(o, scale);
        long lower = Math.max((long) Math.floor(src), 0);
        long upper = Math.min((long) Math.ceil(src), in - 1);
        float frac = (float) (src - lower);
        m[(int) (o * in + lower)] += 1 - frac;
        m[(int) (o * in + upper)] += frac;
        identity &= lower == o && frac == 0f;
      }
      return identity ? Optional.empty()
          : Optional.of(Tensors.create(manager, m, new Shape(out, in)).toDevice(like.getDevice(), false));
    }).orElse(null);
  }

  private static NDArray nearestIndex(RunContext ctx, long in, long out, Sampling sampling, NDArray like) {
    long[] idx = new long[Math.toIntExact(out)];
    double scale = sampling.scale(in, out);
    for (int o = 0; o < out; o++) {
      double src = sampling.source(o, scale) + (sampling.halfPixelCenters() ? 0.5 : 0);
      long i = sampling.alignCorners() ? Math.round(src) : (long) Math.floor(src);
      idx[o] = Math.max(0, Math.min(in - 1, i));
    }
    return Tensors.create(ctx.manager(), idx).toDevice(like.getDevice(), false);
  }
}
