package ai.posespark.model.tfjs.graph;

/**
 * A reference to one output of a node, as written in a graph's input lists and signatures:
 * {@code "node"} is output 0, {@code "node:2"} output 2.
 *
 * @param node the producing node's name
 * @param index the output index
 */
public record TensorRef(String node, int index) {
  /** Parses {@code "node"}, {@code "node:i"}; a trailing {@code ":i"} is only an index when all digits. */
  public static TensorRef parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon > 0 && colon < text.length() - 1 && text.substring(colon + 1).chars().allMatch(Character::isDigit)) {
      return new TensorRef(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
    }
    return new TensorRef(text, 0);
  }

  @Override
  public String toString() {
    return index == 0 ? node : node + ":" + index;
  }
}
