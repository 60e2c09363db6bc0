package ai.posespark.run;

import ai.posespark.model.ModelCatalog;
import ai.posespark.testing.Skip;
import java.nio.file.Files;
import java.nio.file.Path;

/** Skips a test, saying why, when the model package or ../shared is not on this machine. */
public final class TestModels {
  private TestModels() {}

  /** Skips the calling test unless catalog model {@code model} is in the installed model package. */
  public static void assumeInstalled(String model) {
    Path file = ModelCatalog.bundled().packageFolder().resolve(model + ".json");
    Skip.unless(Files.isRegularFile(file), "model " + model + " not installed at " + file
        + " (run scripts/install-models.sh)");
  }

  /** {@code ../shared} (reference data), or a skip. */
  public static Path shared() {
    Path shared = Path.of(System.getProperty("posespark.shared", "../shared")).toAbsolutePath().normalize();
    Skip.unless(Files.isDirectory(shared.resolve("data")),
        "../shared is absent (" + shared + "): reference data test");
    return shared;
  }

  /** The skier golden case of movenet-lightning (needs ../shared: call {@link #shared()} first). */
  public static Path lightningGoldenCase() {
    return shared().resolve("golden/tfjs/movenet-lightning/000000000785");
  }

  /** Asserts that model-cli wrote lightning's output for {@link #lightningGoldenCase()} into {@code outDir}. */
  public static void assertLightningGoldenOutput(Path outDir) throws java.io.IOException {
    float[] ours = ai.posespark.model.Npy.read(outDir.resolve("Identity.npy")).toFloatArray();
    float[] expected = ai.posespark.model.Npy.read(lightningGoldenCase().resolve("output_0_Identity.npy"))
        .toFloatArray();
    org.junit.jupiter.api.Assertions.assertEquals(expected.length, ours.length);
    for (int i = 0; i < expected.length; i++) {
      org.junit.jupiter.api.Assertions.assertEquals(expected[i], ours[i], 1e-3, "element " + i);
    }
  }
}
