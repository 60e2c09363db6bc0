package ai.posespark.model;

import org.apache.spark.SparkEnv;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sizes PyTorch's intra-op thread pool to the cores Spark gives each task ({@code spark.task.cpus}, default 1).
 * Spark already runs one task per core; letting each task's PyTorch also spread over every core oversubscribes
 * the CPU (on 2 busy cores MoveNet went from ~40 ms to 500+ ms per image). Must run before the engine loads;
 * an explicit {@code -Dai.djl.pytorch.num_threads} wins.
 */
public final class TorchThreads {
  private static final Logger LOG = LoggerFactory.getLogger(TorchThreads.class);
  static final String PROPERTY = "ai.djl.pytorch.num_threads";

  private TorchThreads() {}

  /** The intra-op threads a task's model gets: the configured count, 1 before {@link #configure}. */
  public static int perTask() {
    return Math.max(1, Integer.getInteger(PROPERTY, 1));
  }

  /** Sets the thread count for this executor JVM once. */
  public static synchronized void configure() {
    if (System.getProperty(PROPERTY) != null) {
      return;
    }
    int cpus = 1;
    SparkEnv env = SparkEnv.get();
    if (env != null) {
      cpus = Math.max(1, env.conf().getInt("spark.task.cpus", 1));
    }
    System.setProperty(PROPERTY, Integer.toString(cpus));
    LOG.info("PyTorch intra-op threads per task: {} (spark.task.cpus)", cpus);
  }
}
