package ai.posespark.cli;

import ai.posespark.model.tfjs.TensorSpec;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code model-cli show --model M}: the model's signature (inputs and outputs with node name, signature key,
 * shape, type), parameter count and op inventory (op → node count). For a TorchScript module it says which of
 * these the file does not record.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = "Prints a model's inputs, outputs, parameter count and op inventory.")
public final class ModelShowCommand implements Callable<Integer> {
  @Mixin
  ModelOptions options;

  @Override
  public Integer call() throws ModelCliException {
    try (ModelHandle model = options.open()) {
      print(model, System.out);
    }
    return 0;
  }

  /** Writes the description of {@code model} to {@code out}. */
  static void print(ModelHandle model, PrintStream out) {
    ModelReference ref = model.reference();
    out.printf("model: %s (%s, %s)%n", ref.label(), ref.format(), ref.file());
    if (model.hasSignature()) {
      printTensors("inputs", model.inputs(), out);
      printTensors("outputs", model.outputs(), out);
    } else {
      out.println("inputs/outputs: not recorded in a TorchScript file (forward takes positional tensors; "
          + "run feeds the --inputs in the order given)");
    }
    out.printf(Locale.ROOT, "parameters: %,d%n", model.parameterCount());
    model.opInventory().ifPresentOrElse(ops -> printOps(ops, out),
        () -> out.println("op inventory: not available for TorchScript (no graph op inventory in the file)"));
  }

  private static void printTensors(String title, List<TensorSpec> tensors, PrintStream out) {
    out.println(title + ":");
    int nameWidth = tensors.stream().mapToInt(t -> t.name().length()).max().orElse(0);
    int keyWidth = tensors.stream().mapToInt(t -> t.signatureKey().length()).max().orElse(0);
    for (TensorSpec t : tensors) {
      String type = t.dataType() == null ? "unknown" : t.dataType().toString().toLowerCase(Locale.ROOT);
      String shape = t.shape().length == 0 ? "unknown" : Arrays.toString(t.shape());
      out.printf("  %-" + nameWidth + "s  key %-" + keyWidth + "s  shape %s  %s%n", t.name(), t.signatureKey(),
          shape, type);
    }
  }

  private static void printOps(Map<String, Integer> ops, PrintStream out) {
    int nodes = ops.values().stream().mapToInt(Integer::intValue).sum();
    out.printf("op inventory (%d ops, %d nodes):%n", ops.size(), nodes);
    int width = ops.keySet().stream().mapToInt(String::length).max().orElse(0);
    ops.forEach((op, count) -> out.printf("  %-" + width + "s %5d%n", op, count));
  }
}
