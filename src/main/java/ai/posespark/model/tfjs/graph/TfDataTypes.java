package ai.posespark.model.tfjs.graph;

import ai.djl.ndarray.types.DataType;

/** Maps TensorFlow type names ({@code DT_FLOAT} in graphs, {@code float32} in weight manifests) to DJL types. */
public final class TfDataTypes {
  private TfDataTypes() {}

  /**
   * Returns the DJL type for a TensorFlow type name.
   *
   * @throws IllegalArgumentException for a type the interpreter does not run
   */
  public static DataType of(String tfName) {
    return switch (tfName) {
      case "DT_FLOAT", "float32" -> DataType.FLOAT32;
      case "DT_INT32", "int32" -> DataType.INT32;
      case "DT_INT64", "int64" -> DataType.INT64;
      case "DT_BOOL", "bool" -> DataType.BOOLEAN;
      case "DT_UINT8", "uint8" -> DataType.UINT8;
      case "DT_INT8", "int8" -> DataType.INT8;
      case "DT_DOUBLE", "float64" -> DataType.FLOAT64;
      case "DT_HALF", "float16" -> DataType.FLOAT16;
      default -> throw new IllegalArgumentException("unsupported data type " + tfName);
    };
  }
}
