package ai.posespark.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A decoder's reading of its catalog entry's {@code codec:} key (parsed YAML: numbers, strings, booleans, lists):
 * typed look-ups with defaults, so every decoder checks its parameters the same way. A name the decoder does not
 * know, a value of the wrong type or out of range fails at once with an {@link IllegalArgumentException} naming
 * {@code codec.<name>} and the reason: a catalog typo must not silently fall back to a default.
 */
public final class CodecParameters {
  private final String decoder;
  private final Map<String, Object> values;

  /**
   * @param decoder the decoder's catalog name, for messages
   * @param codec   the {@code codec:} map (may be empty)
   * @param known   every parameter this decoder reads
   * @throws IllegalArgumentException naming the first parameter that is not among {@code known}
   */
  public CodecParameters(String decoder, Map<String, Object> codec, String... known) {
    this.decoder = decoder;
    this.values = codec;
    Set<String> names = Set.of(known);
    for (String name : codec.keySet()) {
      if (!names.contains(name)) {
        throw new IllegalArgumentException(decoder + ": codec." + name + " is not a parameter of this decoder"
            + (known.length == 0 ? " (it has none)" : " (it reads " + String.join(", ", known) + ")"));
      }
    }
  }

  /** An unmodifiable copy of a {@code codec:} map in its own order; empty for null (the settings' default). */
  public static Map<String, Object> copyOf(Map<String, Object> codec) {
    return codec == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(codec));
  }

  /** A true/false parameter. */
  public boolean flag(String name, boolean fallback) {
    Object v = raw(name);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Boolean b)) {
      throw invalid(name, "must be true or false, got " + describe(v));
    }
    return b;
  }

  /** A number in {@code [min, max]}. */
  public double number(String name, double fallback, double min, double max) {
    Object v = raw(name);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Number n) || !(n.doubleValue() >= min && n.doubleValue() <= max)) {
      throw invalid(name, "must be a number in " + min + ".." + max + ", got " + describe(v));
    }
    return n.doubleValue();
  }

  /** A whole number of at least {@code min}. */
  public int integer(String name, int fallback, int min) {
    Object v = raw(name);
    return v == null ? fallback : wholeNumber(name, v, min, "");
  }

  /** One of {@code allowed}, as written. */
  public String choice(String name, String fallback, List<String> allowed) {
    Object v = raw(name);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof String s) || !allowed.contains(s)) {
      throw invalid(name, "must be one of " + String.join(", ", allowed) + ", got " + describe(v));
    }
    return s;
  }

  /**
   * A list of whole numbers, each at least {@code min}; exactly {@code length} of them, or any non-empty list when
   * {@code length} is 0.
   */
  public int[] integers(String name, int[] fallback, int length, int min) {
    Object v = raw(name);
    if (v == null) {
      return fallback.clone();
    }
    String count = length == 0 ? "a non-empty list" : "a list of " + length;
    if (!(v instanceof List<?> list) || list.isEmpty() || (length > 0 && list.size() != length)) {
      throw invalid(name, "must be " + count + " whole numbers, got " + describe(v));
    }
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = wholeNumber(name, list.get(i), min, " (item " + i + ")");
    }
    return out;
  }

  /** The error for parameter {@code name}: {@code decoder: codec.name reason}, for checks a decoder adds. */
  public IllegalArgumentException invalid(String name, String reason) {
    return new IllegalArgumentException(decoder + ": codec." + name + " " + reason);
  }

  private Object raw(String name) {
    if (values.containsKey(name) && values.get(name) == null) {
      throw invalid(name, "has no value");
    }
    return values.get(name);
  }

  private int wholeNumber(String name, Object v, int min, String where) {
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.doubleValue() < min
        || n.doubleValue() > Integer.MAX_VALUE) {
      throw invalid(name, "must be a whole number of at least " + min + where + ", got " + describe(v));
    }
    return n.intValue();
  }

  private static String describe(Object v) {
    return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
  }
}
