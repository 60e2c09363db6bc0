package ai.posespark.model.tfjs.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.posespark.model.tfjs.TfjsModelException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the weight shards of a model and creates one NDArray per weight, dequantized once: float16 to float32
 * (exact), uint8/uint16 to {@code q * scale + min}. Shards of a group are concatenated in manifest order.
 */
public final class WeightLoader {
  private WeightLoader() {}

  /**
   * Loads every weight of {@code model}, reading shards relative to {@code folder}.
   *
   * @return weights by name, in manifest order, as NDArrays of {@code manager}
   */
  public static Map<String, NDArray> load(ModelDefinition model, Path folder, NDManager manager)
      throws IOException {
    Map<String, NDArray> weights = new LinkedHashMap<>();
    for (ModelDefinition.WeightGroup group : model.weightGroups()) {
      ByteBuffer data = ByteBuffer.wrap(concatenate(model.name(), folder, group)).order(ByteOrder.LITTLE_ENDIAN);
      long needed = 0;
      for (WeightSpec spec : group.weights()) {
        needed += storedBytes(model.name(), spec);
      }
      if (data.remaining() < needed) {
        throw new TfjsModelException(model.name() + ": weight shards " + group.paths() + " hold " + data.remaining()
            + " bytes, the manifest's weights need " + needed + " (a shard is truncated or from another model)");
      }
      for (WeightSpec spec : group.weights()) {
        try {
          weights.put(spec.name(), decode(spec, data, manager));
        } catch (RuntimeException e) {
          throw new IOException(model.name() + ": weight '" + spec.name() + "': " + e.getMessage(), e);
        }
      }
      if (data.hasRemaining()) {
        throw new IOException(model.name() + ": " + data.remaining() + " bytes left over in shards "
            + group.paths());
      }
    }
    return weights;
  }

  /**
   * A PyTorch-owned copy: DJL's CPU {@code create} wraps the Java buffer without copying, and views of a weight
   * (reordered filters, layout conversions) must not depend on that buffer's lifetime.
   */
  private static NDArray owned(NDArray fromHost) {
    NDArray copy = fromHost.duplicate();
    fromHost.close();
    return copy;
  }

  private static byte[] concatenate(String model, Path folder, ModelDefinition.WeightGroup group) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String path : group.paths()) {
      Path shard = folder.resolve(path).normalize();
      if (!shard.startsWith(folder.normalize())) {
        throw new TfjsModelException(model + ": weight shard '" + path + "' leaves the model's folder");
      }
      if (!Files.isRegularFile(shard)) {
        throw new TfjsModelException(model + ": weight shard '" + path + "' of the weights manifest is missing ("
            + shard + ")");
      }
      out.write(Files.readAllBytes(shard));
    }
    return out.toByteArray();
  }

  /** Bytes {@code spec} takes in its shard: elements × the stored (quantized) element size. */
  private static long storedBytes(String model, WeightSpec spec) throws TfjsModelException {
    for (long d : spec.shape()) {
      if (d < 0) {
        throw new TfjsModelException(model + ": weight '" + spec.name() + "': negative dimension in shape "
            + java.util.Arrays.toString(spec.shape()));
      }
    }
    String stored = spec.quantization() != null ? spec.quantization().dtype() : spec.dtype();
    int bytes = switch (stored) {
      case "float32", "int32" -> 4;
      case "float16", "uint16" -> 2;
      case "uint8", "bool" -> 1;
      default -> throw new TfjsModelException(model + ": weight '" + spec.name() + "': unsupported "
          + (spec.quantization() != null ? "quantization " : "dtype ") + stored
          + " (float32, int32, bool; quantized float16, uint8, uint16)");
    };
    try {
      return Math.multiplyExact(spec.size(), (long) bytes);
    } catch (ArithmeticException e) {
      throw new TfjsModelException(model + ": weight '" + spec.name() + "': shape "
          + java.util.Arrays.toString(spec.shape()) + " is too large");
    }
  }

  private static NDArray decode(WeightSpec spec, ByteBuffer data, NDManager manager) {
    Shape shape = new Shape(spec.shape());
    int n = Math.toIntExact(spec.size());
    WeightSpec.Quantization q = spec.quantization();
    if (q != null) {
      if (!"float32".equals(spec.dtype())) {
        throw new IllegalArgumentException("quantized weights of type " + spec.dtype() + " unsupported");
      }
      float[] values = new float[n];
      switch (q.dtype()) {
        case "float16" -> {
          for (int k = 0; k < n; k++) {
            values[k] = Float16.toFloat(data.getShort());
          }
        }
        case "uint8" -> {
          for (int k = 0; k < n; k++) {
            values[k] = (data.get() & 0xff) * q.scale() + q.min();
          }
        }
        case "uint16" -> {
          for (int k = 0; k < n; k++) {
            values[k] = (data.getShort() & 0xffff) * q.scale() + q.min();
          }
        }
        default -> throw new IllegalArgumentException("unsupported quantization " + q.dtype());
      }
      return owned(manager.create(values, shape));
    }
    DataType type = TfDataTypes.of(spec.dtype());
    switch (type) {
      case FLOAT32 -> {
        float[] values = new float[n];
        data.asFloatBuffer().get(values);
        data.position(data.position() + 4 * n);
        return owned(manager.create(values, shape));
      }
      case INT32 -> {
        int[] values = new int[n];
        data.asIntBuffer().get(values);
        data.position(data.position() + 4 * n);
        return owned(manager.create(values, shape));
      }
      case BOOLEAN -> {
        boolean[] values = new boolean[n];
        for (int k = 0; k < n; k++) {
          values[k] = data.get() != 0;
        }
        return owned(manager.create(values, shape));
      }
      default -> throw new IllegalArgumentException("unsupported weight type " + spec.dtype());
    }
  }
}
