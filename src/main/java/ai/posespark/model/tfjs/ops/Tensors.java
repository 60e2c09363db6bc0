package ai.posespark.model.tfjs.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/** Small array helpers shared by the kernels. */
public final class Tensors {
  private Tensors() {}

  /** Host copy of an integer (or bool/float) array's values as longs: for shapes, axes, sizes. */
  public static long[] longs(NDArray array) {
    if (array.getDataType() == DataType.INT64) {
      return array.toLongArray();
    }
    if (array.getDataType() == DataType.INT32) {
      int[] ints = array.toIntArray();
      long[] out = new long[ints.length];
      for (int k = 0; k < ints.length; k++) {
        out[k] = ints[k];
      }
      return out;
    }
    try (NDArray asLong = array.toType(DataType.INT64, true)) {
      return asLong.toLongArray();
    }
  }

  /** Host copy of the values as floats (any numeric type). */
  public static float[] floats(NDArray array) {
    if (array.getDataType() == DataType.FLOAT32) {
      return array.toFloatArray();
    }
    try (NDArray asFloat = array.toType(DataType.FLOAT32, true)) {
      return asFloat.toFloatArray();
    }
  }

  /**
   * A contiguous copy made through the host: for weights prepared once at load. The copy owns its memory (see
   * {@link #owned}).
   */
  public static NDArray contiguous(NDArray array, NDManager manager) {
    if (array.getDataType() == DataType.FLOAT32) {
      return owned(manager.create(array.toFloatArray(), array.getShape()));
    }
    return owned(manager.create(array.toByteBuffer(), array.getShape(), array.getDataType()));
  }

  /**
   * Replaces an array made by {@code NDManager.create(...)} with a PyTorch-owned copy. On the CPU, DJL wraps
   * the Java direct buffer ({@code from_blob}) without copying: once that array is closed, the garbage
   * collector may free the buffer while views of it (a slice, a reshape) still read it. Every array a kernel
   * builds from host values goes through here.
   */
  public static NDArray owned(NDArray fromHost) {
    NDArray copy = fromHost.duplicate();
    fromHost.close();
    return copy;
  }

  /** An int64 vector owning its memory, on {@code manager}'s device. */
  public static NDArray create(NDManager manager, long[] values) {
    return owned(manager.create(values));
  }

  /** An int32 vector owning its memory, on {@code manager}'s device. */
  public static NDArray create(NDManager manager, int[] values) {
    return owned(manager.create(values));
  }

  /** A float32 array owning its memory, on {@code manager}'s device. */
  public static NDArray create(NDManager manager, float[] values, Shape shape) {
    return owned(manager.create(values, shape));
  }

  /** Normalises a possibly negative axis for a tensor of {@code rank} dimensions. */
  public static int axis(long axis, int rank) {
    long a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= Math.max(rank, 1)) {
      throw new IllegalArgumentException("axis " + axis + " out of range for rank " + rank);
    }
    return (int) a;
  }

  /** Maps a logical NHWC axis (0..3) to its position in channels-first (NCHW) storage. */
  public static int nchwAxis(int nhwcAxis) {
    return switch (nhwcAxis) {
      case 0 -> 0;
      case 1 -> 2;
      case 2 -> 3;
      default -> 1;
    };
  }

  /** Wraps a single output. */
  public static Value[] one(Value v) {
    return new Value[] {v};
  }

  /** Wraps each array of a list as a plain value. */
  public static Value[] all(NDList arrays) {
    Value[] out = new Value[arrays.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = Value.of(arrays.get(k));
    }
    return out;
  }
}
