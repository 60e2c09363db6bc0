package ai.posespark.model.tfjs.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.posespark.model.tfjs.TfjsModelException;
import ai.posespark.model.tfjs.graph.AttrValue;
import ai.posespark.model.tfjs.graph.NodeDef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a {@link KernelFactory} sees of a node at load: its attributes (every read is recorded, so an attribute no
 * factory reads is reported as unsupported), which inputs are constants, and a manager for prepared weights.
 */
public final class NodeContext {
  private final String model;
  private final NodeDef node;
  private final Value[] constants;
  private final NDManager weights;
  private final Set<String> read = new HashSet<>();

  /**
   * @param model model name, for messages
   * @param node the node
   * @param constants per input, its constant value or {@code null} when computed at run time
   * @param weights manager for arrays prepared at load (kept for the model's lifetime)
   */
  public NodeContext(String model, NodeDef node, Value[] constants, NDManager weights) {
    this.model = model;
    this.node = node;
    this.constants = constants;
    this.weights = weights;
  }

  /** The node's name. */
  public String name() {
    return node.name();
  }

  /** The node's op. */
  public String op() {
    return node.op();
  }

  /** Number of data inputs. */
  public int inputCount() {
    return node.inputs().size();
  }

  /** Fails unless the node has between {@code min} and {@code max} inputs. */
  public void requireInputs(int min, int max) throws TfjsModelException {
    if (inputCount() < min || inputCount() > max) {
      throw error("expects %s inputs, has %d", min == max ? min : min + ".." + max, inputCount());
    }
  }

  /** Input {@code k} as a constant, or {@code null} when it is computed at run time. */
  public Value constant(int k) {
    return constants[k];
  }

  /** Input {@code k}'s values as longs when it is a constant, else {@code null}. */
  public long[] constantLongs(int k) {
    return constants[k] == null ? null : Tensors.longs(constants[k].nhwc());
  }

  /** Manager for arrays prepared at load (transposed filters...), freed when the model closes. */
  public NDManager weightManager() {
    return weights;
  }

  /** Whether the attribute is present. */
  public boolean has(String attr) {
    return node.attrs().containsKey(attr);
  }

  /** A required attribute. */
  public AttrValue attr(String name) throws TfjsModelException {
    read.add(name);
    AttrValue v = node.attrs().get(name);
    if (v == null) {
      throw error("missing attribute '%s'", name);
    }
    return v;
  }

  /** A string attribute, {@code fallback} when absent. */
  public String string(String name, String fallback) throws TfjsModelException {
    return has(name) ? get(name, () -> attr(name).string()) : mark(name, fallback);
  }

  /** An integer attribute, {@code fallback} when absent. */
  public long integer(String name, long fallback) throws TfjsModelException {
    return has(name) ? get(name, () -> attr(name).integer()) : mark(name, fallback);
  }

  /** A float attribute, {@code fallback} when absent. */
  public float floatValue(String name, float fallback) throws TfjsModelException {
    return has(name) ? get(name, () -> attr(name).floatValue()) : mark(name, fallback);
  }

  /** A boolean attribute, {@code fallback} when absent. */
  public boolean bool(String name, boolean fallback) throws TfjsModelException {
    return has(name) ? get(name, () -> attr(name).bool()) : mark(name, fallback);
  }

  /** An integer-list attribute, {@code fallback} when absent. */
  public long[] integers(String name, long[] fallback) throws TfjsModelException {
    return has(name) ? get(name, () -> attr(name).integers()) : mark(name, fallback);
  }

  /** A string-list attribute, {@code fallback} when absent. */
  public List<String> strings(String name, List<String> fallback) throws TfjsModelException {
    return has(name) ? get(name, () -> attr(name).strings()) : mark(name, fallback);
  }

  /** A type attribute, {@code fallback} when absent. */
  public DataType type(String name, DataType fallback) throws TfjsModelException {
    return has(name) ? get(name, () -> attr(name).type()) : mark(name, fallback);
  }

  /** Marks attributes as understood without reading them (hints such as {@code use_cudnn_on_gpu}). */
  public void accept(String... names) {
    read.addAll(List.of(names));
  }

  /** Fails unless the string attribute, when present, has one of the allowed values. */
  public String oneOf(String name, String fallback, String... allowed) throws TfjsModelException {
    String v = string(name, fallback);
    if (!List.of(allowed).contains(v)) {
      throw error("unsupported %s %s", name, v);
    }
    return v;
  }

  /**
   * Attributes no factory read. Type parameters ({@code T}, {@code Tidx}, {@code Index}, ... and {@code N}) describe
   * the inputs, which the kernels take as they come, and {@code _}-prefixed ones are optimiser hints: both pass.
   */
  public List<String> unreadAttributes() {
    List<String> out = new ArrayList<>();
    for (String name : node.attrs().keySet()) {
      boolean typeParameter = name.equals("T") || name.equals("N") || name.equals("Index")
          || (name.length() > 1 && name.charAt(0) == 'T' && Character.isLowerCase(name.charAt(1)));
      if (!read.contains(name) && !typeParameter && !name.startsWith("_")) {
        out.add(name);
      }
    }
    return out;
  }

  /** A load error: {@code model: node 'name' (Op): message}. */
  public TfjsModelException error(String format, Object... args) {
    return new TfjsModelException(model + ": node '" + node.name() + "' (" + node.op() + "): "
        + String.format(format, args));
  }

  private interface Reader<T> {
    T read() throws TfjsModelException;
  }

  private <T> T get(String name, Reader<T> reader) throws TfjsModelException {
    try {
      return reader.read();
    } catch (IllegalArgumentException e) {
      throw error("attribute '%s': %s", name, e.getMessage());
    }
  }

  private <T> T mark(String name, T fallback) {
    read.add(name);
    return fallback;
  }

  /** Input {@code k} as a constant array (logical layout), or {@code null}. */
  public NDArray constantArray(int k) {
    return constants[k] == null ? null : constants[k].nhwc();
  }
}
