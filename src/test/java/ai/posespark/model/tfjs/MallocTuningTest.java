package ai.posespark.model.tfjs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.testing.Skip;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MallocTuningTest {

  @Test
  void appliesOnGlibcAndNeverThrows() {
    boolean applied = MallocTuning.apply(); // must not throw anywhere
    boolean glibc = System.getProperty("os.name").startsWith("Linux")
        && (Files.exists(Path.of("/lib/x86_64-linux-gnu/libc.so.6"))
            || Files.exists(Path.of("/lib64/libc.so.6")));
    Skip.unless(glibc, "not a glibc Linux: apply() is a no-op there");
    assertTrue(applied, "mallopt should succeed on glibc");
  }
}
