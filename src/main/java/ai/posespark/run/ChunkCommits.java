package ai.posespark.run;

import ai.posespark.sink.RunTables;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.util.ShutdownHookManager;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Commits a run's chunks one after another and, while it does, answers SIGTERM / Ctrl-C: the chunk in flight is
 * cancelled and its pending folders removed, the committed ones stay, and stderr says what was committed and how
 * to continue. The hook runs before Spark's own (which stops the context) and before Hadoop closes its
 * filesystems; a commit (two renames) and the hook exclude each other, so a chunk is either in or out.
 */
final class ChunkCommits implements AutoCloseable {
  /** Above Spark's shutdown hook (Hadoop priority 40), so the context is still up. */
  private static final int HOOK_PRIORITY = 50;

  private final SparkContext sc;
  private final RunTables sink;
  private final RunFolder folder;
  private final int chunks;
  private final Runnable hook = this::interrupted;
  private int committed;
  private long frames;
  private boolean stopping;
  private volatile boolean staging;

  /** {@code chunks}: how many this run will commit. */
  ChunkCommits(SparkContext sc, RunTables sink, RunFolder folder, int chunks) {
    this.sc = sc;
    this.sink = sink;
    this.folder = folder;
    this.chunks = chunks;
    ShutdownHookManager.get().addShutdownHook(hook, HOOK_PRIORITY, 30, TimeUnit.SECONDS);
  }

  /** Writes chunk {@code k} (persisted inference rows, its input files' versions, {@code count} frames), commits it. */
  void commit(Dataset<Row> inference, Dataset<Row> inputs, int k, long count) throws IOException {
    staging = true;
    try {
      sink.stage(inference, inputs, k);
    } finally {
      staging = false;
    }
    synchronized (this) {
      if (stopping) {
        throw new IOException("interrupted before chunk " + k + " was committed");
      }
      sink.publish(k);
      committed++;
      frames += count;
    }
  }

  /** Frames committed by this run so far. */
  synchronized long frames() {
    return frames;
  }

  @Override
  public void close() {
    if (!ShutdownHookManager.get().isShutdownInProgress()) {
      ShutdownHookManager.get().removeShutdownHook(hook);
    }
  }

  private void interrupted() {
    synchronized (this) {
      stopping = true;
    }
    sc.cancelAllJobs();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    try {
      while (staging && System.nanoTime() < until) {
        Thread.sleep(50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      sink.discardPending();
    } catch (IOException e) {
      System.err.println("posespark: could not remove the chunk in flight: " + e);
    }
    String where = folder.aside()
        ? folder.workDir() + " (the previous output in " + folder.targetDir() + " is untouched; output.mode "
            + "resume continues this overwrite, overwrite starts it again)"
        : folder.workDir() + " (output.mode resume continues with the rest)";
    System.err.printf("posespark: interrupted: %d of %d chunks committed by this run (%d frames); the chunk in "
        + "flight was discarded. Committed output: %s%n", committed, chunks, frames, where);
  }
}
