package ai.posespark.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.posespark.model.Npy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code model-cli run --model M --inputs NAME=FILE.npy[,...] --outdir DIR}: runs the model once on the given
 * {@code .npy} tensors and writes every output to {@code DIR} as {@code .npy}, named by {@link ModelOutputFiles}
 * (like TensorFlow's {@code saved_model_cli run}). Prints one line per output file.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Runs a model on .npy inputs and writes every output as .npy.")
public final class ModelRunCommand implements Callable<Integer> {
  /** Element types {@link Npy} writes; other outputs are converted to float32. */
  private static final Set<DataType> NPY_TYPES = Set.of(DataType.FLOAT32, DataType.INT32, DataType.INT64,
      DataType.UINT8);

  @Mixin
  ModelOptions options;

  @Option(names = "--inputs", required = true, split = ",", paramLabel = "NAME=FILE.npy",
      description = "input placeholder name or signature key = .npy file; comma-separated or repeated")
  List<String> inputs;

  @Option(names = "--outdir", required = true, paramLabel = "DIR", description = "folder for the output .npy files")
  Path outdir;

  @Override
  public Integer call() throws ModelCliException, IOException {
    var files = ModelInputBinding.parse(inputs);
    try (ModelHandle model = options.open(); NDManager scope = NDManager.newBaseManager()) {
      List<Npy.Array> arrays = ModelInputBinding.bind(files, model.inputs());
      NDList feed = new NDList(arrays.size());
      for (Npy.Array a : arrays) {
        feed.add(a.toNDArray(scope));
      }
      NDList outputs = runModel(model, scope, feed);
      List<String> names = ModelOutputFiles.names(model.outputs(), outputs.size());
      Files.createDirectories(outdir);
      for (int i = 0; i < outputs.size(); i++) {
        NDArray out = outputs.get(i);
        if (!NPY_TYPES.contains(out.getDataType())) {
          out = out.toType(DataType.FLOAT32, false);
        }
        Path file = outdir.resolve(names.get(i));
        Npy.write(file, out);
        System.out.printf("%s  shape %s  %s%n", file, Arrays.toString(out.getShape().getShape()),
            out.getDataType().toString().toLowerCase(Locale.ROOT));
      }
    }
    return 0;
  }

  private static NDList runModel(ModelHandle model, NDManager scope, NDList feed) throws ModelCliException {
    try {
      return model.run(scope, feed);
    } catch (RuntimeException e) {
      // the inputs matched the declaration (checked), so this is the graph refusing them, e.g. a batch it pins
      List<String> shapes = new ArrayList<>();
      feed.forEach(a -> shapes.add(a.getShape().toString()));
      throw new ModelCliException("model '" + model.reference().label() + "' failed on inputs " + shapes + ": "
          + ModelReference.oneLine(e), e);
    }
  }
}
