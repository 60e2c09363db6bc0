package ai.posespark.run;

import ai.posespark.report.RateFormat;
import java.io.PrintStream;
import java.text.DecimalFormat;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple4;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The driver's progress display for a run: frames done out of frames listed, rate and ETA. Executors count
 * frames into a Spark accumulator; running tasks' counts arrive with each executor heartbeat
 * ({@code spark.executor.heartbeatInterval}) and finished tasks' with their end, so progress moves while a partition
 * is still running. On a terminal it is a bar; otherwise (a pipe, a log file) a plain line every
 * {@code posespark.progress.seconds} (default 10). System property {@code posespark.progress}: {@code bar},
 * {@code lines} or {@code off} overrides the choice.
 */
final class RunProgress extends SparkListener implements AutoCloseable {
  private final SparkContext sc;
  private final String run;
  private final LongAccumulator frames;
  private final FrameCount count;
  private final long start = System.nanoTime();
  private final ProgressBar bar;
  private final Thread lines;
  private final PrintStream out = System.err;
  /** The count of the last plain line printed, so the closing line is not a repeat. */
  private final AtomicLong printed = new AtomicLong(-1);

  RunProgress(SparkContext sc, String run, long total) {
    this.sc = sc;
    this.run = run;
    this.count = new FrameCount(total);
    this.frames = sc.longAccumulator("posespark.frames." + run);
    String mode = System.getProperty("posespark.progress", System.console() != null ? "bar" : "lines");
    bar = mode.equals("bar") ? new ProgressBarBuilder().setTaskName(run).setInitialMax(total)
        .setUnit(" frames", 1).setStyle(ProgressBarStyle.ASCII).showSpeed(new DecimalFormat("0.0"))
        .setUpdateIntervalMillis(500).build() : null;
    lines = mode.equals("lines") ? new Thread(this::printLines, "posespark-progress") : null;
    if (lines != null) {
      lines.setDaemon(true);
      lines.start();
    }
    sc.addSparkListener(this);
  }

  /** The accumulator executors add to per batch of frames written. */
  LongAccumulator counter() {
    return frames;
  }

  @Override
  public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
    for (Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>> task
        : CollectionConverters.asJava(update.accumUpdates())) {
      Long value = value(task._4());
      if (value != null) {
        count.running((Long) task._1(), value);
      }
    }
    refresh();
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    if (end.taskInfo() == null) {
      return;
    }
    Long value = value(end.taskInfo().accumulables());
    count.ended(end.taskInfo().taskId(), value == null ? 0 : value, end.taskInfo().successful());
    refresh();
  }

  private Long value(scala.collection.Seq<AccumulableInfo> infos) {
    for (AccumulableInfo info : CollectionConverters.asJava(infos)) {
      if (info.id() == frames.id() && info.update().isDefined()) {
        return ((Number) info.update().get()).longValue();
      }
    }
    return null;
  }

  private void refresh() {
    if (bar != null) {
      bar.stepTo(count.done());
    }
  }

  private void printLines() {
    long every = Math.round(Double.parseDouble(System.getProperty("posespark.progress.seconds", "10")) * 1000);
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Thread.sleep(every);
        printLine();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized void printLine() {
    long done = count.done();
    if (printed.getAndSet(done) != done) {
      out.println(line(run, done, count.total(), (System.nanoTime() - start) / 1e9));
    }
  }

  /** A plain progress line: {@code run: 120/600 frames (20%), 9.8 frames/s, ETA 49 s}. */
  static String line(String run, long done, long total, double seconds) {
    double rate = seconds > 0 ? done / seconds : 0;
    String eta = done >= total ? "done" : rate > 0 ? "ETA " + RateFormat.seconds((total - done) / rate) : "ETA ?";
    return String.format(Locale.ROOT, "%s: %d/%d frames (%.0f%%), %s, %s", run, done, total,
        total > 0 ? 100.0 * done / total : 100, RateFormat.perSecond(rate, "frames"), eta);
  }

  @Override
  public void close() {
    sc.removeSparkListener(this);
    if (bar != null) {
      bar.stepTo(count.done());
      bar.close();
    }
    if (lines != null) {
      lines.interrupt();
      printLine();
    }
  }
}
