package ai.posespark.pipeline;

import ai.posespark.decode.DaemonThreads;
import ai.posespark.decode.DecodedFrame;
import ai.posespark.source.FrameTask;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A partition's frames read, decoded and prepared ({@link PosePipeline#prepare}) on a decode thread, at most
 * {@code capacity} frames ahead of the model, so that file reads (S3, HDFS latency), decoding and the fused
 * letterbox of the next batch overlap the inference of this one. A bounded queue: memory for {@code capacity}
 * decoded frames, however large the partition.
 *
 * <p>The Spark task's own thread keeps pulling the input tasks (Spark's iterators belong to it) and hands them over a
 * short queue, always before it waits for a frame, so the decode thread never waits for work while the task waits
 * for it. Video ranges are decoded frame by frame on the decode thread, so a range never sits in memory whole.
 * Frames come out in input order. {@link #close} stops the thread (task end, failure or kill).
 */
final class FramePrefetch implements Iterator<DecodedFrame>, AutoCloseable {
  private static final Object END = new Object();
  private static final int TASKS_AHEAD = 2;

  private final Iterator<FrameTask> tasks;
  private final BlockingQueue<Object> handed = new ArrayBlockingQueue<>(TASKS_AHEAD + 1);
  private final BlockingQueue<Object> frames;
  private Object peeked; // the next frame or END, once hasNext has taken it
  private final Future<?> worker;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private int queuedTasks;
  private boolean endHanded;
  private boolean done;

  /**
   * @param tasks    the partition's input (pulled on the calling thread only)
   * @param decode   a task's frames, produced lazily
   * @param prepare  per-frame work ahead of the batch (applied to frames that decoded)
   * @param capacity frames decoded ahead, at least 1
   * @param threads  where the decode loop runs: {@link #THREADS} in jobs
   */
  FramePrefetch(Iterator<FrameTask> tasks, Function<FrameTask, Iterator<DecodedFrame>> decode,
                UnaryOperator<DecodedFrame> prepare, int capacity, ExecutorService threads) {
    this.tasks = tasks;
    this.frames = new ArrayBlockingQueue<>(Math.max(1, capacity) + 1);
    this.worker = threads.submit(() -> work(decode, prepare));
  }

  /**
   * The executor JVM's decode threads, reused from task to task: a fresh thread per task would, over a long run,
   * touch a fresh glibc malloc arena each time, and with the large trim threshold PyTorch wants
   * ({@link ai.posespark.model.tfjs.MallocTuning}) every arena keeps up to 32 MB of freed memory (measured: peak
   * RSS +540 MB from 1k to 10k images with a thread per task). Idle threads end after a minute.
   */
  static final ExecutorService THREADS = DaemonThreads.cachedPool("posespark-decode");

  private void work(Function<FrameTask, Iterator<DecodedFrame>> decode, UnaryOperator<DecodedFrame> prepare) {
    try {
      while (true) {
        Object next = handed.take();
        if (next == END) {
          break;
        }
        Iterator<DecodedFrame> decoded = decode.apply((FrameTask) next);
        while (decoded.hasNext()) {
          DecodedFrame f = decoded.next();
          frames.put(f.isOk() ? prepare.apply(f) : f);
        }
        frames.put(TaskDone.INSTANCE);
      }
      frames.put(END);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      try {
        frames.put(e); // the consumer rethrows it
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    } finally {
      stopped.countDown();
    }
  }

  /** Marks the end of one task's frames, so the consumer knows when to hand over another. */
  private enum TaskDone { INSTANCE }

  @Override
  public boolean hasNext() {
    if (done) {
      return false;
    }
    if (peeked == null) {
      peeked = take();
    }
    if (peeked == END) {
      done = true;
      return false;
    }
    return true;
  }

  @Override
  public DecodedFrame next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    DecodedFrame f = (DecodedFrame) peeked;
    peeked = null;
    return f;
  }

  /** The next frame or END, handing tasks over first; skips task boundaries. */
  private Object take() {
    try {
      while (true) {
        handOver();
        Object item = frames.take();
        if (item == TaskDone.INSTANCE) {
          queuedTasks--;
          continue;
        }
        if (item instanceof RuntimeException e) {
          throw e;
        }
        if (item instanceof Error e) {
          throw e;
        }
        return item;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException("frame decoding interrupted (task killed)", e);
    }
  }

  /** Keeps up to {@link #TASKS_AHEAD} tasks with the decode thread, then the end marker. */
  private void handOver() throws InterruptedException {
    while (!endHanded && queuedTasks < TASKS_AHEAD) {
      if (tasks.hasNext()) {
        handed.put(tasks.next());
        queuedTasks++;
      } else {
        handed.put(END);
        endHanded = true;
      }
    }
  }

  /** Stops the decode loop (interrupting a read or decode in flight) and waits for it, at most 10 s. */
  @Override
  public void close() {
    worker.cancel(true);
    try {
      stopped.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
