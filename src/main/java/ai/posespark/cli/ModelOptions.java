package ai.posespark.cli;

import ai.djl.Device;
import ai.posespark.model.DeviceChooser;
import ai.posespark.model.DevicePreference;
import picocli.CommandLine.Option;

/** The options every model subcommand shares: which model, on which device. */
public final class ModelOptions {
  @Option(names = "--model", required = true, paramLabel = "M",
      description = "catalog name (conf/models.yaml), path to model.json or .pt, or a file:, hdfs://, s3a:// URI")
  String model;

  @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "cpu",
      description = "cpu | gpu | auto (default ${DEFAULT-VALUE})")
  DevicePreference device;

  /** Resolves and loads the model; every failure is a one-line {@link ModelCliException}. */
  public ModelHandle open() throws ModelCliException {
    return ModelHandle.open(ModelReference.resolve(model), chosenDevice());
  }

  private Device chosenDevice() throws ModelCliException {
    try {
      return DeviceChooser.choose(device);
    } catch (IllegalStateException e) {
      throw new ModelCliException(e.getMessage().replace("execution.device", "--device")
          .replace(" on this executor", ""), e);
    }
  }
}
