package ai.posespark.cli;

import ai.posespark.model.tfjs.TensorSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * File names for a model's outputs: the output's node name with every character outside {@code [A-Za-z0-9_.-]}
 * replaced by {@code _}, plus {@code .npy} ({@code MobilenetV1/heatmap_2/BiasAdd} → {@code
 * MobilenetV1_heatmap_2_BiasAdd.npy}). Should two outputs map to one name, the later one is named after its
 * signature key, and failing that gets its index appended. A module without declared outputs (TorchScript)
 * writes {@code output_0.npy}, {@code output_1.npy}, ….
 */
public final class ModelOutputFiles {
  private ModelOutputFiles() {}

  /** One file name per output, in order; {@code count} is used when {@code declared} is empty. */
  public static List<String> names(List<TensorSpec> declared, int count) {
    List<String> names = new ArrayList<>();
    if (declared.isEmpty()) {
      for (int i = 0; i < count; i++) {
        names.add("output_" + i + ".npy");
      }
      return names;
    }
    Set<String> taken = new HashSet<>();
    for (int i = 0; i < declared.size(); i++) {
      TensorSpec spec = declared.get(i);
      String name = sanitize(spec.name());
      if (taken.contains(name)) {
        name = sanitize(spec.signatureKey());
      }
      if (taken.contains(name)) {
        name = sanitize(spec.name()) + "_" + i;
      }
      taken.add(name);
      names.add(name + ".npy");
    }
    return names;
  }

  /** {@code name} with every character outside {@code [A-Za-z0-9_.-]} replaced by {@code _}. */
  public static String sanitize(String name) {
    return name.replaceAll("[^A-Za-z0-9_.-]", "_");
  }
}
