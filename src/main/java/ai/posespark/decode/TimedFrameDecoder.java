package ai.posespark.decode;

import ai.posespark.source.FrameTask;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.TaskContext;
import org.apache.spark.util.TaskCompletionListener;

/**
 * Another decoder's frames, each within {@code input.decodeTimeoutMs}, and never an exception: a frame still
 * decoding after the budget (a 20,000-scan progressive JPEG, a read that never returns) and any {@link Throwable}
 * its decoding throws ({@link OutOfMemoryError} and {@link StackOverflowError} included) become that frame's error
 * row, and the task moves on. Each frame is decoded on a pool thread the caller waits for; a frame past its budget
 * is interrupted and abandoned (native code cannot be stopped: its thread finishes on its own and its result is
 * dropped), and the rest of its video range become error rows naming why, since the range's decoder is still busy.
 */
public final class TimedFrameDecoder implements FrameDecoder {
  private static final Object END = new Object();
  /** Daemon threads, reused; one stays busy past the budget only while a hostile frame keeps it. */
  private static final ExecutorService THREADS = DaemonThreads.cachedPool("posespark-timed-decode");

  private final FrameDecoder inner;
  private final long budgetMs;
  private final TaskContext context;

  /**
   * @param inner    the decoder doing the work
   * @param budgetMs how long one frame may take ({@code input.decodeTimeoutMs})
   */
  public TimedFrameDecoder(FrameDecoder inner, long budgetMs) {
    this.inner = inner;
    this.budgetMs = budgetMs;
    // the Spark task of the thread building the loop: its end closes ranges abandoned mid-way
    this.context = TaskContext.get();
  }

  @Override
  public Iterator<DecodedFrame> frames(FrameTask task) {
    return new Timed(task);
  }

  /** One task's frames, decoded one at a time on pool threads. */
  private final class Timed implements Iterator<DecodedFrame> {
    private final FrameTask task;
    private volatile Iterator<DecodedFrame> frames; // used by one pool thread at a time
    private Object ahead; // the next frame, or END
    private int produced;
    private String givenUp; // why the rest of the task is not decoded

    Timed(FrameTask task) {
      this.task = task;
    }

    @Override
    public boolean hasNext() {
      if (ahead == null) {
        ahead = step();
      }
      return ahead != END;
    }

    @Override
    public DecodedFrame next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      DecodedFrame f = (DecodedFrame) ahead;
      ahead = null;
      return f;
    }

    private Object step() {
      if (givenUp != null) {
        return produced < task.frameCount() ? failed("not decoded: " + givenUp, 0) : END;
      }
      long t0 = System.nanoTime();
      Future<DecodedFrame> work = THREADS.submit(this::decodeNext);
      try {
        DecodedFrame f = work.get(budgetMs, TimeUnit.MILLISECONDS);
        if (f == null) {
          return END;
        }
        produced++;
        return f;
      } catch (TimeoutException e) {
        work.cancel(true);
        giveUp("an earlier frame of this range took longer than input.decodeTimeoutMs");
        return failed(String.format("decoding took longer than input.decodeTimeoutMs %,d ms: given up", budgetMs),
            t0);
      } catch (ExecutionException e) {
        giveUp("an earlier frame of this range failed: " + e.getCause());
        return failed("cannot decode: " + e.getCause(), t0);
      } catch (InterruptedException e) {
        work.cancel(true);
        Thread.currentThread().interrupt();
        giveUp("the task was interrupted");
        return failed("not decoded: the task was interrupted", t0);
      }
    }

    /** On a pool thread: the inner decoder's next frame, or null after its last. */
    private DecodedFrame decodeNext() {
      if (frames == null) {
        frames = inner.frames(task);
        if (frames instanceof AutoCloseable closeable && context != null) {
          context.addTaskCompletionListener((TaskCompletionListener) done -> close(closeable));
        }
      }
      return frames.hasNext() ? frames.next() : null;
    }

    private void giveUp(String why) {
      givenUp = why;
      if (frames instanceof AutoCloseable closeable) {
        close(closeable); // a range's decoder closes once the abandoned frame returns (RangeFrames#close)
      }
    }

    private DecodedFrame failed(String error, long t0) {
      FrameTask frame = VideoRangeDecoder.sampledFrame(task, produced);
      produced++;
      return DecodedFrame.failed(frame, error, 0, t0 == 0 ? 0 : (System.nanoTime() - t0) / 1e6);
    }
  }

  private static void close(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing a frame decoder failed", e);
    }
  }
}
