package ai.posespark.pipeline;

import ai.djl.Device;
import ai.posespark.decode.DecodedFrame;
import ai.posespark.decode.FrameDecoder;
import ai.posespark.decode.ImageFrameDecoder;
import ai.posespark.decode.Subsampling;
import ai.posespark.decode.TimedFrameDecoder;
import ai.posespark.decode.VideoRangeDecoder;
import ai.posespark.model.DeviceChooser;
import ai.posespark.model.ModelCache;
import ai.posespark.model.TorchThreads;
import ai.posespark.pose.Person;
import ai.posespark.sink.FrameResult;
import ai.posespark.source.FrameTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.TaskCompletionListener;

/**
 * The executor loop every pipeline shares, applied to each partition: decode frames → batch → pipeline → rows.
 * Tasks with a video range go to {@link VideoRangeDecoder} (one frame per sampled frame), others to
 * {@link ImageFrameDecoder}; with {@code execution.prefetch} a thread of the task's own reads, decodes and prepares
 * the next batch while this one runs ({@link FramePrefetch}). Lazy, so a partition of any size needs memory for a
 * batch and what is decoded ahead only.
 * A frame that cannot be read or decoded, or takes longer than {@code input.decodeTimeoutMs}
 * ({@link TimedFrameDecoder}), becomes an {@code error} row with the reason, a batch the pipeline fails on
 * becomes error rows for its frames; the partition goes on. A frame that kills the executor JVM (a native crash, an
 * OOM with {@code -XX:+ExitOnOutOfMemoryError}) is found by the retried task ({@link InflightMarkers}) and gets an
 * error row. Knows no pipeline: {@link PipelinePlan} builds it,
 * {@link PosePipeline} runs it.
 */
public final class PartitionRunner implements FlatMapFunction<Iterator<FrameTask>, Row> {
  private final RunSettings settings;
  private final LongAccumulator framesDone;
  private final CollectionAccumulator<String> modelLoads;
  private final String runDir;

  /**
   * @param framesDone counts frames for the driver's progress display (null: none)
   * @param modelLoads each task adds {@code <executor id>=<models its JVM has loaded>}: one model per executor JVM
   *                   shows as a count that stays put however many tasks ran there (null: none, e.g. the loop
   *                   benchmark, which runs this same loop on plain threads without Spark)
   */
  public PartitionRunner(RunSettings settings, LongAccumulator framesDone, CollectionAccumulator<String> modelLoads) {
    this(settings, framesDone, modelLoads, null);
  }

  /**
   * @param runDir where the run writes: its {@link InflightMarkers} record each frame in flight, so a frame that
   *               kills the executor gets an error row when Spark retries the task (null: no markers, outside
   *               Spark)
   */
  public PartitionRunner(RunSettings settings, LongAccumulator framesDone, CollectionAccumulator<String> modelLoads,
                         String runDir) {
    this.settings = settings;
    this.framesDone = framesDone;
    this.modelLoads = modelLoads;
    this.runDir = runDir;
  }

  @Override
  public Iterator<Row> call(Iterator<FrameTask> tasks) {
    TorchThreads.configure();
    // ImageIO's default stream cache is an imageio*.tmp file per image, left behind when the JVM is killed
    ImageIO.setUseCache(false);
    if (!tasks.hasNext()) {
      return Collections.emptyIterator();
    }
    Device device = DeviceChooser.choose(settings.device());
    PosePipeline pipeline = settings.plan().open(device, settings.hadoop().get());
    if (modelLoads != null) {
      modelLoads.add(SparkEnv.get().executorId() + "=" + ModelCache.loads());
    }
    long budget = settings.limits().decodeTimeoutMs();
    FrameDecoder images = new TimedFrameDecoder(new ImageFrameDecoder(settings.hadoop().get(), settings.limits(),
        settings.decodeTarget()), budget);
    FrameDecoder videos = new TimedFrameDecoder(new VideoRangeDecoder(settings.hadoop().get(), settings.limits()),
        budget);
    FrameDecoder decoder = inflight(task -> (task.range() != null ? videos : images).frames(task));
    Function<FrameTask, Iterator<DecodedFrame>> decode = decoder::frames;
    Iterator<DecodedFrame> frames;
    if (settings.prefetch() > 0) {
      FramePrefetch ahead = new FramePrefetch(tasks, decode, pipeline::prepare,
          settings.prefetch() * settings.batchSize(), FramePrefetch.THREADS);
      TaskContext task = TaskContext.get();
      if (task != null) {
        task.addTaskCompletionListener((TaskCompletionListener) done -> ahead.close());
      }
      frames = ahead;
    } else {
      frames = chained(tasks::hasNext, () -> decode.apply(tasks.next()));
    }
    return chained(frames::hasNext, () -> runBatch(frames, pipeline, device).iterator());
  }

  /** {@code decoder} with each frame recorded in flight and the frames that killed an executor left out. */
  private FrameDecoder inflight(FrameDecoder decoder) {
    TaskContext task = TaskContext.get();
    if (runDir == null || task == null) {
      return decoder;
    }
    try {
      InflightMarkers markers = InflightMarkers.of(runDir, settings.hadoop().get());
      InflightMarkers.TaskLog log = markers.open(task.stageId() + "-" + task.partitionId(), task.attemptNumber());
      task.addTaskCompletionListener((TaskCompletionListener) done -> closeQuietly(log));
      return new InflightFrameDecoder(decoder, log, markers.died());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the in-flight log in " + runDir, e);
    }
  }

  private static void closeQuietly(InflightMarkers.TaskLog log) {
    try {
      log.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the in-flight log", e);
    }
  }

  /**
   * The elements of chunks made on demand: while the current chunk is exhausted and {@code more} says input remains,
   * {@code next} makes the next one (one task's frames, one batch's rows), so nothing is produced ahead of need.
   */
  private static <R> Iterator<R> chained(BooleanSupplier more, Supplier<Iterator<R>> next) {
    return new Iterator<>() {
      private Iterator<R> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && more.getAsBoolean()) {
          current = next.get();
        }
        return current.hasNext();
      }

      @Override
      public R next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /** Decodes up to a batch of good frames (failed ones become rows at once) and runs the pipeline on them. */
  private List<Row> runBatch(Iterator<DecodedFrame> frames, PosePipeline pipeline, Device device) {
    List<String> stages = settings.stages();
    List<FrameResult> results = new ArrayList<>();
    List<DecodedFrame> good = new ArrayList<>();
    while (frames.hasNext() && good.size() < settings.batchSize()) {
      DecodedFrame f = frames.next();
      if (f.isOk()) {
        good.add(f);
      } else {
        results.add(FrameResult.failed(f.task(), f.error(), loopTimes(f, stages.size())));
      }
    }
    if (!good.isEmpty()) {
      results.addAll(runPipeline(good, pipeline, device, stages.size()));
    }
    List<Row> rows = new ArrayList<>(results.size());
    for (FrameResult r : results) {
      rows.add(r.toRow(settings.run(), settings.plan().model(), DeviceChooser.name(device),
          DeviceChooser.assignedAddress()));
    }
    if (framesDone != null) {
      framesDone.add(rows.size());
    }
    return rows;
  }

  private List<FrameResult> runPipeline(List<DecodedFrame> good, PosePipeline pipeline, Device device, int stages) {
    List<List<Person>> people;
    double[][] own = new double[good.size()][];
    String[] notes = new String[good.size()];
    try (StageContext context = new StageContext(device, settings.plan().stages(), good.size())) {
      people = pipeline.run(good, context);
      for (int i = 0; i < own.length; i++) {
        own[i] = context.times(i);
        notes[i] = context.note(i);
      }
    } catch (RuntimeException e) {
      // one bad batch (e.g. an image the model cannot take) must not fail the run: its frames say why
      List<FrameResult> failed = new ArrayList<>(good.size());
      for (DecodedFrame f : good) {
        failed.add(FrameResult.failed(f.task(), "inference failed: " + e, loopTimes(f, stages)));
      }
      return failed;
    }
    List<FrameResult> results = new ArrayList<>(good.size());
    for (int i = 0; i < good.size(); i++) {
      DecodedFrame f = good.get(i);
      double[] times = loopTimes(f, stages);
      System.arraycopy(own[i], 0, times, RunSettings.LOOP_STAGES.size(), own[i].length);
      results.add(new FrameResult(f.task(), f.sourceWidth(), f.sourceHeight(), null, toSource(people.get(i), f),
          times, note(f.warning(), notes[i])));
    }
    return results;
  }

  /** A subsampled frame's people in its source pixels (decoders map to the decoded image's). */
  private static List<Person> toSource(List<Person> people, DecodedFrame f) {
    Subsampling sub = f.subsampling();
    if (sub == null) {
      return people;
    }
    List<Person> mapped = new ArrayList<>(people.size());
    for (Person p : people) {
      Person q = p.toSource(sub);
      Person.Detection d = p.detection();
      if (d != null) {
        q = q.detected(new Person.Detection(d.box().toSource(sub), d.score(), d.poseScore()), q.score());
      }
      mapped.add(q);
    }
    return mapped;
  }

  /** The frame row's note: what decoding warned of, then why a stage fell back; null when neither. */
  private static String note(String decodeWarning, String stageNote) {
    if (decodeWarning == null || stageNote == null) {
      return decodeWarning != null ? decodeWarning : stageNote;
    }
    return decodeWarning + "; " + stageNote;
  }

  /** A frame's stage times with the loop's own filled in and the pipeline's zero. */
  private static double[] loopTimes(DecodedFrame f, int stages) {
    double[] times = new double[stages];
    times[0] = f.readMs();
    times[1] = f.decodeMs();
    return times;
  }
}
