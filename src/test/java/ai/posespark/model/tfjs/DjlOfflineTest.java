package ai.posespark.model.tfjs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/** DJL must run fully offline: native PyTorch comes from the Maven jars, never from a download. */
class DjlOfflineTest {

  @Test
  void pytorchEngineLoadsOfflineFromMavenJars() {
    assertEquals("true", System.getProperty("ai.djl.offline"), "surefire must set -Dai.djl.offline=true");
    Engine engine = Engine.getEngine("PyTorch");
    assertNotNull(engine);
    assertEquals("PyTorch", engine.getEngineName());
    try (NDManager manager = engine.newBaseManager()) {
      NDArray a = manager.create(new float[] {1, 2, 3});
      assertEquals(6f, a.sum().getFloat());
    }
    System.out.println("PyTorch engine " + engine.getVersion() + " loaded offline");
  }
}
