package ai.posespark.model.tfjs.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Orders the nodes needed for a set of outputs so that every node comes after the nodes it reads. */
public final class TopologicalOrder {
  private TopologicalOrder() {}

  /**
   * Returns the nodes that {@code outputs} depend on, producers first (depth-first post-order, iterative so
   * deep graphs cannot overflow the stack).
   *
   * @throws IllegalArgumentException naming the node for a missing input or a cycle
   */
  public static List<NodeDef> of(List<NodeDef> nodes, List<TensorRef> outputs) {
    Map<String, NodeDef> byName = new HashMap<>();
    nodes.forEach(n -> byName.put(n.name(), n));
    List<NodeDef> order = new ArrayList<>();
    Set<String> done = new HashSet<>();
    Set<String> onPath = new HashSet<>();
    for (TensorRef out : outputs) {
      Deque<NodeDef> stack = new ArrayDeque<>();
      Deque<Integer> next = new ArrayDeque<>();
      push(require(byName, out.node(), "output"), stack, next, onPath, done);
      while (!stack.isEmpty()) {
        NodeDef node = stack.peek();
        int k = next.pop();
        if (k < node.inputs().size()) {
          next.push(k + 1);
          NodeDef input = require(byName, node.inputs().get(k).node(), node.name());
          if (onPath.contains(input.name())) {
            throw new IllegalArgumentException("node '" + node.name() + "' (" + node.op()
                + "): cycle through '" + input.name() + "'");
          }
          push(input, stack, next, onPath, done);
        } else {
          stack.pop();
          onPath.remove(node.name());
          done.add(node.name());
          order.add(node);
        }
      }
    }
    return order;
  }

  private static void push(NodeDef node, Deque<NodeDef> stack, Deque<Integer> next, Set<String> onPath,
      Set<String> done) {
    if (done.contains(node.name())) {
      return;
    }
    stack.push(node);
    next.push(0);
    onPath.add(node.name());
  }

  private static NodeDef require(Map<String, NodeDef> byName, String name, String consumer) {
    NodeDef node = byName.get(name);
    if (node == null) {
      throw new IllegalArgumentException("node '" + consumer + "' reads missing node '" + name + "'");
    }
    return node;
  }
}
