package ai.posespark.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DJL runs offline with nothing prepared: a fresh JVM with an EMPTY DJL cache, offline mode, and every HTTP(S)
 * connection sent to a closed local port (so any download attempt fails) still loads PyTorch — libtorch is
 * unpacked from the Maven jars on the classpath into the cache.
 */
class OfflineEngineTest {
  @TempDir
  Path cache;

  @Test
  void pytorchLoadsFromMavenJarsIntoAnEmptyCacheWithTheNetworkBlocked() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = List.of(java, "-Dai.djl.offline=true",
        "-Dhttp.proxyHost=127.0.0.1", "-Dhttp.proxyPort=9", "-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=9",
        "-cp", System.getProperty("java.class.path"), OfflineEngineProbe.class.getName());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("DJL_CACHE_DIR", cache.toString());
    pb.environment().remove("PYTORCH_LIBRARY_PATH");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "probe finished");
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("engine=PyTorch") && out.contains("sum=6.0"), out);
    try (Stream<Path> files = Files.walk(cache)) {
      assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("libtorch")),
          "libtorch was unpacked into the empty cache");
    }
  }
}
