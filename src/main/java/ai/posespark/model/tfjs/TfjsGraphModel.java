package ai.posespark.model.tfjs;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.posespark.model.tfjs.exec.ExecutionPlan;
import ai.posespark.model.tfjs.exec.GraphExecutor;
import ai.posespark.model.tfjs.exec.RunProfile;
import ai.posespark.model.tfjs.graph.ModelDefinition;
import ai.posespark.model.tfjs.graph.NodeDef;
import ai.posespark.model.tfjs.graph.TensorInfo;
import ai.posespark.model.tfjs.graph.TensorRef;
import ai.posespark.model.tfjs.graph.WeightLoader;
import ai.posespark.model.tfjs.graph.WeightSpec;
import ai.posespark.model.tfjs.ops.OpRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A TensorFlow.js graph model (model.json + weight shards) executed with DJL on the PyTorch engine.
 *
 * <p>Loading parses the graph, reads and dequantizes the weights once, validates every node against the
 * {@link OpRegistry} (an unknown op or attribute fails here, naming model, node and op), reorders convolution
 * filters for PyTorch and folds constant sub-graphs. {@link #run} then executes the remaining nodes as NDArray
 * operations on the model's device, keeping convolution chains in NCHW.
 *
 * <pre>{@code
 * try (TfjsGraphModel model = TfjsGraphModel.load(dir.resolve("movenet-lightning.json"), Device.cpu());
 *      NDManager scope = NDManager.newBaseManager()) {
 *     NDArray keypoints = model.run(scope, new NDList(image)).get(0); // [1, 1, 17, 3]
 * }
 * }</pre>
 */
public final class TfjsGraphModel implements AutoCloseable {
  private final String name;
  private final List<TensorSpec> inputs;
  private final List<TensorSpec> outputs;
  private final Map<String, Integer> opInventory;
  private final long parameterCount;
  private final NDManager manager;
  private final GraphExecutor executor;
  private final List<DataType> inputTypes;

  private TfjsGraphModel(String name, List<TensorSpec> inputs, List<TensorSpec> outputs,
      Map<String, Integer> opInventory, long parameterCount, NDManager manager, GraphExecutor executor) {
    this.name = name;
    this.inputs = inputs;
    this.outputs = outputs;
    this.opInventory = opInventory;
    this.parameterCount = parameterCount;
    this.manager = manager;
    this.executor = executor;
    this.inputTypes = inputs.stream().map(TensorSpec::dataType).toList();
  }

  /**
   * Loads model.json and the weight shards listed in its manifest (next to it), dequantized once; validates
   * every op and attribute; optimises the graph for {@code device}.
   *
   * @throws TfjsModelException for an op, attribute or weight the interpreter cannot honour (message names
   *     model, node, op and the offending value)
   * @throws IOException when the files cannot be read
   */
  public static TfjsGraphModel load(Path modelJson, Device device) throws IOException {
    ModelDefinition def = ModelDefinition.parse(modelJson);
    NDManager manager = NDManager.newBaseManager(device, "PyTorch");
    try {
      Path folder = modelJson.toAbsolutePath().getParent();
      Map<String, NDArray> weights = WeightLoader.load(def, folder, manager);
      List<TensorSpec> inputs = inputSpecs(def);
      List<TensorSpec> outputs = new ArrayList<>();
      List<TensorRef> outputRefs = outputRefs(def, outputs);
      ExecutionPlan plan = ExecutionPlan.build(def.name(), def.nodes(), weights,
          inputs.stream().map(TensorSpec::name).toList(), outputRefs, manager, OpRegistry.standard());
      return new TfjsGraphModel(def.name(), List.copyOf(inputs), List.copyOf(outputs), inventory(def),
          parameterCount(def), manager, new GraphExecutor(plan, device));
    } catch (IOException | RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /** The model name: model.json's file stem, e.g. {@code movenet-lightning}. */
  public String name() {
    return name;
  }

  /** Inputs in {@link #run} order: placeholder name, signature key, declared shape (-1 unknown), type. */
  public List<TensorSpec> inputs() {
    return inputs;
  }

  /** Outputs in signature order (= TF.js {@code GraphModel.outputs}), which is the order {@link #run} returns. */
  public List<TensorSpec> outputs() {
    return outputs;
  }

  /**
   * Runs the graph.
   *
   * @param scope the caller's manager: results are attached to it; intermediates live in a sub-manager that is
   *     closed before returning
   * @param inputs one array per {@link #inputs()} entry, in order, in TF layout (NHWC images); moved to the
   *     model's device and cast to the declared type when they differ
   * @return one array per {@link #outputs()} entry, in order, in TF layout
   */
  public NDList run(NDManager scope, NDList inputs) {
    return executor.run(scope, inputs, inputTypes);
  }

  /**
   * Runs a batch as if each item ran alone and concatenates the results along axis 0: for graphs whose batch
   * size is pinned to 1 by the graph itself (MoveNet: {@code Unpack num=1}, {@code GatherNd} on batch index 0;
   * CenterNet and NanoDet: constant reshape shapes). The part of the graph that acts per item (MoveNet: the
   * backbone and heads) still runs once on the whole batch; the rest runs item by item. Every input is split
   * along axis 0; outputs as in {@link #run}.
   */
  public NDList runSplitBatch(NDManager scope, NDList inputs) {
    return executor.runBatch(scope, inputs, inputTypes);
  }

  /** Steps executed per run, and how many of them {@link #runSplitBatch} ran batched (-1: not yet run). */
  public String batchSplitSummary() {
    return executor.batchedStepCount() + " of " + executor.stepCount() + " steps batched";
  }

  /** {@link #batchSplitSummary()}'s fraction; -1 before the first split batch. */
  public double batchedStepShare() {
    int batched = executor.batchedStepCount();
    return batched < 0 ? -1 : batched / (double) executor.stepCount();
  }

  /**
   * Runs like {@link #run} and adds each op's wall time in milliseconds (summed over its nodes) to
   * {@code opMillis}: a profiling aid, meaningful on the CPU where kernels run synchronously.
   */
  public NDList profile(NDManager scope, NDList inputs, Map<String, Double> opMillis) {
    return executor.run(scope, inputs, inputTypes, opMillis);
  }

  /** Runs like {@link #run} and adds where the time went, step by step, to {@code profile}. */
  public NDList profile(NDManager scope, NDList inputs, RunProfile profile) {
    return executor.run(scope, inputs, inputTypes, profile);
  }

  /**
   * Multiply-adds of the convolutions and matrix products in one run on {@code inputs} (ops actually executed, with
   * their real shapes): a batch-1 input gives the model's work per image.
   */
  public long multiplyAdds(NDManager scope, NDList inputs) {
    return executor.multiplyAdds(scope, inputs, inputTypes);
  }

  /** Op name to node count, as in model.json before any optimisation. */
  public Map<String, Integer> opInventory() {
    return opInventory;
  }

  /** Number of floating-point weight values in the weights manifest. */
  public long parameterCount() {
    return parameterCount;
  }

  /** Frees the weights. */
  @Override
  public void close() {
    manager.close();
  }

  private static List<TensorSpec> inputSpecs(ModelDefinition def) throws TfjsModelException {
    List<NodeDef> placeholders = def.nodes().stream().filter(n -> n.op().equals("Placeholder")).toList();
    List<TensorSpec> specs = new ArrayList<>();
    for (NodeDef p : placeholders) {
      TensorInfo signature = def.signatureInputs().stream()
          .filter(t -> t.tensor().node().equals(p.name())).findFirst().orElse(null);
      long[] shape = p.attrs().containsKey("shape") ? p.attrs().get("shape").shape() : null;
      if (shape == null) {
        shape = signature != null && signature.shape() != null ? signature.shape() : new long[0];
      }
      DataType type;
      try {
        type = p.attrs().containsKey("dtype") ? p.attrs().get("dtype").type()
            : signature != null ? signature.dataType() : null;
      } catch (IllegalArgumentException e) {
        throw new TfjsModelException(def.name() + ": node '" + p.name() + "' (Placeholder): "
            + e.getMessage(), e);
      }
      specs.add(new TensorSpec(p.name(), signature != null ? signature.key() : p.name(), shape, type));
    }
    // signature order first (what TF.js shows as GraphModel.inputs), then unlisted placeholders
    List<TensorSpec> ordered = new ArrayList<>();
    for (TensorInfo t : def.signatureInputs()) {
      specs.stream().filter(s -> s.name().equals(t.tensor().node())).findFirst().ifPresent(ordered::add);
    }
    specs.stream().filter(s -> !ordered.contains(s)).forEach(ordered::add);
    return ordered;
  }

  private static List<TensorRef> outputRefs(ModelDefinition def, List<TensorSpec> specs) {
    List<TensorRef> refs = new ArrayList<>();
    if (!def.signatureOutputs().isEmpty()) {
      for (TensorInfo t : def.signatureOutputs()) {
        refs.add(t.tensor());
        specs.add(new TensorSpec(t.tensor().toString(), t.key(), t.shape() == null ? new long[0] : t.shape(),
            t.dataType()));
      }
      return refs;
    }
    // no signature: the graph's sinks, in file order
    Set<String> consumed = new HashSet<>();
    def.nodes().forEach(n -> n.inputs().forEach(i -> consumed.add(i.node())));
    for (NodeDef n : def.nodes()) {
      if (!consumed.contains(n.name()) && !n.op().equals("Const") && !n.op().equals("Placeholder")) {
        TensorRef ref = new TensorRef(n.name(), 0);
        refs.add(ref);
        specs.add(new TensorSpec(n.name(), n.name(), new long[0], null));
      }
    }
    return refs;
  }

  private static Map<String, Integer> inventory(ModelDefinition def) {
    Map<String, Integer> counts = new TreeMap<>();
    def.nodes().forEach(n -> counts.merge(n.op(), 1, Integer::sum));
    return Collections.unmodifiableMap(counts);
  }

  private static long parameterCount(ModelDefinition def) {
    long total = 0;
    for (ModelDefinition.WeightGroup g : def.weightGroups()) {
      for (WeightSpec w : g.weights()) {
        if (w.dtype().startsWith("float")) {
          total += w.size();
        }
      }
    }
    return total;
  }
}
