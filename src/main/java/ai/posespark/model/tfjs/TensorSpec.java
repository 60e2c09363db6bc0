package ai.posespark.model.tfjs;

import ai.djl.ndarray.types.DataType;
import java.util.Arrays;

/**
 * A model input or output.
 *
 * @param name node name of the tensor (the Placeholder name for inputs, e.g. {@code input}; the producing node for
 *     outputs, e.g. {@code Identity} or {@code MobilenetV1/heatmap_2/BiasAdd}; {@code ":i"} appended for output
 *     index i &gt; 0)
 * @param signatureKey key in the model.json signature (e.g. {@code input:0}, {@code output_0}, {@code world_3d});
 *     equal to the tensor name when the model has no signature
 * @param shape declared shape, -1 for unknown dimensions (empty when unknown rank)
 * @param dataType declared element type
 */
public record TensorSpec(String name, String signatureKey, long[] shape, DataType dataType) {
  /** Copies the shape so the record stays immutable. */
  public TensorSpec {
    shape = shape.clone();
  }

  @Override
  public long[] shape() {
    return shape.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TensorSpec t && name.equals(t.name) && signatureKey.equals(t.signatureKey)
        && Arrays.equals(shape, t.shape) && dataType == t.dataType;
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return name + " (" + signatureKey + ") " + Arrays.toString(shape) + " " + dataType;
  }
}
