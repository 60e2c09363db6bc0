package ai.posespark.model.tfjs.graph;

import com.fasterxml.jackson.databind.JsonNode;

/** Parses TensorFlow {@code TensorShapeProto} JSON ({@code {dim: [{size: "1"}, ...]}}). */
final class Shapes {
  private Shapes() {}

  /** Returns the dimensions (-1 for unknown) or {@code null} when the rank is unknown. */
  static long[] parse(JsonNode shape) {
    if (shape == null || shape.path("unknownRank").asBoolean(false)) {
      return null;
    }
    JsonNode dims = shape.path("dim");
    long[] out = new long[dims.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = dims.get(k).path("size").asLong(0);
    }
    return out;
  }
}
