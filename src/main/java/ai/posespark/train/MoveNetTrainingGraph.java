package ai.posespark.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.posespark.model.tfjs.TfjsModelException;
import ai.posespark.model.tfjs.graph.ModelDefinition;
import ai.posespark.model.tfjs.graph.NodeDef;
import ai.posespark.model.tfjs.graph.TensorRef;
import ai.posespark.model.tfjs.graph.TopologicalOrder;
import ai.posespark.model.tfjs.graph.WeightLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * MoveNet singlepose (lightning, thunder) set up for fine-tuning: the imported TF.js graph split where its batch-1
 * pre-processing ends ({@code StatefulPartitionedCall/sub_1}, the normalised image), the backbone and heads run as a
 * {@link TrainableGraph} returning the four head maps that {@link ai.posespark.pose.MoveNetCodec} speaks, and every
 * convolution filter and bias fed per run; those whose names match no freeze pattern are the parameters trained.
 */
public final class MoveNetTrainingGraph implements AutoCloseable {
  /** Where training data enters: the graph's normalised image, [N, S, S, 3]. */
  static final String DATA = "StatefulPartitionedCall/sub_1";
  /** The heads, in {@link #heads} order: joint heatmaps, centre map (both after sigmoid), regression, offsets. */
  static final List<TensorRef> HEADS = List.of(new TensorRef("StatefulPartitionedCall/Sigmoid", 0),
      new TensorRef("StatefulPartitionedCall/Sigmoid_1", 0),
      new TensorRef("StatefulPartitionedCall/kpt_regress_0/conv2d_6/BiasAdd", 0),
      new TensorRef("StatefulPartitionedCall/kpt_offset_0/conv2d_7/BiasAdd", 0));
  private static final Set<String> CONVOLUTIONS = Set.of("Conv2D", "_FusedConv2D", "DepthwiseConv2dNative",
      "FusedDepthwiseConv2dNative");

  private final Path source;
  private final ModelDefinition definition;
  private final Map<String, NDArray> weights;
  private final List<String> fed;
  private final Set<String> trainable;
  private final TrainableGraph prefix;
  private final TrainableGraph graph;
  private final NDManager manager;

  private MoveNetTrainingGraph(Path source, ModelDefinition definition, Map<String, NDArray> weights, List<String> fed,
      Set<String> trainable, TrainableGraph prefix, TrainableGraph graph, NDManager manager) {
    this.source = source;
    this.definition = definition;
    this.weights = weights;
    this.fed = fed;
    this.trainable = trainable;
    this.prefix = prefix;
    this.graph = graph;
    this.manager = manager;
  }

  /**
   * Loads model.json and its shards.
   *
   * @param freeze regular expressions: a weight whose name one of them finds (e.g. {@code model_1/model/} for the
   *     MobileNetV2 backbone) is not trained
   */
  public static MoveNetTrainingGraph load(Path modelJson, List<String> freeze, Device device) throws IOException {
    ModelDefinition def = ModelDefinition.parse(modelJson);
    NDManager manager = NDManager.newBaseManager(device, "PyTorch");
    try {
      Map<String, NDArray> weights = WeightLoader.load(def, modelJson.toAbsolutePath().getParent(), manager);
      List<String> fed = convolutionWeights(def);
      List<Pattern> patterns = freeze.stream().map(Pattern::compile).toList();
      Set<String> trainable = new HashSet<>();
      for (String w : fed) {
        if (patterns.stream().noneMatch(p -> p.matcher(w).find())) {
          trainable.add(w);
        }
      }
      if (trainable.isEmpty()) {
        throw new IllegalArgumentException(def.name() + ": the freeze patterns " + freeze
            + " leave no weight to train");
      }
      TrainableGraph prefix = TrainableGraph.build(def.name(), def.nodes(), weights, "input",
          List.of(new TensorRef(DATA, 0)), List.of(), device);
      TrainableGraph graph = TrainableGraph.build(def.name(), def.nodes(), weights, DATA, HEADS, fed, device);
      return new MoveNetTrainingGraph(modelJson, def, weights, fed, trainable, prefix, graph, manager);
    } catch (TfjsModelException e) {
      manager.close();
      throw new IOException(e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /** The model name (model.json's stem). */
  public String name() {
    return definition.name();
  }

  /** Writes the model as it is now (see {@link FineTunedModelWriter}); returns the model.json written. */
  public Path write(Path folder) throws IOException {
    return FineTunedModelWriter.write(source, name(), weights, folder);
  }

  /** The parsed model.json. */
  public ModelDefinition definition() {
    return definition;
  }

  /** Every weight by name, the trained ones as they are now. */
  public Map<String, NDArray> weights() {
    return weights;
  }

  /** The trained weights' names, in manifest order. */
  public List<String> trainable() {
    return fed.stream().filter(trainable::contains).toList();
  }

  /** The model's square input side (MoveNet lightning 192). */
  public int inputSize() {
    long[] shape = definition.signatureInputs().get(0).shape();
    return (int) shape[1];
  }

  /**
   * The graph's own pre-processing of RGB images, image by image (the graph pins batch 1 there).
   *
   * @param images [N, S, S, 3] values 0..255 (any numeric type)
   * @return [N, S, S, 3] float, attached to {@code scope}
   */
  public NDArray normalise(NDManager scope, NDArray images) {
    NDList items = new NDList();
    for (long i = 0; i < images.getShape().get(0); i++) {
      try (NDArray item = images.get(i + ":" + (i + 1)).toType(DataType.INT32, false)) {
        items.add(prefix.run(scope, item, List.of()).get(0));
      }
    }
    NDArray batch = NDArrays.concat(items, 0);
    items.close();
    return batch;
  }

  /**
   * The heads on a normalised batch: [N, G, G, 17] heatmaps, [N, G, G, 1] centre, [N, G, G, 34] regression and
   * offsets. {@code params} replace the current value of each trained weight (autograd leaves); the rest are fed
   * as they are.
   */
  public NDList heads(NDManager scope, NDArray normalised, Map<String, NDArray> params) {
    List<NDArray> values = new ArrayList<>(fed.size());
    for (String w : fed) {
      values.add(params.getOrDefault(w, weights.get(w)));
    }
    return graph.run(scope, normalised, values);
  }

  /** The float weights that convolutions read (filters and biases), in manifest order. */
  private static List<String> convolutionWeights(ModelDefinition def) {
    List<NodeDef> reachable = TopologicalOrder.of(def.nodes(), HEADS);
    Set<String> read = new HashSet<>();
    for (NodeDef n : reachable) {
      if (CONVOLUTIONS.contains(n.op())) {
        n.inputs().subList(1, n.inputs().size()).forEach(in -> read.add(in.node()));
      }
    }
    Map<String, Boolean> ordered = new LinkedHashMap<>();
    def.weightGroups().forEach(g -> g.weights().forEach(w -> {
      if (read.contains(w.name()) && w.dtype().equals("float32")) {
        ordered.put(w.name(), true);
      }
    }));
    return List.copyOf(ordered.keySet());
  }

  @Override
  public void close() {
    graph.close();
    prefix.close();
    manager.close();
  }
}
