package ai.posespark.model.tfjs.graph;

import ai.posespark.model.tfjs.TfjsModelException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed model.json of a TF.js graph model: nodes, signature and weight manifest (weights not yet read).
 *
 * @param name model name (file stem of model.json)
 * @param nodes graph nodes in file order
 * @param signatureInputs signature inputs in file order (may be empty)
 * @param signatureOutputs signature outputs in file order (= TF.js {@code GraphModel.outputs}; may be empty)
 * @param weightGroups manifest groups in order: shard paths (relative to model.json) and the weights they hold
 */
public record ModelDefinition(String name, List<NodeDef> nodes, List<TensorInfo> signatureInputs,
    List<TensorInfo> signatureOutputs, List<WeightGroup> weightGroups) {

  /**
   * One weights-manifest group: its shards, concatenated in order, hold its weights back to back.
   *
   * @param paths shard files relative to model.json
   * @param weights weights in storage order
   */
  public record WeightGroup(List<String> paths, List<WeightSpec> weights) {}

  /**
   * Parses {@code modelJson}; the name is its file stem.
   *
   * @throws IOException naming the model for a file that is not a graph model's JSON, or holds malformed entries
   */
  public static ModelDefinition parse(Path modelJson) throws IOException {
    String file = modelJson.getFileName().toString();
    String name = file.endsWith(".json") ? file.substring(0, file.length() - 5) : file;
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(modelJson.toFile());
    } catch (JsonProcessingException e) {
      throw new TfjsModelException(name + ": model.json is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new TfjsModelException(name + ": model.json must hold a JSON object");
    }
    try {
      return parse(name, root);
    } catch (RuntimeException e) {
      throw new TfjsModelException(name + ": malformed model.json: " + e, e);
    }
  }

  private static ModelDefinition parse(String name, JsonNode root) throws IOException {
    if (!"graph-model".equals(root.path("format").asText("graph-model"))) {
      throw new IOException(name + ": format '" + root.path("format").asText() + "' is not a graph-model");
    }
    JsonNode topology = root.path("modelTopology");
    if (topology.path("library").path("function").size() > 0) {
      throw new IOException(name + ": graphs with a function library (control flow) are not supported");
    }
    List<NodeDef> nodes = new ArrayList<>();
    for (JsonNode n : topology.path("node")) {
      nodes.add(node(n));
    }
    JsonNode signature = root.path("signature");
    return new ModelDefinition(name, nodes, signature(signature.path("inputs")),
        signature(signature.path("outputs")), weightGroups(root.path("weightsManifest")));
  }

  private static NodeDef node(JsonNode n) {
    List<TensorRef> inputs = new ArrayList<>();
    for (JsonNode in : n.path("input")) {
      if (!in.asText().startsWith("^")) {
        inputs.add(TensorRef.parse(in.asText()));
      }
    }
    Map<String, AttrValue> attrs = new LinkedHashMap<>();
    n.path("attr").fields().forEachRemaining(e -> attrs.put(e.getKey(), new AttrValue(e.getValue())));
    return new NodeDef(n.path("name").asText(), n.path("op").asText(), List.copyOf(inputs), attrs);
  }

  private static List<TensorInfo> signature(JsonNode entries) {
    List<TensorInfo> out = new ArrayList<>();
    entries.fields().forEachRemaining(e -> {
      JsonNode v = e.getValue();
      out.add(new TensorInfo(e.getKey(), TensorRef.parse(v.path("name").asText(e.getKey())),
          v.has("tensorShape") ? Shapes.parse(v.get("tensorShape")) : null,
          v.has("dtype") ? TfDataTypes.of(v.get("dtype").asText()) : null));
    });
    return out;
  }

  private static List<WeightGroup> weightGroups(JsonNode manifest) {
    List<WeightGroup> groups = new ArrayList<>();
    for (JsonNode g : manifest) {
      List<String> paths = new ArrayList<>();
      g.path("paths").forEach(p -> paths.add(p.asText()));
      List<WeightSpec> weights = new ArrayList<>();
      for (JsonNode w : g.path("weights")) {
        long[] shape = new long[w.path("shape").size()];
        for (int k = 0; k < shape.length; k++) {
          shape[k] = w.path("shape").get(k).asLong();
        }
        JsonNode q = w.get("quantization");
        WeightSpec.Quantization quantization = q == null ? null : new WeightSpec.Quantization(
            q.path("dtype").asText(), (float) q.path("scale").asDouble(1), (float) q.path("min").asDouble(0));
        weights.add(new WeightSpec(w.path("name").asText(), shape, w.path("dtype").asText(), quantization));
      }
      groups.add(new WeightGroup(List.copyOf(paths), List.copyOf(weights)));
    }
    return groups;
  }
}
