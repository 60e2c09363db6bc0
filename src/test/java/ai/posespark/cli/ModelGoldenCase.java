package ai.posespark.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.model.Npy;
import ai.posespark.run.TestModels;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * One TF.js golden case ({@code shared/golden/tfjs/<model>/<image>/}): its input, and the check of model-cli's
 * output files against the golden outputs, matched by name through meta.json:
 * {@code max|ours - golden| <= 1e-3 * max(1, max|golden|)}, or 5e-3 absolute for the BlazePose segmentation mask
 * (where two TF.js backends already differ by 2.4e-3, see the golden README).
 */
record ModelGoldenCase(String model, Path dir, JsonNode meta) {

  /** The first golden case of {@code model} (sorted by image), or a skip when models or ../shared are absent. */
  static ModelGoldenCase first(String model) throws IOException {
    TestModels.assumeInstalled(model);
    Path modelDir = TestModels.shared().resolve("golden").resolve("tfjs").resolve(model);
    try (Stream<Path> cases = Files.list(modelDir)) {
      Path dir = cases.filter(Files::isDirectory).sorted().findFirst().orElseThrow();
      return new ModelGoldenCase(model, dir, new ObjectMapper().readTree(dir.resolve("meta.json").toFile()));
    }
  }

  /** The input's placeholder name. */
  String inputName() {
    return meta.path("input").path("name").asText();
  }

  /** The input .npy file. */
  Path input() {
    return dir.resolve(meta.path("input").path("file").asText("input.npy"));
  }

  /** Checks every golden output against the file model-cli wrote for it in {@code outdir}. */
  void assertOutputsMatch(Path outdir) throws IOException {
    for (JsonNode o : meta.path("outputs")) {
      String name = o.path("name").asText();
      Path ours = outdir.resolve(ModelOutputFiles.sanitize(name) + ".npy");
      assertTrue(Files.isRegularFile(ours), model + ": no output file " + ours.getFileName() + " for " + name);
      Npy.Array want = Npy.read(dir.resolve(o.path("file").asText()));
      Npy.Array got = Npy.read(ours);
      assertArrayEquals(want.shape(), got.shape(), model + " " + name + " shape");
      float[] w = want.toFloatArray();
      float[] g = got.toFloatArray();
      double maxDiff = 0;
      double maxAbs = 0;
      for (int k = 0; k < w.length; k++) {
        maxDiff = Float.isNaN(g[k]) != Float.isNaN(w[k]) ? Double.POSITIVE_INFINITY
            : Math.max(maxDiff, Math.abs((double) g[k] - w[k]));
        maxAbs = Math.max(maxAbs, Math.abs(w[k]));
      }
      boolean mask = model.startsWith("blazepose-") && !model.equals("blazepose-detector")
          && name.equals("Identity_1");
      double bound = mask ? 5e-3 : 1e-3 * Math.max(1, maxAbs);
      System.out.printf("%s %-42s max|diff| %.2e (bound %.1e)%n", model, name, maxDiff, bound);
      assertTrue(maxDiff <= bound, model + " " + name + ": max|diff| " + maxDiff + " > " + bound);
    }
  }
}
