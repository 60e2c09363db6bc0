package ai.posespark.model.tfjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.posespark.model.Npy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * One model instance serves concurrent runs (one per Spark task thread), single images and split batches alike,
 * with identical results. A thread keeps the garbage collector busy meanwhile: arrays whose memory belongs to a
 * Java buffer (DJL's CPU {@code NDManager.create}) break only when a collection frees that buffer under a live
 * view.
 */
class ConcurrencyTest {

  @AfterAll
  static void close() {
    Golden.closeModels();
  }

  @Test
  void concurrentRunsGiveTheSingleThreadedResult() throws Exception {
    Path dir = Golden.goldenDir().resolve("movenet-multipose");
    TfjsGraphModel model = Golden.model("movenet-multipose");
    List<Npy.Array> inputs = new ArrayList<>();
    List<float[]> expected = new ArrayList<>();
    for (String image : List.of("000000000785", "000000197388", "054d9ce9201beffc76e5ff2169d2af2f027002ca")) {
      Npy.Array input = Npy.read(dir.resolve(image).resolve("input.npy"));
      inputs.add(input);
      try (NDManager scope = NDManager.newBaseManager()) {
        expected.add(model.run(scope, new NDList(input.toNDArray(scope))).get(0).toFloatArray());
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
    pool.submit(() -> {
      while (running.get()) {
        System.gc();
        Thread.sleep(2);
      }
      return null;
    });
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        int k = t % inputs.size();
        boolean split = t % 2 == 1;
        runs.add(pool.submit(() -> {
          for (int repeat = 0; repeat < 3; repeat++) {
            try (NDManager scope = NDManager.newBaseManager()) {
              NDArray image = inputs.get(k).toNDArray(scope);
              if (split) { // the image twice as one batch: the split path, traced by whichever is first
                NDArray out = model.runSplitBatch(scope,
                    new NDList(NDArrays.concat(new NDList(image, image), 0))).get(0);
                assertArrayEquals(expected.get(k), out.get("0:1").toFloatArray(), 1e-5f);
                assertArrayEquals(expected.get(k), out.get("1:2").toFloatArray(), 1e-5f);
              } else {
                NDList out = model.run(scope, new NDList(image));
                assertArrayEquals(expected.get(k), out.get(0).toFloatArray(), 1e-5f);
              }
            }
          }
          return null;
        }));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      running.set(false);
      pool.shutdown();
    }
    assertTrue(pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS));
  }
}
