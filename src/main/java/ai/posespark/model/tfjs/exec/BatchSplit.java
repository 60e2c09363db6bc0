package ai.posespark.model.tfjs.exec;

import ai.posespark.model.tfjs.graph.AttrValue;
import ai.posespark.model.tfjs.graph.NodeDef;
import ai.posespark.model.tfjs.ops.Tensors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * How a graph that pins its batch size to 1 still runs a batch of N mostly at once. Steps that mean the same on
 * each item and on the N items stored together run once for all N ("batched"); the first step that does not (a
 * GatherNd on batch index 0, a Pack of per-item scalars, ...) and everything downstream of it run item by item on
 * slices. MoveNet's backbone and heads, 90% of its time, thus see the whole batch: weights are read once per batch
 * instead of once per image, and per-op overhead is paid once.
 *
 * <p>A batched value holds N items along axis 0 in one of two forms: {@link Form#MERGED}, items whose own shape is
 * {@code [1, ...]} concatenated (stored {@code [N, ...]}), or {@link Form#STACKED}, items stacked along a new axis
 * 0. MoveNet's input prelude {@code Unpack(num=1) → ExpandDims(0)} moves between the two without touching data.
 * Each op's rule states when its kernel, run on the stored batch, gives the items' results; the rules are
 * conservative, and anything not known to act per item runs item by item, which is always correct. Item ranks
 * come from one traced run at batch 1.
 */
final class BatchSplit {
  /**
   * How a slot holds the batch: a constant of the graph; the same value for every item, computed once in the
   * run (the shape of a batched value and what is computed from it alone); MERGED or STACKED (see above);
   * per item.
   */
  enum Form { CONSTANT, UNIFORM, MERGED, STACKED, PER_ITEM }

  /** How a step runs in the batched phase. */
  enum Mode {
    /** the node's kernel on the stored batch */
    KERNEL,
    /** output = input, only the form changes (Unpack num=1, Squeeze/ExpandDims of axis 0) */
    ALIAS,
    /** Reshape to a constant shape: stored {@code [N, shape...]}, or {@code [N, shape[1:]...]} when MERGED */
    RESHAPE,
    /** Shape of a batched value: one item's shape, UNIFORM */
    SHAPE,
    /** not batched: runs item by item */
    PER_ITEM
  }

  private static final Set<String> UNARY = Set.of("Cast", "Identity", "Snapshot", "StopGradient", "Relu", "Relu6",
      "Elu", "Selu", "Sigmoid", "Tanh", "Softplus", "LeakyRelu", "Exp", "Log", "Sqrt", "Rsqrt", "Square", "Neg",
      "Abs", "Floor", "Ceil", "Round", "Sign", "Reciprocal", "LogicalNot");
  private static final Set<String> ELEMENT_WISE = Set.of("Add", "AddV2", "AddN", "Sub", "Mul", "RealDiv", "Div",
      "DivNoNan", "Maximum", "Minimum", "SquaredDifference", "FloorDiv", "FloorMod", "Pow", "BiasAdd", "Prelu",
      "Greater", "GreaterEqual", "Less", "LessEqual", "Equal", "NotEqual", "LogicalAnd", "LogicalOr");
  /** NHWC ops over each image: input 0 the image batch, every other input constant */
  private static final Set<String> SPATIAL = Set.of("Conv2D", "_FusedConv2D", "DepthwiseConv2dNative",
      "FusedDepthwiseConv2dNative", "MaxPool", "AvgPool", "ResizeBilinear", "ResizeNearestNeighbor",
      "DepthToSpace", "FusedBatchNorm", "FusedBatchNormV3");
  private static final Set<String> REDUCTIONS = Set.of("Mean", "Sum", "Max", "Min", "Prod", "ArgMax", "ArgMin",
      "All", "Any");

  final Form[] forms;
  final Mode[] modes;
  /** per RESHAPE step: the stored shape after the batch dimension */
  final long[][] reshapeTails;
  /** per step: slots freed after it in the batched phase */
  final int[][] batchedReleases;
  /** per step: slots freed after it within one item's pass */
  final int[][] itemReleases;
  /** batched and uniform slots that per-item steps read (batched ones sliced per item): kept until the run ends */
  final int[] slicedSlots;

  private BatchSplit(Form[] forms, Mode[] modes, long[][] reshapeTails, int[][] batchedReleases,
      int[][] itemReleases, int[] slicedSlots) {
    this.forms = forms;
    this.modes = modes;
    this.reshapeTails = reshapeTails;
    this.batchedReleases = batchedReleases;
    this.itemReleases = itemReleases;
    this.slicedSlots = slicedSlots;
  }

  /**
   * Classifies every slot and step of {@code plan}.
   *
   * @param itemRanks rank of every slot in a run at batch 1 (-1 where never set); inputs are fed as items of
   *     shape [1, ...], slices of the batch
   */
  static BatchSplit of(ExecutionPlan plan, int[] itemRanks) {
    int slotCount = plan.constantSlots.length;
    Form[] forms = new Form[slotCount];
    for (int s = 0; s < slotCount; s++) {
      forms[s] = plan.constantSlots[s] != null ? Form.CONSTANT : Form.PER_ITEM;
    }
    for (int k = 0; k < plan.inputSlots.length; k++) {
      forms[plan.inputSlots[k]] = itemRanks[plan.inputSlots[k]] >= 1 ? Form.MERGED : Form.PER_ITEM;
    }
    int stepCount = plan.steps.size();
    Mode[] modes = new Mode[stepCount];
    long[][] tails = new long[stepCount][];
    Rules rules = new Rules(plan, itemRanks, forms);
    for (int i = 0; i < stepCount; i++) {
      Step step = plan.steps.get(i);
      Decision d = rules.decide(step);
      modes[i] = d.mode();
      tails[i] = d.reshapeTail();
      for (int out : step.outputs()) {
        if (out >= 0) {
          forms[out] = d.mode() == Mode.PER_ITEM ? Form.PER_ITEM : d.form();
        }
      }
    }
    return releases(plan, forms, modes, tails);
  }

  /** Release lists for the two phases (see the field comments). */
  private static BatchSplit releases(ExecutionPlan plan, Form[] forms, Mode[] modes, long[][] tails) {
    int slotCount = forms.length;
    int[] lastBatched = new int[slotCount];
    int[] lastItem = new int[slotCount];
    Arrays.fill(lastBatched, -1);
    Arrays.fill(lastItem, -1);
    for (int i = 0; i < plan.steps.size(); i++) {
      for (int in : plan.steps.get(i).inputs()) {
        if (modes[i] == Mode.PER_ITEM) {
          lastItem[in] = i;
        } else {
          lastBatched[in] = i;
        }
      }
    }
    boolean[] kept = new boolean[slotCount];
    for (int s : plan.outputSlots) {
      kept[s] = true;
    }
    for (int s : plan.inputSlots) {
      kept[s] = true;
    }
    List<List<Integer>> batched = new ArrayList<>();
    List<List<Integer>> item = new ArrayList<>();
    plan.steps.forEach(s -> {
      batched.add(new ArrayList<>());
      item.add(new ArrayList<>());
    });
    List<Integer> sliced = new ArrayList<>();
    for (int s = 0; s < slotCount; s++) {
      if (forms[s] == Form.CONSTANT) {
        continue;
      }
      boolean isBatched = forms[s] != Form.PER_ITEM;
      if (isBatched && lastItem[s] >= 0) {
        sliced.add(s); // per-item readers: the batch lives until every item ran
      } else if (!kept[s] && isBatched && lastBatched[s] >= 0) {
        batched.get(lastBatched[s]).add(s);
      } else if (!kept[s] && !isBatched && lastItem[s] >= 0) {
        item.get(lastItem[s]).add(s);
      }
    }
    return new BatchSplit(forms, modes, tails, toArrays(batched), toArrays(item),
        sliced.stream().mapToInt(Integer::intValue).toArray());
  }

  private static int[][] toArrays(List<List<Integer>> lists) {
    return lists.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
  }

  private record Decision(Mode mode, Form form, long[] reshapeTail) {
    static final Decision PER_ITEM = new Decision(Mode.PER_ITEM, Form.PER_ITEM, null);

    static Decision kernel(Form form) {
      return new Decision(Mode.KERNEL, form, null);
    }

    static Decision alias(Form form) {
      return new Decision(Mode.ALIAS, form, null);
    }
  }

  /** The per-op rules: when a kernel on the stored batch equals the items' results. */
  private record Rules(ExecutionPlan plan, int[] ranks, Form[] forms) {
    Decision decide(Step step) {
      NodeDef node = step.node();
      int[] in = step.inputs();
      if (in.length == 0 || step.outputs().length == 0 || step.outputs()[0] < 0) {
        return Decision.PER_ITEM;
      }
      boolean anyBatched = false;
      for (int s : in) {
        if (forms[s] == Form.PER_ITEM) {
          return Decision.PER_ITEM;
        }
        anyBatched |= isBatched(forms[s]);
      }
      if (!anyBatched) {
        // reads only constants and uniform values (constants were folded at load: uniform ones remain)
        return Decision.kernel(Form.UNIFORM);
      }
      int outRank = ranks[step.outputs()[0]];
      Form first = forms[in[0]];
      String op = node.op();
      if (UNARY.contains(op)) {
        return in.length == 1 ? Decision.kernel(first) : Decision.PER_ITEM;
      }
      if (ELEMENT_WISE.contains(op)) {
        return elementWise(in, outRank);
      }
      if (SPATIAL.contains(op)) {
        return first == Form.MERGED && ranks[in[0]] == 4 && restConstant(in, 1)
            ? Decision.kernel(Form.MERGED) : Decision.PER_ITEM;
      }
      if (REDUCTIONS.contains(op)) {
        long[] axes = constant(in, 1);
        return first == Form.MERGED && in.length == 2 && axes != null && !touchesAxis0(axes, ranks[in[0]])
            ? Decision.kernel(Form.MERGED) : Decision.PER_ITEM;
      }
      return switch (op) {
        case "Unpack" -> attr(node, "num", 0) == 1 && first == Form.MERGED
            && normalize(attr(node, "axis", 0), ranks[in[0]]) == 0
            ? Decision.alias(Form.STACKED) : Decision.PER_ITEM;
        case "Shape" -> isBatched(first) && in.length == 1
            ? new Decision(Mode.SHAPE, Form.UNIFORM, null) : Decision.PER_ITEM;
        case "Split" -> split(in, 0, 1);
        case "SplitV" -> split(in, 2, 0);
        case "Squeeze" -> squeeze(node, in);
        case "ExpandDims" -> expandDims(in, outRank);
        case "Reshape" -> reshape(in);
        case "ConcatV2" -> concat(in, outRank);
        case "Pad", "PadV2", "MirrorPad" -> pad(in);
        case "Transpose" -> {
          long[] perm = constant(in, 1);
          yield first == Form.MERGED && perm != null && perm.length > 0 && perm[0] == 0
              ? Decision.kernel(Form.MERGED) : Decision.PER_ITEM;
        }
        default -> Decision.PER_ITEM;
      };
    }

    /** Same-form batched operands of the output's rank; constants must broadcast within one item. */
    private Decision elementWise(int[] in, int outRank) {
      Form form = null;
      for (int s : in) {
        Form f = forms[s];
        if (!isBatched(f)) {
          continue;
        }
        if (form != null && form != f || ranks[s] != outRank) {
          return Decision.PER_ITEM;
        }
        form = f;
      }
      for (int s : in) {
        if (!isBatched(forms[s]) && !broadcastsPerItem(s, form, outRank)) {
          return Decision.PER_ITEM;
        }
      }
      return Decision.kernel(form);
    }

    /** Whether item-independent operand {@code s} broadcasts within each item of a batched operand. */
    private boolean broadcastsPerItem(int s, Form form, int itemRank) {
      int r = ranks[s];
      if (form == Form.STACKED) {
        return r <= itemRank; // right-aligned against [N, item...]: never reaches the batch axis
      }
      // a uniform value's leading size is only known at run time
      return r < itemRank || r == itemRank && forms[s] == Form.CONSTANT
          && plan.constantSlots[s].shape().get(0) == 1;
    }

    /** Split / SplitV along a constant axis other than 0: every part MERGED. */
    private Decision split(int[] in, int axisInput, int valueInput) {
      long[] axis = constant(in, axisInput);
      boolean rest = true;
      for (int k = 0; k < in.length; k++) {
        rest &= k == valueInput || !isBatched(forms[in[k]]);
      }
      return forms[in[valueInput]] == Form.MERGED && rest && axis != null && axis.length == 1
          && normalize(axis[0], ranks[in[valueInput]]) != 0 ? Decision.kernel(Form.MERGED)
          : Decision.PER_ITEM;
    }

    private Decision squeeze(NodeDef node, int[] in) {
      AttrValue dims = node.attrs().get("squeeze_dims");
      long[] axes = dims == null ? new long[0] : dims.integers();
      if (forms[in[0]] != Form.MERGED || axes.length == 0) {
        return Decision.PER_ITEM; // squeezing every unit axis would squeeze the item's axis 0 only
      }
      int rank = ranks[in[0]];
      if (axes.length == 1 && normalize(axes[0], rank) == 0) {
        return Decision.alias(Form.STACKED);
      }
      return touchesAxis0(axes, rank) ? Decision.PER_ITEM : Decision.kernel(Form.MERGED);
    }

    private Decision expandDims(int[] in, int outRank) {
      long[] axis = constant(in, 1);
      if (axis == null || axis.length != 1) {
        return Decision.PER_ITEM;
      }
      long a = normalize(axis[0], outRank);
      if (forms[in[0]] == Form.STACKED && a == 0) {
        return Decision.alias(Form.MERGED);
      }
      // a negative axis counts from the end, the same on the item and on the stored batch
      boolean sameAxis = forms[in[0]] == Form.MERGED || axis[0] < 0;
      return a != 0 && sameAxis ? Decision.kernel(forms[in[0]]) : Decision.PER_ITEM;
    }

    private Decision reshape(int[] in) {
      long[] shape = constant(in, 1);
      if (shape == null) {
        return Decision.PER_ITEM;
      }
      // item [..] → shape; stored [N, ..] → [N, shape] (STACKED), or [N, shape[1:]] when shape[0] is 1
      boolean merged = shape.length > 0 && shape[0] == 1;
      long[] tail = merged ? Arrays.copyOfRange(shape, 1, shape.length) : shape;
      return new Decision(Mode.RESHAPE, merged ? Form.MERGED : Form.STACKED, tail);
    }

    private Decision concat(int[] in, int outRank) {
      long[] axis = constant(in, in.length - 1);
      if (axis == null || axis.length != 1 || normalize(axis[0], outRank) == 0) {
        return Decision.PER_ITEM;
      }
      for (int k = 0; k < in.length - 1; k++) {
        if (forms[in[k]] != Form.MERGED || ranks[in[k]] != outRank) {
          return Decision.PER_ITEM; // a constant part would need repeating per item
        }
      }
      return Decision.kernel(Form.MERGED);
    }

    private Decision pad(int[] in) {
      long[] paddings = constant(in, 1);
      return forms[in[0]] == Form.MERGED && paddings != null && paddings.length >= 2 && paddings[0] == 0
          && paddings[1] == 0 && restConstant(in, 1) ? Decision.kernel(Form.MERGED) : Decision.PER_ITEM;
    }

    /** Inputs from {@code from} on are the same for every item. */
    private boolean restConstant(int[] in, int from) {
      for (int k = from; k < in.length; k++) {
        if (isBatched(forms[in[k]])) {
          return false;
        }
      }
      return true;
    }

    /** The integer values of constant input {@code k}; null when it is not a constant. */
    private long[] constant(int[] in, int k) {
      if (k >= in.length || forms[in[k]] != Form.CONSTANT) {
        return null;
      }
      return Tensors.longs(plan.constantSlots[in[k]].nhwc());
    }

    private static boolean isBatched(Form f) {
      return f == Form.MERGED || f == Form.STACKED;
    }

    private static boolean touchesAxis0(long[] axes, int rank) {
      for (long a : axes) {
        if (normalize(a, rank) == 0) {
          return true;
        }
      }
      return false;
    }

    private static long normalize(long axis, int rank) {
      return axis < 0 ? axis + rank : axis;
    }

    private static long attr(NodeDef node, String name, long fallback) {
      AttrValue v = node.attrs().get(name);
      return v == null ? fallback : v.integer();
    }
  }
}
