package ai.posespark.pose;

import java.util.List;

/** Finds a model output by what it is, since the signature order of outputs differs between graph files. */
final class ModelOutputs {
  private ModelOutputs() {}

  /**
   * The position of the one output whose name contains {@code fragment}.
   *
   * @throws IllegalArgumentException when no output or more than one matches
   */
  static int indexByName(List<String> names, String fragment, String decoder) {
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
   * The position of the one output with exactly {@code length} values, for graphs whose outputs are told apart
   * by size (their names, {@code Identity_2} etc., say nothing).
   *
   * @throws IllegalArgumentException when no output or more than one has that size
   */
  static int indexByLength(List<float[]> outputs, int length, String what) {
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

  /** Logistic function: logit → probability. */
  static float sigmoid(float logit) {
    return (float) (1 / (1 + Math.exp(-logit)));
  }
}
