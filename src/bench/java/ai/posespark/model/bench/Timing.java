package ai.posespark.model.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;

/** How the model benchmarks time one call: median latency on the calling thread, and S streams back to back. */
public final class Timing {
  private Timing() {}

  /** One model call (a batch), waiting for every result as a caller reading them would. */
  @FunctionalInterface
  public interface Call {
    void run() throws Exception;
  }

  /** Median wall and calling-thread CPU milliseconds per call after {@code warmup} calls, and the call count. */
  public static double[] median(Call call, int iterations, int warmup) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int k = 0; k < warmup; k++) {
      call.run();
    }
    List<Double> wall = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    for (int k = 0; k < iterations; k++) {
      long c = threads.getCurrentThreadCpuTime();
      long t = System.nanoTime();
      call.run();
      wall.add((System.nanoTime() - t) / 1e6);
      cpu.add((threads.getCurrentThreadCpuTime() - c) / 1e6);
    }
    return new double[] {middle(wall), middle(cpu), iterations};
  }

  /**
   * {@code streams} threads making {@code perStream} calls each after a quarter as many untimed ones: wall ms per
   * item of all streams together (elapsed / items), CPU ms per item (all streams' thread CPU / items), items.
   *
   * @param itemsPerCall inputs in one call (its batch)
   */
  public static double[] streams(Call call, int streams, int perStream, long itemsPerCall) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    CyclicBarrier start = new CyclicBarrier(streams + 1);
    CountDownLatch done = new CountDownLatch(streams);
    long[] cpu = new long[streams];
    Throwable[] failure = new Throwable[1];
    List<Thread> workers = new ArrayList<>();
    for (int s = 0; s < streams; s++) {
      int stream = s;
      Thread worker = new Thread(() -> {
        try {
          for (int k = 0; k < Math.max(3, perStream / 4); k++) {
            call.run();
          }
          start.await();
          long c = threads.getCurrentThreadCpuTime();
          for (int k = 0; k < perStream; k++) {
            call.run();
          }
          cpu[stream] = threads.getCurrentThreadCpuTime() - c;
        } catch (Throwable e) {
          synchronized (failure) {
            failure[0] = e;
          }
          start.reset();
        } finally {
          done.countDown();
        }
      }, "bench-stream-" + s);
      worker.start();
      workers.add(worker);
    }
    start.await();
    long t = System.nanoTime();
    done.await();
    double wall = (System.nanoTime() - t) / 1e6;
    for (Thread w : workers) {
      w.join();
    }
    if (failure[0] != null) {
      throw new IllegalStateException("a stream failed: " + failure[0], failure[0]);
    }
    double items = (double) streams * perStream * itemsPerCall;
    return new double[] {wall / items, Arrays.stream(cpu).sum() / 1e6 / items, items};
  }

  private static double middle(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
