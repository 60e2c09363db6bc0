package ai.posespark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every pose and detector model of the catalog through model-cli: {@code show} names the golden input and lists
 * ops, and {@code run} on one golden input writes every output, each matching TensorFlow.js by name.
 */
class ModelCatalogGoldenTest {
  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"movenet-lightning", "movenet-thunder", "movenet-multipose", "posenet",
      "blazepose-detector", "blazepose-lite", "blazepose-full", "blazepose-heavy", "efficientpose", "centernet",
      "nanodet"})
  void showAndRunMatchTensorFlowJs(String model) throws Exception {
    ModelGoldenCase golden = ModelGoldenCase.first(model);
    ModelCliRun show = ModelCliRun.of("show", "--model", model);
    assertEquals(0, show.code(), show.err());
    assertTrue(show.out().contains("\n  " + golden.inputName() + "  key "), show.out());
    assertTrue(show.out().contains("op inventory ("), show.out());

    ModelCliRun run = ModelCliRun.of("run", "--model", model,
        "--inputs", golden.inputName() + "=" + golden.input(), "--outdir", dir.toString());
    assertEquals(0, run.code(), run.err());
    assertEquals(golden.meta().path("outputs").size(), run.out().strip().lines().count(), run.out());
    golden.assertOutputsMatch(dir);
  }
}
