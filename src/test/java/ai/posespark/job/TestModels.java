package ai.posespark.job;

import ai.posespark.model.ModelCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Skips a test, saying why, when the model package or ../shared is not on this machine. */
public final class TestModels {
  private TestModels() {}

  public static void assumeInstalled(String model) {
    Path file = ModelCatalog.bundled().packageFolder().resolve(model + ".json");
    assume(Files.isRegularFile(file), "model " + model + " not installed at " + file
        + " (run scripts/install-models.sh)");
  }

  /** {@code ../shared} (reference data), or a skip. */
  public static Path shared() {
    Path shared = Path.of(System.getProperty("posespark.shared", "../shared")).toAbsolutePath().normalize();
    assume(Files.isDirectory(shared.resolve("data")), "../shared is absent (" + shared + "): reference data test");
    return shared;
  }

  private static void assume(boolean ok, String reason) {
    if (!ok) {
      System.err.println("SKIPPED: " + reason);
    }
    Assumptions.assumeTrue(ok, reason);
  }
}
