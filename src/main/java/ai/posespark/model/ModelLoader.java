package ai.posespark.model;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.posespark.model.tfjs.TfjsGraphModel;
import java.io.IOException;
import java.nio.file.Path;

/** Opens a local model file in the runtime its catalog format names. */
public final class ModelLoader {
  private ModelLoader() {}

  public static LoadedModel load(ModelEntry entry, Path file, Device device) throws IOException {
    if ("tfjs".equals(entry.format())) {
      TfjsGraphModel graph = TfjsGraphModel.load(file, device);
      return new LoadedModel() {
        @Override
        public NDList run(NDManager scope, NDList inputs) {
          // beyond what the graph itself takes, the batch split runs what it can batched, the rest per item
          long n = inputs.get(0).getShape().get(0);
          return n <= entry.graphBatch() ? graph.run(scope, inputs) : graph.runSplitBatch(scope, inputs);
        }

        @Override
        public java.util.List<String> outputNames() {
          return graph.outputs().stream().map(ai.posespark.model.tfjs.TensorSpec::name).toList();
        }

        @Override
        public void close() {
          graph.close();
        }
      };
    }
    if ("torchscript".equals(entry.format())) {
      return TorchScriptModel.load(file, device);
    }
    if ("onnx".equals(entry.format())) {
      return OnnxModel.load(file, device);
    }
    throw new IOException("model " + entry.name() + ": format '" + entry.format() + "' is not supported yet");
  }
}
