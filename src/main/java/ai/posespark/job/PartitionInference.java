package ai.posespark.job;

import ai.posespark.decode.FrameDecodeException;
import ai.posespark.decode.ImageDecoder;
import ai.posespark.decode.RgbImage;
import ai.posespark.model.DeviceChooser;
import ai.posespark.model.EstimatorCache;
import ai.posespark.model.PoseEstimator;
import ai.posespark.model.TorchThreads;
import ai.posespark.pose.PoseDecoder;
import ai.posespark.pose.PoseDecoders;
import ai.posespark.sink.FrameResult;
import ai.posespark.sink.FrameResult.StageTimes;
import ai.posespark.source.FrameTask;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;

/**
 * The executor side of a run, applied to each partition: read → decode → batch → model → decode poses → rows.
 * Works lazily one batch at a time, so a partition of any size needs memory for one batch only. A frame that
 * cannot be read or decoded becomes an {@code error} row with the reason; the partition goes on.
 */
public final class PartitionInference implements FlatMapFunction<Iterator<FrameTask>, Row> {
  private final InferenceSettings settings;
  private final LongAccumulator framesDone;

  /** {@code framesDone} counts frames for the driver's progress display. */
  public PartitionInference(InferenceSettings settings, LongAccumulator framesDone) {
    this.settings = settings;
    this.framesDone = framesDone;
  }

  @Override
  public Iterator<Row> call(Iterator<FrameTask> tasks) {
    TorchThreads.configure();
    if (!tasks.hasNext()) {
      return java.util.Collections.emptyIterator();
    }
    PoseEstimator estimator = EstimatorCache.get(settings.model(), settings.modelLocation(),
        DeviceChooser.choose(settings.device()), settings.hadoop().get());
    String name = settings.model().decoder();
    List<String> outputs = estimator.outputNames();
    // decoders that look outputs up by name get the model's own names; nameless formats get the catalog order
    PoseDecoder decoder = (outputs.isEmpty()
        ? PoseDecoders.byName(name, settings.minPersonScore())
        : PoseDecoders.byName(name, settings.minPersonScore(), outputs))
        .orElseThrow(() -> new IllegalStateException("no decoder " + name));
    return new Iterator<>() {
      private Iterator<Row> batch = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!batch.hasNext() && tasks.hasNext()) {
          batch = runBatch(tasks, estimator, decoder).iterator();
        }
        return batch.hasNext();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return batch.next();
      }
    };
  }

  private List<Row> runBatch(Iterator<FrameTask> tasks, PoseEstimator estimator, PoseDecoder decoder) {
    List<FrameResult> results = new ArrayList<>();
    List<FrameTask> good = new ArrayList<>();
    List<RgbImage> images = new ArrayList<>();
    List<double[]> ioTimes = new ArrayList<>();
    while (tasks.hasNext() && good.size() < settings.batchSize()) {
      FrameTask task = tasks.next();
      long t0 = System.nanoTime();
      byte[] bytes;
      try {
        bytes = read(task);
      } catch (IOException | RuntimeException e) {
        results.add(FrameResult.failed(task, "cannot read: " + e, StageTimes.ZERO));
        continue;
      }
      long t1 = System.nanoTime();
      try {
        images.add(ImageDecoder.decode(bytes));
        good.add(task);
        ioTimes.add(new double[] {(t1 - t0) / 1e6, (System.nanoTime() - t1) / 1e6});
      } catch (FrameDecodeException | RuntimeException e) {
        results.add(FrameResult.failed(task, e.getMessage(),
            new StageTimes((t1 - t0) / 1e6, (System.nanoTime() - t1) / 1e6, 0, 0, 0)));
      }
    }
    if (!good.isEmpty()) {
      PoseEstimator.BatchResult out;
      try {
        out = estimator.estimate(images, decoder);
      } catch (RuntimeException e) {
        // one bad batch (e.g. an image the model cannot take) must not fail the run: its frames say why
        for (FrameTask task : good) {
          results.add(FrameResult.failed(task, "inference failed: " + e, StageTimes.ZERO));
        }
        return toRows(results);
      }
      int n = good.size();
      for (int i = 0; i < n; i++) {
        StageTimes times = new StageTimes(ioTimes.get(i)[0], ioTimes.get(i)[1], out.preprocessMs() / n,
            out.inferenceMs() / n, out.postprocessMs() / n);
        results.add(new FrameResult(good.get(i), images.get(i).width(), images.get(i).height(), null,
            out.persons().get(i), times));
      }
    }
    return toRows(results);
  }

  private List<Row> toRows(List<FrameResult> results) {
    List<Row> rows = new ArrayList<>(results.size());
    for (FrameResult r : results) {
      rows.add(r.toRow(settings.run(), settings.model().name()));
    }
    framesDone.add(rows.size());
    return rows;
  }

  private byte[] read(FrameTask task) throws IOException {
    Path path = new Path(task.uri());
    try (InputStream in = path.getFileSystem(settings.hadoop().get()).open(path)) {
      return in.readAllBytes();
    }
  }
}
