package ai.posespark.model.tfjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.posespark.model.Npy;
import ai.posespark.testing.Skip;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Access to the installed npm models and the TF.js golden files (shared/golden/tfjs), and the conformance check
 * every model test uses. Tests skip, with the reason printed, where either is absent (a user's clone).
 */
final class Golden {
  /** The pinned package version (package-lock.json); scripts/install-models.sh installs it here. */
  static final String PACKAGE = "human-models-3.0.4";

  private static final Map<String, TfjsGraphModel> MODELS = new ConcurrentHashMap<>();

  private Golden() {}

  /** The folder of model.json files, or skips the test. */
  static Path modelsDir() {
    String root = System.getenv("POSESPARK_MODELS_DIR");
    Path dir = root == null ? null : Path.of(root, PACKAGE, "models");
    Skip.unless(dir != null && Files.isDirectory(dir),
        "models not installed (run scripts/install-models.sh; POSESPARK_MODELS_DIR=" + root + ")");
    return dir;
  }

  /** shared/golden/tfjs, or skips the test. */
  static Path goldenDir() {
    String shared = System.getProperty("posespark.shared");
    Path dir = shared == null ? null : Path.of(shared, "golden", "tfjs");
    Skip.unless(dir != null && Files.isDirectory(dir), "golden files absent (posespark.shared=" + shared + ")");
    return dir;
  }

  /** One argument pair (model, image folder) per golden case of each model; empty when files are absent. */
  static Stream<Arguments> cases(String... models) {
    String shared = System.getProperty("posespark.shared");
    List<Arguments> out = new ArrayList<>();
    for (String model : models) {
      Path dir = shared == null ? null : Path.of(shared, "golden", "tfjs", model);
      if (dir == null || !Files.isDirectory(dir)) {
        out.add(Arguments.of(model, "(golden files absent)"));
        continue;
      }
      try (Stream<Path> images = Files.list(dir)) {
        images.filter(Files::isDirectory).sorted()
            .forEach(p -> out.add(Arguments.of(model, p.getFileName().toString())));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out.stream();
  }

  /** The model, loaded once per JVM on the CPU. */
  static TfjsGraphModel model(String name) {
    Path json = modelsDir().resolve(name + ".json");
    Skip.unless(Files.exists(json), json + " missing");
    return MODELS.computeIfAbsent(name, n -> {
      try {
        return TfjsGraphModel.load(json, Device.cpu());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** Frees every model loaded by {@link #model}. */
  static void closeModels() {
    MODELS.values().forEach(TfjsGraphModel::close);
    MODELS.clear();
  }

  /**
   * Feeds the case's input.npy to the model and checks every output, matched by name from meta.json:
   * {@code max|ours - golden| <= max(relative * max(1, max|golden|), absolute.get(name))}.
   */
  static void assertConforms(String modelName, String image, double relative, Map<String, Double> absolute)
      throws IOException {
    Path dir = goldenDir().resolve(modelName).resolve(image);
    Skip.unless(Files.isDirectory(dir), dir + " missing");
    TfjsGraphModel model = model(modelName);
    JsonNode meta = new ObjectMapper().readTree(dir.resolve("meta.json").toFile());
    try (NDManager scope = NDManager.newBaseManager(Device.cpu())) {
      NDArray input = Npy.read(scope, dir.resolve(meta.path("input").path("file").asText("input.npy")));
      long start = System.nanoTime();
      NDList outputs = model.run(scope, new NDList(input));
      double ms = (System.nanoTime() - start) / 1e6;
      assertEquals(model.outputs().size(), outputs.size());
      assertEquals(meta.path("outputs").size(), outputs.size(), "output count");
      for (JsonNode o : meta.path("outputs")) {
        String name = o.path("name").asText();
        int index = indexOf(model, name);
        Npy.Array golden = Npy.read(dir.resolve(o.path("file").asText()));
        NDArray ours = outputs.get(index);
        assertArrayEquals(golden.shape(), ours.getShape().getShape(), name + " shape");
        float[] want = golden.toFloatArray();
        float[] got = ours.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
        double maxDiff = 0;
        double maxAbs = 0;
        for (int k = 0; k < want.length; k++) {
          maxDiff = Math.max(maxDiff, Math.abs((double) got[k] - want[k]));
          maxAbs = Math.max(maxAbs, Math.abs(want[k]));
          if (Float.isNaN(got[k]) != Float.isNaN(want[k])) {
            maxDiff = Double.POSITIVE_INFINITY;
          }
        }
        double bound = Math.max(relative * Math.max(1, maxAbs), absolute.getOrDefault(name, 0.0));
        System.out.printf("%s/%s %-45s max|diff| %.3e  (bound %.1e, max|golden| %.3g, run %.0f ms)%n",
            modelName, image, name, maxDiff, bound, maxAbs, ms);
        assertTrue(maxDiff <= bound, modelName + "/" + image + " " + name + ": max|diff| " + maxDiff
            + " > " + bound);
      }
    }
  }

  private static int indexOf(TfjsGraphModel model, String name) {
    for (int k = 0; k < model.outputs().size(); k++) {
      TensorSpec s = model.outputs().get(k);
      if (s.name().equals(name) || s.name().equals(name + ":0")) {
        return k;
      }
    }
    assertNotNull(null, model.name() + " has no output named " + name + ": " + model.outputs());
    return -1;
  }
}
