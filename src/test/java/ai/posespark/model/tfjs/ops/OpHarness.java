package ai.posespark.model.tfjs.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.posespark.model.tfjs.TfjsModelException;
import ai.posespark.model.tfjs.graph.AttrValue;
import ai.posespark.model.tfjs.graph.NodeDef;
import ai.posespark.model.tfjs.graph.TensorRef;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs one kernel of the standard registry on given arrays, the way the executor would. */
final class OpHarness {
  private OpHarness() {}

  /**
   * Builds the kernel for {@code op} with attributes given as model.json JSON ({@code "{\"padding\": ...}"}),
   * treating the arrays marked constant as constant inputs, and runs it.
   */
  static NDArray[] run(NDManager manager, String op, String attrsJson, boolean[] constant, NDArray... inputs)
      throws TfjsModelException {
    Map<String, AttrValue> attrs = new LinkedHashMap<>();
    try {
      JsonNode json = new ObjectMapper().readTree(attrsJson.isEmpty() ? "{}" : attrsJson);
      json.fields().forEachRemaining(e -> attrs.put(e.getKey(), new AttrValue(e.getValue())));
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
    List<TensorRef> refs = new ArrayList<>();
    Value[] values = new Value[inputs.length];
    Value[] constants = new Value[inputs.length];
    for (int k = 0; k < inputs.length; k++) {
      refs.add(new TensorRef("in" + k, 0));
      values[k] = Value.pinned(inputs[k], manager);
      constants[k] = constant != null && constant[k] ? values[k] : null;
    }
    NodeContext node = new NodeContext("test", new NodeDef("n", op, refs, attrs), constants, manager);
    Kernel kernel = OpRegistry.standard().get(op).create(node);
    if (!node.unreadAttributes().isEmpty()) {
      throw node.error("unsupported attribute %s", node.unreadAttributes());
    }
    Value[] out = kernel.run(new RunContext(manager), values);
    NDArray[] arrays = new NDArray[out.length];
    for (int k = 0; k < out.length; k++) {
      arrays[k] = out[k].nhwc();
    }
    return arrays;
  }

  /** Base64 of a string attribute value. */
  static String b64(String s) {
    return java.util.Base64.getEncoder().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
