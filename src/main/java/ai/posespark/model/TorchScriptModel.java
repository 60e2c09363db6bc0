package ai.posespark.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import ai.djl.translate.NoopTranslator;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A TorchScript module ({@code .pt}, e.g. an exported HRNet or RTMPose) loaded natively by DJL's PyTorch engine.
 * Inputs and outputs are the module's {@code forward} tensors, so a module that speaks a catalog entry's input
 * recipe and output layout plugs into that entry's decoder unchanged.
 */
public final class TorchScriptModel implements LoadedModel {
  private final ZooModel<NDList, NDList> model;

  private TorchScriptModel(ZooModel<NDList, NDList> model) {
    this.model = model;
  }

  /** Loads {@code file} onto {@code device}. */
  public static TorchScriptModel load(Path file, Device device) throws IOException {
    NnpackSwitch.offWhereUnsupported();
    requireArchive(file);
    Criteria<NDList, NDList> criteria = Criteria.builder()
        .setTypes(NDList.class, NDList.class)
        .optModelPath(file)
        .optEngine("PyTorch")
        .optDevice(device)
        .optTranslator(new NoopTranslator())
        .build();
    try {
      return new TorchScriptModel(criteria.loadModel());
    } catch (ModelNotFoundException | MalformedModelException e) {
      throw new IOException("cannot load TorchScript model " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * A TorchScript file is a zip archive ({@code torch.jit.save}); anything else (a pickled state dict from
   * {@code torch.save}, a renamed file) fails here in one line rather than deep in libtorch's loader.
   */
  private static void requireArchive(Path file) throws IOException {
    byte[] head = new byte[4];
    int n;
    try (var in = java.nio.file.Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, 4);
    }
    if (n < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) {
      throw new IOException("model " + file.getFileName() + " is not a TorchScript archive (torch.jit.save writes "
          + "a zip file; this one starts with " + java.util.HexFormat.of().formatHex(head, 0, n)
          + "): export the model with torch.jit.trace or torch.jit.script, then torch.jit.save");
    }
  }

  @Override
  public NDList run(NDManager scope, NDList inputs) {
    // forward on the block (not a Predictor): stateless, so concurrent tasks can share one module
    NDList out = model.getBlock().forward(new ParameterStore(scope, false), inputs, false);
    out.attach(scope);
    return out;
  }

  /** Number of weight values in the module's parameters (TorchScript records no op inventory or signature). */
  public long parameterCount() {
    long total = 0;
    for (var parameter : model.getBlock().getParameters().values()) {
      total += parameter.getArray().size();
    }
    return total;
  }

  @Override
  public void close() {
    model.close();
  }
}
