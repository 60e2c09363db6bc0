package ai.posespark.data;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One JSON object of an annotation file, with typed field accessors whose errors name the file,
 * the record and the field ({@link AnnotationFormatException}).
 *
 * @param file  the file the record comes from
 * @param label the record as a reader names it, e.g. {@code "annotations[3] (id 17)"}
 * @param node  the JSON object
 */
public record JsonRecord(String file, String label, JsonNode node) {

  /** Wraps element {@code index} of array {@code arrayName}; the label includes its {@code id} when present. */
  public static JsonRecord of(String file, String arrayName, long index, JsonNode node) {
    String label = arrayName + "[" + index + "]";
    if (node != null && node.isObject() && node.has("id")) {
      label += " (id " + node.get("id").asText() + ")";
    }
    JsonRecord r = new JsonRecord(file, label, node);
    if (node == null || !node.isObject()) {
      throw r.error("(record)", "expected a JSON object");
    }
    return r;
  }

  /** An error about {@code field} of this record. */
  public AnnotationFormatException error(String field, String reason) {
    return new AnnotationFormatException(file, label, field, reason);
  }

  /** True when the field is present and not null. */
  public boolean has(String field) {
    JsonNode v = node.get(field);
    return v != null && !v.isNull();
  }

  /** The raw node of a required field. */
  public JsonNode required(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw error(field, "missing");
    }
    return v;
  }

  /** A required integral number. */
  public long requiredLong(String field) {
    JsonNode v = required(field);
    if (!v.isIntegralNumber() && !(v.isNumber() && v.asDouble() == Math.rint(v.asDouble()))) {
      throw error(field, "expected an integer, found " + v);
    }
    return v.asLong();
  }

  /** An optional integral number. */
  public long optionalLong(String field, long fallback) {
    return has(field) ? requiredLong(field) : fallback;
  }

  /** A required number, read as the exact double the text denotes (as Python's json does). */
  public double requiredDouble(String field) {
    JsonNode v = required(field);
    if (!v.isNumber()) {
      throw error(field, "expected a number, found " + v);
    }
    return v.asDouble();
  }

  /** A required string. */
  public String requiredText(String field) {
    JsonNode v = required(field);
    if (!v.isTextual()) {
      throw error(field, "expected a string, found " + v);
    }
    return v.asText();
  }

  /** A 0/1 or boolean flag; absent means {@code fallback}. */
  public boolean optionalFlag(String field, boolean fallback) {
    if (!has(field)) {
      return fallback;
    }
    JsonNode v = node.get(field);
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isNumber()) {
      return v.asDouble() != 0;
    }
    throw error(field, "expected 0/1 or true/false, found " + v);
  }

  /**
   * A required flat array of numbers.
   *
   * @param length the exact length required, or -1 for any length
   */
  public double[] requiredDoubles(String field, int length) {
    return doubles(field, required(field), length);
  }

  /** Numbers of {@code v} (a JSON array) as doubles; errors name {@code field}. */
  public double[] doubles(String field, JsonNode v, int length) {
    if (!v.isArray()) {
      throw error(field, "expected an array of numbers, found " + abbreviate(v));
    }
    if (length >= 0 && v.size() != length) {
      throw error(field, "expected " + length + " numbers, found " + v.size());
    }
    double[] out = new double[v.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode e = v.get(i);
      if (!e.isNumber()) {
        throw error(field, "element " + i + " is not a number: " + e);
      }
      out[i] = e.asDouble();
    }
    return out;
  }

  private static String abbreviate(JsonNode v) {
    String s = v.toString();
    return s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }
}
