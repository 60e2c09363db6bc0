package ai.posespark.pipeline;

import ai.posespark.decode.DecodedFrame;
import ai.posespark.source.FrameTask;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A partition's frames read, decoded and prepared ({@link PosePipeline#prepare}) on a thread of their own, at most
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
  private final ArrayDeque<Object> peeked = new ArrayDeque<>(1);
  private final Thread thread;
  private int queuedTasks;
  private boolean endHanded;
  private boolean done;

  /**
   * @param tasks    the partition's input (pulled on the calling thread only)
   * @param decode   a task's frames, produced lazily
   * @param prepare  per-frame work ahead of the batch (applied to frames that decoded)
   * @param capacity frames decoded ahead, at least 1
   */
  FramePrefetch(Iterator<FrameTask> tasks, Function<FrameTask, Iterator<DecodedFrame>> decode,
                UnaryOperator<DecodedFrame> prepare, int capacity) {
    this.tasks = tasks;
    this.frames = new ArrayBlockingQueue<>(Math.max(1, capacity) + 1);
    this.thread = new Thread(() -> work(decode, prepare), "posespark-decode-" + Thread.currentThread().getName());
    thread.setDaemon(true);
    thread.start();
  }

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
      } catch (InterruptedException stopped) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Marks the end of one task's frames, so the consumer knows when to hand over another. */
  private enum TaskDone { INSTANCE }

  @Override
  public boolean hasNext() {
    if (done) {
      return false;
    }
    if (peeked.isEmpty()) {
      peeked.add(take());
    }
    if (peeked.peek() == END) {
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
    return (DecodedFrame) peeked.poll();
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

  @Override
  public void close() {
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
