package ai.posespark.model;

import java.util.List;

/**
 * Finds a head's output by a fragment of its name where the export names it so (ONNX graphs from MMDeploy and
 * rtmlib do: {@code simcc_x}, {@code rtmdet_head.0.1}), and by its documented position otherwise (TorchScript has
 * no names; other exporters name outputs {@code output}, {@code 1234}).
 */
public final class NamedOutputs {
  private NamedOutputs() {}

  /**
   * The position of the one output whose name contains {@code fragment}; {@code position} when none does.
   *
   * @throws IllegalArgumentException when two outputs match, or nothing matches and the model has too few outputs
   */
  public static int find(List<String> names, String fragment, int position, int outputCount, String decoder) {
    int found = -1;
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).contains(fragment)) {
        if (found >= 0) {
          throw new IllegalArgumentException(decoder + ": outputs " + names.get(found) + " and " + names.get(i)
              + " both match '" + fragment + "'");
        }
        found = i;
      }
    }
    if (found < 0) {
      found = position;
    }
    if (found >= outputCount) {
      throw new IllegalArgumentException(decoder + ": the model has " + outputCount + " outputs " + names
          + "; expected one named like '" + fragment + "' or at position " + position);
    }
    return found;
  }
}
