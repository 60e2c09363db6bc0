package ai.posespark.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.posespark.model.tfjs.TfjsModelException;
import ai.posespark.model.tfjs.exec.ExecutionPlan;
import ai.posespark.model.tfjs.exec.GraphExecutor;
import ai.posespark.model.tfjs.graph.NodeDef;
import ai.posespark.model.tfjs.graph.TensorRef;
import ai.posespark.model.tfjs.ops.OpRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A TF.js graph prepared for training: the interpreter's own kernels, with the chosen weights fed at every run
 * instead of folded in at load, so that DJL's autograd (PyTorch's) records them.
 *
 * <p>The graph is cut at {@code input} (that tensor becomes the one data placeholder, e.g. MoveNet's normalised
 * image, past the batch-1 pre-processing) and runs up to {@code outputs} (the heads). Every weight named in
 * {@code fed} becomes a placeholder as well: a fed filter takes the interpreter's run-time convolution path (DJL's
 * convolution, filter reordered per run, no oneDNN packing, which autograd cannot see through), so feed every
 * filter that gradients must cross, trainable or frozen; weights upstream of everything trained may stay constant.
 */
public final class TrainableGraph implements AutoCloseable {
  private final List<String> fed;
  private final GraphExecutor executor;
  private final NDManager constants;

  private TrainableGraph(List<String> fed, GraphExecutor executor, NDManager constants) {
    this.fed = fed;
    this.executor = executor;
    this.constants = constants;
  }

  /**
   * Compiles the training graph.
   *
   * @param model model name, for messages
   * @param nodes model.json's nodes
   * @param weights every weight by name (those not fed are copied in as constants)
   * @param input the tensor to feed data at (its producer is replaced by a placeholder)
   * @param outputs the tensors a run returns, in order
   * @param fed the weights fed per run, in {@link #run} order
   */
  public static TrainableGraph build(String model, List<NodeDef> nodes, Map<String, NDArray> weights,
      String input, List<TensorRef> outputs, List<String> fed, Device device) throws TfjsModelException {
    Set<String> feed = new HashSet<>(fed);
    if (nodes.stream().noneMatch(n -> n.name().equals(input))) {
      throw new TfjsModelException(model + ": no node '" + input + "' to feed training data at");
    }
    List<NodeDef> cut = new ArrayList<>(nodes.size());
    for (NodeDef n : nodes) {
      boolean placeholder = n.name().equals(input) || feed.contains(n.name()) && n.op().equals("Const");
      cut.add(placeholder ? new NodeDef(n.name(), "Placeholder", List.of(), Map.of()) : n);
    }
    List<String> inputs = new ArrayList<>();
    inputs.add(input);
    inputs.addAll(fed);
    NDManager constants = NDManager.newBaseManager(device, "PyTorch");
    try {
      ExecutionPlan plan = ExecutionPlan.build(model, cut, weights, inputs, outputs, constants,
          OpRegistry.standard());
      return new TrainableGraph(List.copyOf(fed), new GraphExecutor(plan, device), constants);
    } catch (TfjsModelException | RuntimeException e) {
      constants.close();
      throw e;
    }
  }

  /** The fed weights' names, in run order. */
  public List<String> fed() {
    return fed;
  }

  /**
   * Runs the graph on a batch.
   *
   * @param scope results are attached here
   * @param input the data tensor, batch first
   * @param params one array per {@link #fed()} weight, in TF layout (as in the weights manifest)
   */
  public NDList run(NDManager scope, NDArray input, List<NDArray> params) {
    if (params.size() != fed.size()) {
      throw new IllegalArgumentException("expects " + fed.size() + " fed weights, got " + params.size());
    }
    NDList in = new NDList(params.size() + 1);
    in.add(input);
    in.addAll(params);
    return executor.run(scope, in, Collections.nCopies(in.size(), null));
  }

  @Override
  public void close() {
    constants.close();
  }

  @Override
  public String toString() {
    return "TrainableGraph" + Arrays.toString(fed.toArray());
  }
}
