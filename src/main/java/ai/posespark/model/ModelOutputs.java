package ai.posespark.model;

import java.util.List;

/**
 * Finds a model output by what it is, for decoders: graph files differ in output order, and some name their
 * outputs meaninglessly ({@code Identity_2}), so outputs are found by a name fragment or by their size.
 */
public final class ModelOutputs {
  private ModelOutputs() {}

  /**
   * The position of the one output whose name contains {@code fragment}.
   *
   * @throws IllegalArgumentException when no output or more than one matches
   */
  public static int indexByName(List<String> names, String fragment, String decoder) {
    int found = -1;
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).contains(fragment)) {
        if (found >= 0) {
          throw new IllegalArgumentException(decoder + ": outputs " + names.get(found) + " and " + names.get(i)
              + " both match '" + fragment + "' (outputs: " + names + ")");
        }
        found = i;
      }
    }
    if (found < 0) {
      throw new IllegalArgumentException(decoder + ": no output named like '" + fragment + "' (outputs: " + names
          + ")");
    }
    return found;
  }

  /** {@link #indexByName}, or {@code fallback} (the npm graph's position) when the model names no outputs. */
  public static int indexByName(List<String> names, String fragment, int fallback, String decoder) {
    return names.isEmpty() ? fallback : indexByName(names, fragment, decoder);
  }

  /**
   * The position of the one output with exactly {@code length} values.
   *
   * @throws IllegalArgumentException when no output or more than one has that size
   */
  public static int indexByLength(List<float[]> outputs, int length, String what) {
    int found = -1;
    for (int i = 0; i < outputs.size(); i++) {
      if (outputs.get(i).length == length) {
        if (found >= 0) {
          throw new IllegalArgumentException("two outputs have " + length + " values; cannot tell which is " + what);
        }
        found = i;
      }
    }
    if (found < 0) {
      throw new IllegalArgumentException("no output has " + length + " values (" + what + ")");
    }
    return found;
  }

  /** The one output with exactly {@code length} values ({@link #indexByLength}). */
  public static float[] byLength(List<float[]> outputs, int length, String what) {
    return outputs.get(indexByLength(outputs, length, what));
  }

  /** Logistic function: logit → probability. */
  public static float sigmoid(float logit) {
    return (float) sigmoid((double) logit);
  }

  /** Logistic function in double precision. */
  public static double sigmoid(double logit) {
    return 1 / (1 + Math.exp(-logit));
  }
}
