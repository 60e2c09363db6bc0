package ai.posespark.model.tfjs.graph;

import java.util.List;
import java.util.Map;

/**
 * One node of the graph as written in model.json.
 *
 * @param name unique node name
 * @param op TensorFlow op name ({@code Conv2D}, {@code _FusedConv2D}, ...)
 * @param inputs data inputs in order (control dependencies, {@code ^name}, are dropped: graphs here have no
 *     side effects, so data edges fix the order)
 * @param attrs attributes by name, in file order
 */
public record NodeDef(String name, String op, List<TensorRef> inputs, Map<String, AttrValue> attrs) {}
