package ai.posespark.cli;

import ai.djl.Device;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.posespark.model.TorchScriptModel;
import ai.posespark.model.tfjs.TensorSpec;
import ai.posespark.model.tfjs.TfjsGraphModel;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A model opened for the command line, whatever its format, with what can be known about it: a TF.js graph
 * declares its inputs, outputs and ops; a TorchScript module declares none of them (its {@code forward} takes
 * positional tensors), only its parameters.
 */
public final class ModelHandle implements AutoCloseable {
  private final ModelReference reference;
  private final TfjsGraphModel graph;
  private final TorchScriptModel module;

  private ModelHandle(ModelReference reference, TfjsGraphModel graph, TorchScriptModel module) {
    this.reference = reference;
    this.graph = graph;
    this.module = module;
  }

  /** Loads the referenced model onto {@code device}; a file that is not a valid model is a user error. */
  public static ModelHandle open(ModelReference reference, Device device) throws ModelCliException {
    try {
      if ("torchscript".equals(reference.format())) {
        return new ModelHandle(reference, null, TorchScriptModel.load(reference.file(), device));
      }
      return new ModelHandle(reference, TfjsGraphModel.load(reference.file(), device), null);
    } catch (IOException | EngineException e) {
      throw new ModelCliException("cannot load model '" + reference.label() + "' from " + reference.file() + ": "
          + ModelReference.oneLine(e), e);
    }
  }

  /** Where the model came from. */
  public ModelReference reference() {
    return reference;
  }

  /** Whether the file declares its inputs and outputs (TF.js: yes; TorchScript: no). */
  public boolean hasSignature() {
    return graph != null;
  }

  /** Declared inputs in run order; empty when {@link #hasSignature()} is false. */
  public List<TensorSpec> inputs() {
    return graph != null ? graph.inputs() : List.of();
  }

  /** Declared outputs in run order; empty when {@link #hasSignature()} is false. */
  public List<TensorSpec> outputs() {
    return graph != null ? graph.outputs() : List.of();
  }

  /** Op name to node count for a TF.js graph; empty for TorchScript. */
  public Optional<Map<String, Integer>> opInventory() {
    return graph != null ? Optional.of(graph.opInventory()) : Optional.empty();
  }

  /** Number of weight values. */
  public long parameterCount() {
    return graph != null ? graph.parameterCount() : module.parameterCount();
  }

  /** Runs one batch: inputs in {@link #inputs()} order (TorchScript: forward's positional order). */
  public NDList run(NDManager scope, NDList inputs) {
    return graph != null ? graph.run(scope, inputs) : module.run(scope, inputs);
  }

  /** Frees the model. */
  @Override
  public void close() {
    if (graph != null) {
      graph.close();
    } else {
      module.close();
    }
  }
}
