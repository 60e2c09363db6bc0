package ai.posespark.cli;

import ai.djl.ndarray.types.DataType;
import ai.posespark.model.Npy;
import ai.posespark.model.tfjs.TensorSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Binds {@code --inputs NAME=FILE.npy[,NAME2=FILE2.npy]} to a model's inputs: NAME is the input's placeholder
 * name or signature key; every declared input must be given once, with the declared type and with every known
 * dimension of the declared shape. A model without a signature (TorchScript) takes the files in the order given.
 */
public final class ModelInputBinding {
  private ModelInputBinding() {}

  /** Parses {@code NAME=FILE} pairs, keeping their order; a pair without {@code =} or a repeated name is an error. */
  public static Map<String, Path> parse(List<String> pairs) throws ModelCliException {
    Map<String, Path> files = new LinkedHashMap<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      if (eq <= 0 || eq == pair.length() - 1) {
        throw new ModelCliException("--inputs: '" + pair + "' is not NAME=FILE.npy");
      }
      if (files.put(pair.substring(0, eq), Path.of(pair.substring(eq + 1))) != null) {
        throw new ModelCliException("--inputs: input '" + pair.substring(0, eq) + "' is given twice");
      }
    }
    return files;
  }

  /**
   * Reads the files and orders them as {@code declared} (or as given when {@code declared} is empty), checking
   * names, shapes and types.
   */
  public static List<Npy.Array> bind(Map<String, Path> files, List<TensorSpec> declared) throws ModelCliException {
    if (declared.isEmpty()) {
      List<Npy.Array> arrays = new ArrayList<>();
      for (Map.Entry<String, Path> f : files.entrySet()) {
        arrays.add(read(f.getKey(), f.getValue()));
      }
      return arrays;
    }
    Map<TensorSpec, Path> byInput = new LinkedHashMap<>();
    for (Map.Entry<String, Path> f : files.entrySet()) {
      TensorSpec spec = declared.stream().filter(s -> names(s, f.getKey())).findFirst().orElseThrow(() ->
          new ModelCliException("unknown input '" + f.getKey() + "'; the model's inputs are " + describe(declared)));
      if (byInput.put(spec, f.getValue()) != null) {
        throw new ModelCliException("input '" + spec.name() + "' is given twice (by name and by signature key)");
      }
    }
    List<Npy.Array> arrays = new ArrayList<>();
    for (TensorSpec spec : declared) {
      Path file = byInput.get(spec);
      if (file == null) {
        throw new ModelCliException("input '" + spec.name() + "' is missing; the model's inputs are "
            + describe(declared));
      }
      Npy.Array array = read(spec.name(), file);
      check(spec, array, file);
      arrays.add(array);
    }
    return arrays;
  }

  private static boolean names(TensorSpec spec, String name) {
    return spec.name().equals(name) || spec.signatureKey().equals(name) || (spec.name() + ":0").equals(name);
  }

  private static Npy.Array read(String name, Path file) throws ModelCliException {
    try {
      return Npy.read(file);
    } catch (IOException | RuntimeException e) {
      throw new ModelCliException("input '" + name + "': cannot read " + file + ": "
          + ModelReference.oneLine(e), e);
    }
  }

  private static void check(TensorSpec spec, Npy.Array array, Path file) throws ModelCliException {
    DataType want = spec.dataType();
    if (want != null && want != array.dataType()) {
      throw new ModelCliException("input '" + spec.name() + "': " + file + " holds " + typeName(array.dataType())
          + ", the model declares " + typeName(want));
    }
    long[] declared = spec.shape();
    boolean fits = declared.length == 0 || declared.length == array.shape().length;
    for (int d = 0; fits && d < declared.length; d++) {
      fits = declared[d] < 0 || declared[d] == array.shape()[d];
    }
    if (!fits) {
      throw new ModelCliException("input '" + spec.name() + "': " + file + " has shape "
          + Arrays.toString(array.shape()) + ", the model declares " + Arrays.toString(declared) + " (-1: any)");
    }
  }

  private static String describe(List<TensorSpec> declared) {
    return declared.stream().map(s -> s.name().equals(s.signatureKey()) ? "'" + s.name() + "'"
        : "'" + s.name() + "' (key '" + s.signatureKey() + "')").reduce((a, b) -> a + ", " + b).orElse("none");
  }

  private static String typeName(DataType type) {
    return type.toString().toLowerCase(Locale.ROOT);
  }
}
