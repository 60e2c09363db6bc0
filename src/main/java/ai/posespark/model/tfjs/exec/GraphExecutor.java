package ai.posespark.model.tfjs.exec;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.posespark.model.tfjs.ops.RunContext;
import ai.posespark.model.tfjs.ops.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs an {@link ExecutionPlan}: one sub-manager per run, every intermediate freed right after its last reader,
 * outputs returned in logical (TF) layout attached to the caller's scope. No per-run state (the batch split is
 * worked out once), so one executor serves
 * concurrent runs.
 */
public final class GraphExecutor {
  /** {@code -Dposespark.profile.nodes=true}: profiles key their times by node (op, output shape, name). */
  private static final boolean PROFILE_NODES = Boolean.getBoolean("posespark.profile.nodes");

  private final ExecutionPlan plan;
  private final Device device;
  private volatile BatchSplit split;
  private static final int[] NO_RELEASES = {};

  /** An executor for {@code plan} on {@code device}. */
  public GraphExecutor(ExecutionPlan plan, Device device) {
    this.plan = plan;
    this.device = device;
  }

  /**
   * Runs the graph.
   *
   * @param scope the caller's manager; outputs are attached to it
   * @param inputs one array per plan input, moved to the model's device and cast to {@code inputTypes} if needed
   * @param inputTypes declared type per input ({@code null} entries: take as given)
   */
  public NDList run(NDManager scope, NDList inputs, List<DataType> inputTypes) {
    return run(scope, inputs, inputTypes, (RunProfile) null, null, null);
  }

  /**
   * Runs the graph and adds each op's wall time (ms, summed over its nodes) to {@code opMillis} when not null.
   * Timings are only meaningful on the CPU, where kernels run synchronously.
   */
  public NDList run(NDManager scope, NDList inputs, List<DataType> inputTypes, Map<String, Double> opMillis) {
    if (opMillis == null) {
      return run(scope, inputs, inputTypes);
    }
    RunProfile profile = new RunProfile(PROFILE_NODES ? RunProfile.Key.NODE : RunProfile.Key.OP);
    NDList out = run(scope, inputs, inputTypes, profile, null, null);
    profile.entries().forEach((k, e) -> opMillis.merge(k, (e.kernelNanos() + e.aroundNanos()) / 1e6, Double::sum));
    return out;
  }

  /** Runs the graph and adds where its time went to {@code profile} ({@link RunProfile}). */
  public NDList run(NDManager scope, NDList inputs, List<DataType> inputTypes, RunProfile profile) {
    return run(scope, inputs, inputTypes, profile, null, null);
  }

  /** The multiply-adds of convolutions and matrix products in one run on {@code inputs} ({@link MultiplyAdds}). */
  public long multiplyAdds(NDManager scope, NDList inputs, List<DataType> inputTypes) {
    long[] macs = new long[1];
    run(scope, inputs, inputTypes, null, null, macs).close();
    return macs[0];
  }

  /**
   * As {@link #run(NDManager, NDList, List, RunProfile)}; records every slot's rank in {@code ranks} and adds the
   * multiply-adds to {@code macs[0]}, each when not null.
   */
  private NDList run(NDManager scope, NDList inputs, List<DataType> inputTypes, RunProfile profile,
      int[] ranks, long[] macs) {
    checkInputCount(inputs);
    long runStart = profile == null ? 0 : System.nanoTime();
    NDList handedOut;
    try (NDManager run = scope.newSubManager(device)) {
      RunContext ctx = new RunContext(run);
      Value[] slots = initialSlots(inputs, inputTypes, run);
      for (Step step : plan.steps) {
        long start = profile == null ? 0 : System.nanoTime();
        Shape[] inShapes = macs == null ? null : shapes(step.inputs(), slots);
        long kernelNanos = execute(step, slots, ctx, step.releases(), profile != null);
        if (macs != null) {
          int out = step.outputs().length > 0 ? step.outputs()[0] : -1;
          macs[0] += MultiplyAdds.of(step.node(), inShapes, out >= 0 && slots[out] != null ? slots[out].shape()
              : null);
        }
        if (ranks != null) {
          for (int out : step.outputs()) {
            if (out >= 0) {
              ranks[out] = slots[out].rank();
            }
          }
        }
        if (profile != null) {
          long nanos = System.nanoTime() - start;
          profile.step(profileKey(profile.key(), step, slots), step.node().name(), kernelNanos,
              nanos - kernelNanos);
        }
      }
      NDArray[] logical = new NDArray[plan.outputSlots.length];
      boolean[] pinned = new boolean[logical.length];
      for (int k = 0; k < logical.length; k++) {
        logical[k] = slots[plan.outputSlots[k]].nhwc();
        pinned[k] = slots[plan.outputSlots[k]].isPinned();
      }
      handedOut = handOut(scope, logical, pinned);
    }
    if (profile != null) {
      profile.run(System.nanoTime() - runStart); // closing the run's manager included: it frees what is left
    }
    return handedOut;
  }

  /**
   * Runs a batch of N items, each input split along axis 0, as if each item ran alone, outputs concatenated
   * along axis 0: for graphs that pin their batch size to 1. What acts per item runs once on the whole batch,
   * the rest item by item ({@link BatchSplit}, worked out from one traced batch-1 run the first time).
   */
  public NDList runBatch(NDManager scope, NDList inputs, List<DataType> inputTypes) {
    checkInputCount(inputs);
    long n = inputs.get(0).getShape().get(0);
    if (n == 1) {
      return run(scope, inputs, inputTypes);
    }
    BatchSplit split = batchSplit(scope, inputs, inputTypes);
    try (NDManager run = scope.newSubManager(device)) {
      Value[] slots = initialSlots(inputs, inputTypes, run);
      runBatched(split, slots, new RunContext(run), n);
      List<Value[]> items = new ArrayList<>();
      for (long i = 0; i < n; i++) {
        items.add(runItem(split, slots, run.newSubManager(), i)); // item managers close with run
      }
      NDArray[] logical = new NDArray[plan.outputSlots.length];
      boolean[] pinned = new boolean[logical.length];
      for (int k = 0; k < logical.length; k++) {
        int s = plan.outputSlots[k];
        BatchSplit.Form form = split.forms[s];
        if (form != BatchSplit.Form.MERGED && form != BatchSplit.Form.STACKED) {
          NDList parts = new NDList((int) n); // each item's own, or the same value n times
          items.forEach(item -> parts.add(item[s].nhwc()));
          logical[k] = NDArrays.concat(parts, 0);
        } else {
          logical[k] = unbatch(slots[s], form, n);
          pinned[k] = slots[s].isPinned();
        }
      }
      return handOut(scope, logical, pinned);
    }
  }

  /** Steps executed per run. */
  public int stepCount() {
    return plan.stepCount();
  }

  /**
   * How many of the plan's steps {@link #runBatch} runs once for the whole batch; -1 before its first batch of
   * more than one item.
   */
  public int batchedStepCount() {
    BatchSplit s = split;
    return s == null ? -1 : (int) java.util.Arrays.stream(s.modes).filter(m -> m != BatchSplit.Mode.PER_ITEM)
        .count();
  }

  /** The batched phase: every step that acts per item, on the whole batch. */
  private void runBatched(BatchSplit split, Value[] slots, RunContext ctx, long n) {
    for (int i = 0; i < plan.steps.size(); i++) {
      Step step = plan.steps.get(i);
      int in = step.inputs().length > 0 ? step.inputs()[0] : -1;
      int out = step.outputs().length > 0 ? step.outputs()[0] : -1;
      switch (split.modes[i]) {
        case KERNEL -> execute(step, slots, ctx, NO_RELEASES);
        case ALIAS -> {
          slots[in].retain();
          slots[out] = slots[in];
        }
        case RESHAPE -> {
          long[] tail = split.reshapeTails[i];
          long[] shape = new long[tail.length + 1];
          shape[0] = n;
          System.arraycopy(tail, 0, shape, 1, tail.length);
          slots[out] = owned(slots[in].nhwc().reshape(shape), ctx);
        }
        case SHAPE -> {
          boolean merged = split.forms[in] == BatchSplit.Form.MERGED;
          execute(step, slots, ctx, NO_RELEASES);
          Value whole = slots[out];
          NDArray dims = whole.nhwc();
          NDArray itemDims = merged ? dims.duplicate() : dims.get("1:"); // [N, ...] → [1, ...] or [...]
          if (merged) {
            itemDims.set(new NDIndex(0), 1);
          }
          slots[out] = owned(itemDims, ctx);
          whole.release();
        }
        case PER_ITEM -> { }
      }
      release(slots, split.batchedReleases[i]);
    }
  }

  /** An array computed in the run, as a value the run's slots hold. */
  private static Value owned(NDArray array, RunContext ctx) {
    Value v = Value.of(array);
    v.adopt(ctx.manager());
    v.retain();
    return v;
  }

  /** One item's pass over the per-item steps, reading its slice of the batched values; returns its slots. */
  private Value[] runItem(BatchSplit split, Value[] batched, NDManager item, long i) {
    Value[] slots = batched.clone();
    for (int s : split.slicedSlots) {
      if (split.forms[s] == BatchSplit.Form.UNIFORM) {
        continue; // the same for every item
      }
      NDArray all = batched[s].nhwc();
      NDArray slice = split.forms[s] == BatchSplit.Form.MERGED ? all.get(i + ":" + (i + 1)) : all.get(i);
      slice.attach(item);
      slots[s] = Value.pinned(slice, item);
    }
    RunContext ctx = new RunContext(item);
    for (int k = 0; k < plan.steps.size(); k++) {
      if (split.modes[k] == BatchSplit.Mode.PER_ITEM) {
        execute(plan.steps.get(k), slots, ctx, split.itemReleases[k]);
      }
    }
    return slots;
  }

  /** A batched output in the per-item outputs' concatenated shape. */
  private static NDArray unbatch(Value v, BatchSplit.Form form, long n) {
    NDArray logical = v.nhwc();
    Shape s = logical.getShape();
    if (form == BatchSplit.Form.MERGED || s.dimension() < 2) {
      return logical; // MERGED: already [N·1, ...]; STACKED scalars: [N]
    }
    long[] merged = new long[s.dimension() - 1];
    merged[0] = n * s.get(1);
    for (int k = 2; k < s.dimension(); k++) {
      merged[k - 1] = s.get(k);
    }
    return logical.reshape(merged);
  }

  /** The split for this plan, traced with the batch's first item the first time. */
  private BatchSplit batchSplit(NDManager scope, NDList inputs, List<DataType> inputTypes) {
    BatchSplit split = this.split;
    if (split != null) {
      return split;
    }
    synchronized (this) {
      if (this.split == null) {
        int[] ranks = new int[plan.constantSlots.length];
        java.util.Arrays.fill(ranks, -1);
        try (NDManager trace = scope.newSubManager(device)) {
          NDList first = new NDList(inputs.size());
          for (int k = 0; k < inputs.size(); k++) {
            NDArray item = inputs.get(k).get("0:1");
            first.add(item);
            ranks[plan.inputSlots[k]] = item.getShape().dimension();
          }
          for (int s = 0; s < ranks.length; s++) {
            if (plan.constantSlots[s] != null) {
              ranks[s] = plan.constantSlots[s].rank();
            }
          }
          run(trace, first, inputTypes, null, ranks, null);
          first.close();
        }
        this.split = BatchSplit.of(plan, ranks);
      }
      return this.split;
    }
  }

  /** The caller owns what it gets: pinned values and an array returned twice are copied. */
  private static NDList handOut(NDManager scope, NDArray[] logical, boolean[] pinned) {
    NDList outputs = new NDList(logical.length);
    IdentityHashMap<NDArray, Boolean> handedOut = new IdentityHashMap<>();
    for (int k = 0; k < logical.length; k++) {
      NDArray out = pinned[k] || handedOut.containsKey(logical[k]) ? logical[k].duplicate() : logical[k];
      handedOut.put(logical[k], true);
      out.attach(scope);
      outputs.add(out);
    }
    return outputs;
  }

  private void checkInputCount(NDList inputs) {
    if (inputs.size() != plan.inputSlots.length) {
      throw new IllegalArgumentException(plan.model + ": expects " + plan.inputSlots.length + " inputs, got "
          + inputs.size());
    }
  }

  private static Shape[] shapes(int[] slotIndices, Value[] slots) {
    Shape[] shapes = new Shape[slotIndices.length];
    for (int k = 0; k < shapes.length; k++) {
      Value v = slots[slotIndices[k]];
      shapes[k] = v == null ? null : v.shape();
    }
    return shapes;
  }

  private static String profileKey(RunProfile.Key key, Step step, Value[] slots) {
    return switch (key) {
      case OP -> step.node().op();
      case FAMILY -> RunProfile.family(step.node().op());
      case NODE -> nodeKey(step, slots);
    };
  }

  /** {@code op output-shape node-name}, for a per-node profile. */
  private static String nodeKey(Step step, Value[] slots) {
    int[] out = step.outputs();
    Value v = out.length > 0 && out[0] >= 0 ? slots[out[0]] : null;
    return step.node().op() + " " + (v == null ? "" : v.shape() + " ") + step.node().name();
  }

  /** The constants, and the inputs moved to the device and cast as declared: a run's slots before any step. */
  private Value[] initialSlots(NDList inputs, List<DataType> inputTypes, NDManager run) {
    Value[] slots = plan.constantSlots.clone();
    for (int k = 0; k < inputs.size(); k++) {
      slots[plan.inputSlots[k]] = Value.pinned(prepare(inputs.get(k), inputTypes.get(k), run), run);
    }
    return slots;
  }

  private NDArray prepare(NDArray input, DataType type, NDManager run) {
    NDArray x = input;
    if (!x.getDevice().equals(device)) {
      x = x.toDevice(device, true);
      x.attach(run);
    }
    if (type != null && x.getDataType() != type) {
      NDArray cast = x.toType(type, true);
      cast.attach(run);
      x = cast;
    }
    return x;
  }

  private void execute(Step step, Value[] slots, RunContext ctx, int[] releases) {
    execute(step, slots, ctx, releases, false);
  }

  /** Runs one step; returns the nanoseconds inside its kernel call when {@code timed}, else 0. */
  private long execute(Step step, Value[] slots, RunContext ctx, int[] releases, boolean timed) {
    Value[] in = new Value[step.inputs().length];
    for (int k = 0; k < in.length; k++) {
      in[k] = slots[step.inputs()[k]];
    }
    Value[] out;
    long start = timed ? System.nanoTime() : 0;
    long kernelNanos;
    try {
      out = step.kernel().run(ctx, in);
      kernelNanos = timed ? System.nanoTime() - start : 0;
    } catch (RuntimeException e) {
      throw new IllegalStateException(plan.model + ": node '" + step.node().name() + "' (" + step.node().op()
          + "): " + e.getMessage(), e);
    }
    for (int k = 0; k < out.length; k++) {
      out[k] = reuseInput(out[k], in);
      if (k < step.outputs().length && step.outputs()[k] >= 0) {
        out[k].adopt(ctx.manager());
        out[k].retain();
        slots[step.outputs()[k]] = out[k];
      } else if (!isInput(out[k], in)) {
        out[k].close(); // an output nothing reads (e.g. TopKV2 indices)
      }
    }
    release(slots, releases);
    return kernelNanos;
  }

  private static void release(Value[] slots, int[] releases) {
    for (int s : releases) {
      slots[s].release();
      slots[s] = null;
    }
  }

  /** A kernel that returned an input's array (no-op reshape, same-type cast) gets that input's value back. */
  private static Value reuseInput(Value v, Value[] in) {
    for (Value i : in) {
      if (v != i && v.storage() == i.storage() && v.isChannelsFirst() == i.isChannelsFirst()) {
        return i;
      }
    }
    return v;
  }

  private static boolean isInput(Value v, Value[] in) {
    for (Value i : in) {
      if (v == i) {
        return true;
      }
    }
    return false;
  }
}
