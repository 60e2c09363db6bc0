package ai.posespark.train;

import ai.djl.ndarray.NDArray;
import ai.posespark.model.tfjs.graph.AttrValue;
import ai.posespark.model.tfjs.graph.NodeDef;
import ai.posespark.model.tfjs.graph.TensorRef;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small TF.js graph written node by node, attributes in model.json's JSON, for gradient checks. */
final class TinyGraph {
  final List<NodeDef> nodes = new ArrayList<>();
  final Map<String, NDArray> weights = new LinkedHashMap<>();

  TinyGraph() {
    nodes.add(new NodeDef("x", "Placeholder", List.of(), Map.of()));
  }

  /** A weight (Const node) named {@code name}. */
  TinyGraph weight(String name, NDArray value) {
    nodes.add(new NodeDef(name, "Const", List.of(), Map.of()));
    weights.put(name, value);
    return this;
  }

  /** A node reading {@code inputs}, attributes as JSON. */
  TinyGraph node(String name, String op, String attrsJson, String... inputs) {
    Map<String, AttrValue> attrs = new LinkedHashMap<>();
    try {
      new ObjectMapper().readTree(attrsJson).fields()
          .forEachRemaining(e -> attrs.put(e.getKey(), new AttrValue(e.getValue())));
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
    nodes.add(new NodeDef(name, op, List.of(inputs).stream().map(TensorRef::parse).toList(), attrs));
    return this;
  }

  /** The JSON of a string attribute. */
  static String s(String value) {
    return "{\"s\":\"" + base64(value) + "\"}";
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  /** Convolution attributes: NHWC, stride, padding, optional fused ops. */
  static String conv(int stride, String padding, String... fused) {
    StringBuilder json = new StringBuilder("{\"strides\":{\"list\":{\"i\":[\"1\",\"" + stride + "\",\"" + stride
        + "\",\"1\"]}},\"padding\":" + s(padding) + ",\"data_format\":" + s("NHWC")
        + ",\"dilations\":{\"list\":{\"i\":[\"1\",\"1\",\"1\",\"1\"]}}");
    if (fused.length > 0) {
      json.append(",\"num_args\":{\"i\":\"1\"},\"fused_ops\":{\"list\":{\"s\":[");
      for (int k = 0; k < fused.length; k++) {
        json.append(k == 0 ? "\"" : ",\"").append(base64(fused[k])).append('"');
      }
      json.append("]}}");
    }
    return json.append('}').toString();
  }
}
