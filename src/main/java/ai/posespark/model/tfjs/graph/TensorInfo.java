package ai.posespark.model.tfjs.graph;

import ai.djl.ndarray.types.DataType;

/**
 * A signature entry of model.json.
 *
 * @param key the signature key
 * @param tensor the tensor it names
 * @param shape declared shape, -1 for unknown dimensions; {@code null} when not declared
 * @param dataType declared element type; {@code null} when not declared
 */
public record TensorInfo(String key, TensorRef tensor, long[] shape, DataType dataType) {}
