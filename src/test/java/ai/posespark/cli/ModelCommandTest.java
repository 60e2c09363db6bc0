package ai.posespark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.model.ModelCatalog;
import ai.posespark.model.Npy;
import ai.posespark.model.TorchScriptFixture;
import ai.posespark.run.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** model-cli end to end, in process: show, run against a golden case, model URIs, TorchScript, and user errors. */
class ModelCommandTest {
  @TempDir
  Path dir;

  @Test
  void runWritesIdentityMatchingTheGoldenOutput() throws Exception {
    ModelGoldenCase golden = ModelGoldenCase.first("movenet-lightning");
    ModelCliRun run = ModelCliRun.of("run", "--model", "movenet-lightning",
        "--inputs", golden.inputName() + "=" + golden.input(), "--outdir", dir.toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(Files.isRegularFile(dir.resolve("Identity.npy")));
    golden.assertOutputsMatch(dir);
  }

  @Test
  void showPrintsSignatureParametersAndOpInventory() {
    TestModels.assumeInstalled("movenet-lightning");
    ModelCliRun run = ModelCliRun.of("show", "--model", "movenet-lightning");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("input  key input:0  shape [1, 192, 192, 3]  int32"), run.out());
    assertTrue(run.out().contains("Identity"), run.out());
    assertTrue(run.out().contains("parameters: "), run.out());
    assertTrue(run.out().contains("op inventory (24 ops, 331 nodes)"), run.out());
    assertTrue(run.out().matches("(?s).*\\n  _FusedConv2D +50\\n.*"), run.out());
  }

  @Test
  void runTakesAFileUriAndTheSignatureKey() throws Exception {
    ModelGoldenCase golden = ModelGoldenCase.first("movenet-lightning");
    Path json = ModelCatalog.bundled().packageFolder().resolve("movenet-lightning.json");
    ModelCliRun run = ModelCliRun.of("run", "--model", json.toUri().toString(),
        "--inputs", "input:0=" + golden.input(), "--outdir", dir.toString());
    assertEquals(0, run.code(), run.err());
    golden.assertOutputsMatch(dir);
  }

  @Test
  void unknownInputNameExitsTwoNamingTheInputs() throws Exception {
    ModelGoldenCase golden = ModelGoldenCase.first("movenet-lightning");
    ModelCliRun run = ModelCliRun.of("run", "--model", "movenet-lightning", "--inputs", "image=" + golden.input(),
        "--outdir", dir.toString());
    assertEquals(2, run.code());
    assertEquals("model-cli: unknown input 'image'; the model's inputs are 'input' (key 'input:0')",
        run.err().strip());
  }

  @Test
  void inputOfTheWrongShapeOrTypeExitsTwo() throws Exception {
    TestModels.assumeInstalled("movenet-lightning");
    Path small = dir.resolve("small.npy");
    Npy.write(small, Npy.Array.of(new int[1 * 100 * 100 * 3], 1, 100, 100, 3));
    ModelCliRun shape = ModelCliRun.of("run", "--model", "movenet-lightning", "--inputs", "input=" + small,
        "--outdir", dir.toString());
    assertEquals(2, shape.code());
    assertTrue(shape.err().contains("has shape [1, 100, 100, 3], the model declares [1, 192, 192, 3]"),
        shape.err());
    Path floats = dir.resolve("floats.npy");
    Npy.write(floats, Npy.Array.of(new float[192 * 192 * 3], 1, 192, 192, 3));
    ModelCliRun type = ModelCliRun.of("run", "--model", "movenet-lightning", "--inputs", "input=" + floats,
        "--outdir", dir.toString());
    assertEquals(2, type.code());
    assertTrue(type.err().contains("holds float32, the model declares int32"), type.err());
  }

  @Test
  void unknownModelExitsTwoWithOneLine() {
    ModelCliRun run = ModelCliRun.of("show", "--model", "openpose-9000");
    assertEquals(2, run.code());
    assertTrue(run.err().startsWith("model-cli: unknown model 'openpose-9000': not a catalog name ("), run.err());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    ModelCliRun missing = ModelCliRun.of("show", "--model", dir.resolve("absent.json").toString());
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("does not exist"), missing.err());
  }

  @Test
  void torchScriptShowSaysWhatIsUnknownAndRunTakesPositionalInputs() throws Exception {
    Path module = TorchScriptFixture.write(dir.resolve("brightest.pt"));
    ModelCliRun show = ModelCliRun.of("show", "--model", module.toString());
    assertEquals(0, show.code(), show.err());
    assertTrue(show.out().contains("op inventory: not available for TorchScript"), show.out());
    assertTrue(show.out().contains("parameters: 0"), show.out());
    int[] image = new int[1 * 8 * 8 * 3];
    image[(2 * 8 + 5) * 3] = 255; // brightest pixel at row 2, column 5
    Path input = dir.resolve("image.npy");
    Npy.write(input, Npy.Array.of(image, 1, 8, 8, 3));
    Path out = dir.resolve("out");
    ModelCliRun run = ModelCliRun.of("run", "--model", module.toString(), "--inputs", "x=" + input,
        "--outdir", out.toString());
    assertEquals(0, run.code(), run.err());
    float[] keypoints = Npy.read(out.resolve("output_0.npy")).toFloatArray();
    assertEquals(17 * 3, keypoints.length);
    assertEquals((2 + 0.5f) / 8, keypoints[0], 1e-6);
    assertEquals((5 + 0.5f) / 8, keypoints[1], 1e-6);
  }

  @Test
  void noSubcommandIsAUsageError() {
    assertEquals(2, ModelCliRun.of().code());
  }
}
