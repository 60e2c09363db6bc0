package ai.posespark.detect;

import java.util.List;

/** Finds a detector output by what it is: graphs differ in output order, and some name outputs meaninglessly. */
final class DetectorOutputs {
  private DetectorOutputs() {}

  /**
   * The position of the one output whose name contains {@code fragment}, or {@code fallback} (the npm graph's
   * position) when the model names no outputs.
   *
   * @throws IllegalArgumentException when no output or more than one matches
   */
  static int indexByName(List<String> names, String fragment, int fallback, String decoder) {
    if (names.isEmpty()) {
      return fallback;
    }
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

  /**
   * The one output with exactly {@code length} values, for graphs whose output names ({@code Identity_2}) say
   * nothing.
   *
   * @throws IllegalArgumentException when no output or more than one has that size
   */
  static float[] byLength(List<float[]> outputs, int length, String what) {
    float[] found = null;
    for (float[] o : outputs) {
      if (o.length == length) {
        if (found != null) {
          throw new IllegalArgumentException("two outputs have " + length + " values; cannot tell which is " + what);
        }
        found = o;
      }
    }
    if (found == null) {
      throw new IllegalArgumentException("no output has " + length + " values (" + what + ")");
    }
    return found;
  }

  /** Logistic function: logit → probability. */
  static double sigmoid(double logit) {
    return 1 / (1 + Math.exp(-logit));
  }
}
