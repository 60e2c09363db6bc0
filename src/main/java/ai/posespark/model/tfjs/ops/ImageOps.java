package ai.posespark.model.tfjs.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.posespark.model.tfjs.TfjsModelException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Image resizing on channels-first storage: ResizeBilinear and ResizeNearestNeighbor with TF's three sampling
 * conventions ({@code align_corners}; {@code half_pixel_centers}; neither = legacy, {@code src = dst · in/out}).
 *
 * <p>Bilinear resizing is an interpolation-matrix product per axis ({@code R_h · x · R_wᵀ}): exact for every
 * convention, including the legacy one PyTorch has no mode for, and the same code on CPU and GPU. Matrices are
 * built once per (size, convention) and cached with the model.
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
        Map<String, NDArray> cache = new ConcurrentHashMap<>();
        return (ctx, in) -> {
            NDArray x = in[0].nchw();
            long[] size = constantSize != null ? constantSize : Tensors.longs(in[1].nhwc());
            long h = x.getShape().get(2);
            long w = x.getShape().get(3);
            if (!bilinear) {
                try (NDArray rows = nearestIndex(ctx, h, size[0], sampling, x);
                        NDArray cols = nearestIndex(ctx, w, size[1], sampling, x);
                        NDArray picked = x.get(new NDIndex(":, :, {}", rows))) {
                    return Tensors.one(Value.channelsFirst(picked.get(new NDIndex(":, :, :, {}", cols))));
                }
            }
            NDArray source = x.getDataType() == DataType.FLOAT32 ? x : x.toType(DataType.FLOAT32, true);
            NDArray rowsMatrix = matrix(cache, cacheManager, h, size[0], sampling, x);
            NDArray colsMatrixT = matrix(cache, cacheManager, w, size[1], sampling, x);
            NDArray y1 = rowsMatrix == null ? source : rowsMatrix.matMul(source);
            NDArray y2 = colsMatrixT == null ? y1 : y1.matMul(colsMatrixT.transpose());
            if (y1 != source && y1 != y2) {
                y1.close();
            }
            if (source != x && source != y2) {
                source.close();
            }
            return Tensors.one(y2 == x ? in[0] : Value.channelsFirst(y2));
        };
    }

    /**
     * The [out, in] bilinear interpolation matrix (TF's rule: lower = max(floor(src), 0), upper = min(ceil(src),
     * in - 1), weight src - lower on the upper sample), or {@code null} when it is the identity.
     */
    private static NDArray matrix(Map<String, NDArray> cache, NDManager manager, long in, long out,
            Sampling sampling, NDArray like) {
        String key = in + "x" + out + "@" + like.getDevice();
        NDArray cached = cache.get(key);
        if (cached != null || cache.containsKey(key)) {
            return cached;
        }
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
        synchronized (cache) {
            if (!cache.containsKey(key)) {
                cache.put(key, identity ? null : manager.create(m, new ai.djl.ndarray.types.Shape(out, in))
                        .toDevice(like.getDevice(), false));
            }
            return cache.get(key);
        }
    }

    private static NDArray nearestIndex(RunContext ctx, long in, long out, Sampling sampling, NDArray like) {
        long[] idx = new long[Math.toIntExact(out)];
        double scale = sampling.scale(in, out);
        for (int o = 0; o < out; o++) {
            double src = sampling.source(o, scale) + (sampling.halfPixelCenters() ? 0.5 : 0);
            long i = sampling.alignCorners() ? Math.round(src) : (long) Math.floor(src);
            idx[o] = Math.max(0, Math.min(in - 1, i));
        }
        return ctx.manager().create(idx).toDevice(like.getDevice(), false);
    }
}
