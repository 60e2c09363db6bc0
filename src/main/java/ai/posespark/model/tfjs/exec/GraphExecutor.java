package ai.posespark.model.tfjs.exec;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.posespark.model.tfjs.ops.RunContext;
import ai.posespark.model.tfjs.ops.Value;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs an {@link ExecutionPlan}: one sub-manager per run, every intermediate freed right after its last reader,
 * outputs returned in logical (TF) layout attached to the caller's scope. Stateless, so one executor serves
 * concurrent runs.
 */
public final class GraphExecutor {
    /** {@code -Dposespark.profile.nodes=true}: profiles key their times by node (op, output shape, name). */
    private static final boolean PROFILE_NODES = Boolean.getBoolean("posespark.profile.nodes");

    private final ExecutionPlan plan;
    private final Device device;

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
        return run(scope, inputs, inputTypes, null);
    }

    /**
     * Runs the graph and adds each op's wall time (ms, summed over its nodes) to {@code opMillis} when not null.
     * Timings are only meaningful on the CPU, where kernels run synchronously.
     */
    public NDList run(NDManager scope, NDList inputs, List<DataType> inputTypes, Map<String, Double> opMillis) {
        if (inputs.size() != plan.inputSlots.length) {
            throw new IllegalArgumentException(plan.model + ": expects " + plan.inputSlots.length + " inputs, got "
                    + inputs.size());
        }
        try (NDManager run = scope.newSubManager(device)) {
            RunContext ctx = new RunContext(run);
            Value[] slots = plan.constantSlots.clone();
            for (int k = 0; k < inputs.size(); k++) {
                slots[plan.inputSlots[k]] = Value.pinned(prepare(inputs.get(k), inputTypes.get(k), run), run);
            }
            for (Step step : plan.steps) {
                long start = opMillis == null ? 0 : System.nanoTime();
                execute(step, slots, ctx);
                if (opMillis != null) {
                    double ms = (System.nanoTime() - start) / 1e6;
                    opMillis.merge(PROFILE_NODES ? nodeKey(step, slots) : step.node().op(), ms, Double::sum);
                }
            }
            NDList outputs = new NDList(plan.outputSlots.length);
            IdentityHashMap<NDArray, Boolean> handedOut = new IdentityHashMap<>();
            for (int s : plan.outputSlots) {
                Value v = slots[s];
                NDArray logical = v.nhwc();
                // the caller owns what it gets: copy pinned values and an array returned twice
                NDArray out = v.isPinned() || handedOut.containsKey(logical) ? logical.duplicate() : logical;
                handedOut.put(logical, true);
                out.attach(scope);
                outputs.add(out);
            }
            return outputs;
        }
    }

    /** {@code op output-shape node-name}, for a per-node profile. */
    private static String nodeKey(Step step, Value[] slots) {
        int[] out = step.outputs();
        Value v = out.length > 0 && out[0] >= 0 ? slots[out[0]] : null;
        return step.node().op() + " " + (v == null ? "" : v.shape() + " ") + step.node().name();
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

    private void execute(Step step, Value[] slots, RunContext ctx) {
        Value[] in = new Value[step.inputs().length];
        for (int k = 0; k < in.length; k++) {
            in[k] = slots[step.inputs()[k]];
        }
        Value[] out;
        try {
            out = step.kernel().run(ctx, in);
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
        for (int s : step.releases()) {
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
