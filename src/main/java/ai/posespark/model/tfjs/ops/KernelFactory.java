package ai.posespark.model.tfjs.ops;

import ai.posespark.model.tfjs.TfjsModelException;

/** The load-time half of an op: validates a node's attributes and inputs, and builds its {@link Kernel}. */
@FunctionalInterface
public interface KernelFactory {
  /**
   * Builds the kernel for one node.
   *
   * @throws TfjsModelException (via {@link NodeContext#error}) for an attribute value or input the kernel
   *     cannot honour
   */
  Kernel create(NodeContext node) throws TfjsModelException;
}
