package ai.posespark.model.tfjs.exec;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.posespark.Registry;
import ai.posespark.model.tfjs.TfjsModelException;
import ai.posespark.model.tfjs.graph.AttrValue;
import ai.posespark.model.tfjs.graph.NodeDef;
import ai.posespark.model.tfjs.graph.TensorRef;
import ai.posespark.model.tfjs.graph.TopologicalOrder;
import ai.posespark.model.tfjs.ops.Kernel;
import ai.posespark.model.tfjs.ops.KernelFactory;
import ai.posespark.model.tfjs.ops.NodeContext;
import ai.posespark.model.tfjs.ops.RunContext;
import ai.posespark.model.tfjs.ops.Tensors;
import ai.posespark.model.tfjs.ops.Value;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A graph compiled for execution: every node validated (unknown op or attribute fails here), nodes whose inputs
 * are all constants evaluated once (constant folding), the rest ordered into {@link Step}s over numbered value
 * slots, with each slot's last reader known so that its value can be freed as soon as possible.
 */
public final class ExecutionPlan {
  final String model;
  final List<Step> steps;
  final Value[] constantSlots; // pinned constants by slot; null for computed slots
  final int[] inputSlots;
  final int[] outputSlots;

  private ExecutionPlan(String model, List<Step> steps, Value[] constantSlots, int[] inputSlots,
      int[] outputSlots) {
    this.model = model;
    this.steps = steps;
    this.constantSlots = constantSlots;
    this.inputSlots = inputSlots;
    this.outputSlots = outputSlots;
  }

  /** Number of steps executed per run (after folding). */
  public int stepCount() {
    return steps.size();
  }

  /**
   * Compiles a graph.
   *
   * @param model model name, for messages
   * @param nodes all nodes of model.json
   * @param weights Const values by node name
   * @param inputs placeholder names, in run-input order
   * @param outputs tensors to return, in order
   * @param manager the model's manager: constants and folded values live here
   */
  public static ExecutionPlan build(String model, List<NodeDef> nodes, Map<String, NDArray> weights,
      List<String> inputs, List<TensorRef> outputs, NDManager manager, Registry<KernelFactory> registry)
      throws TfjsModelException {
    Map<String, NodeDef> byName = new HashMap<>();
    nodes.forEach(n -> byName.put(n.name(), n));
    List<TensorRef> everything = new ArrayList<>();
    nodes.forEach(n -> everything.add(new TensorRef(n.name(), 0)));
    List<NodeDef> reachable;
    List<NodeDef> all;
    try {
      reachable = TopologicalOrder.of(nodes, outputs);
      all = TopologicalOrder.of(nodes, everything);
    } catch (IllegalArgumentException e) {
      throw new TfjsModelException(model + ": " + e.getMessage(), e);
    }
    Set<String> needed = new HashSet<>();
    reachable.forEach(n -> needed.add(n.name()));

    Map<TensorRef, Value> constants = new HashMap<>();
    Map<String, Kernel> kernels = new HashMap<>();
    for (NodeDef node : all) {
      KernelFactory factory = registry.get(node.op());
      if (factory == null) {
        throw new TfjsModelException(model + ": node '" + node.name() + "' (" + node.op()
            + "): unsupported op " + node.op());
      }
      Value[] constantInputs = new Value[node.inputs().size()];
      boolean allConstant = !node.inputs().isEmpty();
      for (int k = 0; k < constantInputs.length; k++) {
        constantInputs[k] = constants.get(node.inputs().get(k));
        allConstant &= constantInputs[k] != null;
      }
      NodeContext context = new NodeContext(model, node, constantInputs, manager);
      Kernel kernel = create(factory, context);
      List<String> unread = context.unreadAttributes();
      if (!unread.isEmpty()) {
        String attr = unread.get(0);
        throw context.error("unsupported attribute %s = %s", attr, node.attrs().get(attr));
      }
      if (node.op().equals("Const")) {
        NDArray w = weights.get(node.name());
        if (w == null) {
          throw context.error("no weight named '%s' in the weights manifest", node.name());
        }
        checkDeclared(node, w, context);
        constants.put(new TensorRef(node.name(), 0), Value.pinned(w, manager));
      } else if (node.op().equals("Placeholder")) {
        continue; // fed by the caller
      } else if (allConstant && needed.contains(node.name())) {
        fold(node, kernel, constantInputs, manager, constants, context);
      } else {
        kernels.put(node.name(), kernel);
      }
    }
    return schedule(model, reachable, kernels, constants, byName, inputs, outputs);
  }

  /**
   * A Const's weight must have the shape and kind of type (float, integer, boolean) its node declares: a mismatch
   * would fail deep in a run, or compute garbage.
   */
  private static void checkDeclared(NodeDef node, NDArray weight, NodeContext context) throws TfjsModelException {
    AttrValue value = node.attrs().get("value");
    JsonNode shape = value == null ? null : value.json().path("tensor").path("tensorShape");
    if (shape != null && !shape.isMissingNode() && !shape.path("unknownRank").asBoolean(false)) {
      long[] declared = new long[shape.path("dim").size()];
      for (int k = 0; k < declared.length; k++) {
        declared[k] = shape.path("dim").get(k).path("size").asLong();
      }
      if (!Arrays.equals(declared, weight.getShape().getShape())) {
        throw context.error("shape mismatch: the node declares %s, the weights manifest gives %s",
            Arrays.toString(declared), weight.getShape());
      }
    }
    AttrValue dtype = node.attrs().get("dtype");
    if (dtype != null && dtype.json().has("type")) {
      DataType declared;
      try {
        declared = dtype.type();
      } catch (IllegalArgumentException e) {
        throw context.error("dtype: %s", e.getMessage());
      }
      // TF.js stores int64 as int32 and float64 as float32: only the kind must agree
      if (declared.isFloating() != weight.getDataType().isFloating()
          || declared.isBoolean() != weight.getDataType().isBoolean()) {
        throw context.error("dtype mismatch: the node declares %s, the weights manifest gives %s", declared,
            weight.getDataType());
      }
    }
  }

  private static Kernel create(KernelFactory factory, NodeContext context) throws TfjsModelException {
    try {
      return factory.create(context);
    } catch (TfjsModelException e) {
      throw e;
    } catch (RuntimeException e) {
      throw context.error("%s", e.getMessage());
    }
  }

  /** Evaluates a node whose inputs are all constants, within {@link FoldBound}; its outputs become constants. */
  private static void fold(NodeDef node, Kernel kernel, Value[] inputs, NDManager manager,
      Map<TensorRef, Value> constants, NodeContext context) throws TfjsModelException {
    try (NDManager scratch = manager.newSubManager()) {
      FoldBound.before(node, inputs, context);
      Value[] out = kernel.run(new RunContext(scratch), inputs);
      for (int k = 0; k < out.length; k++) {
        NDArray logical = out[k].nhwc();
        FoldBound.after(logical, context);
        NDArray kept = Tensors.contiguous(logical, manager);
        constants.put(new TensorRef(node.name(), k), Value.pinned(kept, manager));
      }
    } catch (RuntimeException e) {
      throw context.error("constant folding failed: %s", e.getMessage());
    }
  }

  private static ExecutionPlan schedule(String model, List<NodeDef> order, Map<String, Kernel> kernels,
      Map<TensorRef, Value> constants, Map<String, NodeDef> byName, List<String> inputs,
      List<TensorRef> outputs) throws TfjsModelException {
    Map<TensorRef, Integer> slotOf = new HashMap<>();
    List<Value> slotConstants = new ArrayList<>();
    java.util.function.Function<TensorRef, Integer> slot = ref -> slotOf.computeIfAbsent(ref, r -> {
      slotConstants.add(constants.get(r));
      return slotConstants.size() - 1;
    });
    int[] inputSlots = new int[inputs.size()];
    for (int k = 0; k < inputSlots.length; k++) {
      NodeDef placeholder = byName.get(inputs.get(k));
      if (placeholder == null || !placeholder.op().equals("Placeholder")) {
        throw new TfjsModelException(model + ": input '" + inputs.get(k) + "' is not a Placeholder");
      }
      inputSlots[k] = slot.apply(new TensorRef(inputs.get(k), 0));
    }
    int[] outputSlots = outputs.stream().mapToInt(slot::apply).toArray();

    // slots every computed node reads or provides
    List<NodeDef> computed = new ArrayList<>();
    Map<String, Integer> outputsUsed = new HashMap<>();
    for (NodeDef node : order) {
      if (kernels.containsKey(node.name())) {
        computed.add(node);
      } else if (node.op().equals("Placeholder") && !inputs.contains(node.name())) {
        throw new TfjsModelException(model + ": placeholder '" + node.name() + "' is not fed");
      }
      for (TensorRef in : node.inputs()) {
        slot.apply(in);
        outputsUsed.merge(in.node(), in.index() + 1, Math::max);
      }
    }
    outputs.forEach(o -> outputsUsed.merge(o.node(), o.index() + 1, Math::max));

    Map<Integer, Integer> lastReader = new HashMap<>();
    for (int s = 0; s < computed.size(); s++) {
      for (TensorRef in : computed.get(s).inputs()) {
        lastReader.put(slotOf.get(in), s);
      }
    }
    Set<Integer> kept = new HashSet<>();
    for (int s : outputSlots) {
      kept.add(s);
    }
    for (int s : inputSlots) {
      kept.add(s);
    }
    List<List<Integer>> releases = new ArrayList<>();
    computed.forEach(n -> releases.add(new ArrayList<>()));
    lastReader.forEach((s, step) -> {
      if (!kept.contains(s) && slotConstants.get(s) == null) {
        releases.get(step).add(s);
      }
    });
    List<Step> steps = new ArrayList<>();
    for (int s = 0; s < computed.size(); s++) {
      NodeDef node = computed.get(s);
      int[] in = node.inputs().stream().mapToInt(slotOf::get).toArray();
      int[] out = new int[outputsUsed.getOrDefault(node.name(), 0)];
      for (int k = 0; k < out.length; k++) {
        Integer o = slotOf.get(new TensorRef(node.name(), k));
        out[k] = o == null ? -1 : o;
      }
      steps.add(new Step(node, kernels.get(node.name()), in,
          out, releases.get(s).stream().mapToInt(Integer::intValue).toArray()));
    }
    return new ExecutionPlan(model, steps, slotConstants.toArray(new Value[0]), inputSlots, outputSlots);
  }
}
