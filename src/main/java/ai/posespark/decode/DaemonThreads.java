package ai.posespark.decode;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Pools of daemon threads for decoding, reused task after task; idle threads end after a minute. */
public final class DaemonThreads {
  private DaemonThreads() {}

  /** A cached pool whose threads are daemons named {@code <prefix>-<n>}. */
  public static ExecutorService cachedPool(String prefix) {
    return Executors.newCachedThreadPool(new ThreadFactory() {
      private final AtomicInteger count = new AtomicInteger();

      @Override
      public Thread newThread(Runnable r) {
        Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
        t.setDaemon(true);
        return t;
      }
    });
  }
}
