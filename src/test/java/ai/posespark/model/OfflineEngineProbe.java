package ai.posespark.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

/** Run in a child JVM by {@link OfflineEngineTest}: loads PyTorch, computes, prints what it found. */
public final class OfflineEngineProbe {
  private OfflineEngineProbe() {}

  public static void main(String[] args) {
    Engine engine = Engine.getEngine("PyTorch");
    try (NDManager m = engine.newBaseManager()) {
      float sum = m.create(new float[] {1, 2, 3}).sum().getFloat();
      System.out.println("engine=" + engine.getEngineName() + " version=" + engine.getVersion() + " sum=" + sum);
    }
  }
}
