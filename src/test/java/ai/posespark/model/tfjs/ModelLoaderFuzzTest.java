package ai.posespark.model.tfjs;

import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.Device;
import ai.posespark.testing.Mutator;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded mutation fuzz test of the TF.js loader: 400 mutations of a valid model.json and its shard (spans
 * deleted or duplicated, syntax characters swapped in, extreme numbers, shards cut or extended). Each load must
 * succeed or fail with the documented error, an {@link IOException} (mostly {@link TfjsModelException}) whose
 * one-line message names the model; any other exception is a bug, reported with the case to replay it.
 */
class ModelLoaderFuzzTest {
  private static final int CASES = 400;

  @TempDir
  Path dir;

  @Test
  void mutatedModelsLoadOrFailWithTheDocumentedError() throws IOException {
    Mutator mutator = new Mutator(20261202);
    int loaded = 0;
    int refused = 0;
    for (int i = 0; i < CASES; i++) {
      String json = mutator.chance(0.85) ? mutator.mutate(TinyGraph.valid()) : TinyGraph.valid();
      byte[] shard = mutator.chance(0.25) ? mutator.resize(TinyGraph.SHARD) : TinyGraph.SHARD;
      Path file = TinyGraph.write(dir.resolve("case" + i), "case" + i, json, shard);
      try {
        TfjsGraphModel.load(file, Device.cpu()).close();
        loaded++;
      } catch (IOException e) {
        assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "case " + i + ": no message");
        refused++;
      } catch (RuntimeException e) {
        throw new AssertionError("case " + i + " crashed the loader with " + e + "\nmodel.json:\n" + json, e);
      }
    }
    System.out.printf("model loader fuzz: %d cases, %d loaded, %d refused with a reason, 0 crashes%n", CASES,
        loaded, refused);
  }
}
