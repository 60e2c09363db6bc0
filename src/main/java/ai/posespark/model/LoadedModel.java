package ai.posespark.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.List;

/** A model ready to run on one device, whatever its format (TF.js graph, TorchScript). Thread-safe. */
public interface LoadedModel extends AutoCloseable {

  /** Runs one batch; inputs in the model's input order, outputs in its output order, attached to {@code scope}. */
  NDList run(NDManager scope, NDList inputs);

  /** Output names in output order, for decoders that find outputs by name; empty when the format has none. */
  default List<String> outputNames() {
    return List.of();
  }

  /** The most inputs one call takes: a static batch dimension pins it; unlimited by default. */
  default int maxBatch() {
    return Integer.MAX_VALUE;
  }

  @Override
  void close();
}
