package ai.posespark.model.tfjs.ops;

/**
 * The run-time half of an op: computes a node's outputs from its inputs. Created once per node at load by a
 * {@link KernelFactory}, which has already checked the attributes and prepared constant inputs; called
 * concurrently by several threads, so a kernel keeps no per-run state.
 *
 * <p>A kernel returns new values or one of its input values unchanged (Identity); it never closes its inputs.
 */
@FunctionalInterface
public interface Kernel {
  /**
   * Computes the outputs.
   *
   * @param ctx the run (manager for new arrays)
   * @param inputs the node's data inputs in order
   * @return the node's outputs in order
   */
  Value[] run(RunContext ctx, Value[] inputs);
}
