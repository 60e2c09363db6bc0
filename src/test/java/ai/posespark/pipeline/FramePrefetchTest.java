package ai.posespark.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.posespark.decode.DecodedFrame;
import ai.posespark.source.FrameIds;
import ai.posespark.source.FrameTask;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FramePrefetchTest {
  private static FrameTask task(int i) {
    String uri = "file:/f" + i;
    return new FrameTask(uri, 0, FrameIds.of(uri, 0), i);
  }

  /** Task i stands for i % 3 + 1 frames, as a video range does (frame index = position in the range). */
  private static Iterator<DecodedFrame> frames(FrameTask t) {
    int n = (int) (t.bytes() % 3) + 1;
    return IntStream.range(0, n).mapToObj(k -> DecodedFrame.failed(new FrameTask(t.uri(), k, t.frameId() + k,
        t.bytes()), "frame " + k, 0, 0)).iterator();
  }

  @Test
  void everyFrameOfEveryTaskComesOutInInputOrder() {
    List<FrameTask> tasks = IntStream.range(0, 50).mapToObj(FramePrefetchTest::task).toList();
    List<String> expected = new ArrayList<>();
    tasks.forEach(t -> frames(t).forEachRemaining(f -> expected.add(f.task().uri() + "#" + f.task().frameIndex())));
    List<String> got = new ArrayList<>();
    try (FramePrefetch ahead = new FramePrefetch(tasks.iterator(), FramePrefetchTest::frames, f -> f, 4,
        FramePrefetch.THREADS)) {
      ahead.forEachRemaining(f -> got.add(f.task().uri() + "#" + f.task().frameIndex()));
      assertFalse(ahead.hasNext());
    }
    assertEquals(expected, got);
  }

  @Test
  void decodesNoMoreThanItsCapacityAhead() throws Exception {
    AtomicInteger decoded = new AtomicInteger();
    Iterator<FrameTask> tasks = IntStream.range(0, 1000).mapToObj(i -> task(3 * i)).iterator(); // 1 frame each
    try (FramePrefetch ahead = new FramePrefetch(tasks, t -> {
      decoded.incrementAndGet();
      return frames(t);
    }, f -> f, 8, FramePrefetch.THREADS)) {
      ahead.next();
      Thread.sleep(300);
      // the queue's 8 (+1 slot) and the one the thread holds while it waits: memory stays bounded
      assertTrue(decoded.get() <= 12, decoded.get() + " decoded ahead");
    }
  }

  @Test
  void aDecoderFailureReachesTheTaskThread() {
    Iterator<FrameTask> tasks = IntStream.range(0, 10).mapToObj(FramePrefetchTest::task).iterator();
    try (FramePrefetch ahead = new FramePrefetch(tasks, t -> {
      if (t.bytes() == 5) {
        throw new IllegalStateException("decoder bug");
      }
      return frames(t);
    }, f -> f, 2, FramePrefetch.THREADS)) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> ahead.forEachRemaining(f -> { }));
      assertEquals("decoder bug", e.getMessage());
    }
  }

  @Test
  void closeStopsTheDecodeLoop() throws Exception {
    AtomicInteger decoded = new AtomicInteger();
    Iterator<FrameTask> endless = new Iterator<>() {
      private int i;

      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public FrameTask next() {
        return task(i++);
      }
    };
    FramePrefetch ahead = new FramePrefetch(endless, t -> {
      decoded.incrementAndGet();
      return frames(t);
    }, f -> f, 4, FramePrefetch.THREADS);
    ahead.next();
    ahead.close();
    int after = decoded.get();
    Thread.sleep(200);
    assertEquals(after, decoded.get(), "the decode loop went on after close");
  }
}
