package ai.posespark.model.tfjs.graph;

import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One node attribute as stored in model.json (the JSON form of TensorFlow's {@code AttrValue}): exactly one of
 * {@code s} (base64 bytes), {@code i}, {@code f}, {@code b}, {@code type}, {@code shape}, {@code list}, {@code tensor}.
 * Accessors throw {@link IllegalArgumentException} when the attribute holds another kind; callers turn that into a
 * load error naming the node.
 */
public record AttrValue(JsonNode json) {

  /** The string value ({@code s}, base64-decoded as UTF-8). */
  public String string() {
    return decode(require("s"));
  }

  /** The integer value ({@code i}). */
  public long integer() {
    return require("i").asLong();
  }

  /** The float value ({@code f}); JSON may hold it as a number or as "NaN"/"Infinity" strings. */
  public float floatValue() {
    JsonNode f = require("f");
    return f.isTextual() ? Float.parseFloat(f.asText()) : (float) f.asDouble();
  }

  /** The boolean value ({@code b}). */
  public boolean bool() {
    return require("b").asBoolean();
  }

  /** The data-type value ({@code type}). */
  public DataType type() {
    return TfDataTypes.of(require("type").asText());
  }

  /** The integer list ({@code list.i}); empty when the list is empty. */
  public long[] integers() {
    JsonNode list = require("list").path("i");
    long[] out = new long[list.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = list.get(k).asLong();
    }
    return out;
  }

  /** The string list ({@code list.s}, each base64-decoded); empty when the list is empty. */
  public List<String> strings() {
    List<String> out = new ArrayList<>();
    require("list").path("s").forEach(s -> out.add(decode(s)));
    return out;
  }

  /** The shape value ({@code shape.dim[].size}, -1 for unknown); {@code null} for unknown rank. */
  public long[] shape() {
    return Shapes.parse(require("shape"));
  }

  /** A short rendering for error messages. */
  @Override
  public String toString() {
    if (json.has("s")) {
      return string();
    }
    if (json.has("list") && json.get("list").has("s")) {
      return strings().toString();
    }
    return json.toString();
  }

  private JsonNode require(String kind) {
    JsonNode v = json.get(kind);
    if (v == null) {
      // protobuf JSON omits default values: an absent list/i/f/b means empty/0/false
      return switch (kind) {
        case "list" -> JsonNodeFactory.instance.objectNode();
        case "i", "f" -> JsonNodeFactory.instance.numberNode(0);
        case "b" -> JsonNodeFactory.instance.booleanNode(false);
        default -> throw new IllegalArgumentException("attribute holds " + json + ", not " + kind);
      };
    }
    return v;
  }

  private static String decode(JsonNode base64) {
    return new String(Base64.getDecoder().decode(base64.asText()), StandardCharsets.UTF_8);
  }
}
