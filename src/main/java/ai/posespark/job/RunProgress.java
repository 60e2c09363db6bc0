package ai.posespark.job;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.util.LongAccumulator;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The driver's progress display for a run: frames done out of frames listed, rate and ETA. Executors count
 * frames into a Spark accumulator; each finished task reports its count here through the listener bus.
 */
final class RunProgress extends SparkListener implements AutoCloseable {
  private final SparkContext sc;
  private final LongAccumulator frames;
  private final ProgressBar bar;
  private final long total;
  private long done;

  RunProgress(SparkContext sc, String run, long total) {
    this.sc = sc;
    this.total = total;
    this.frames = sc.longAccumulator("posespark.frames." + run);
    this.bar = new ProgressBarBuilder().setTaskName(run).setInitialMax(total).setUnit(" frames", 1)
        .setStyle(ProgressBarStyle.ASCII).showSpeed().setUpdateIntervalMillis(500).build();
    sc.addSparkListener(this);
  }

  /** The accumulator executors add one to per frame written. */
  LongAccumulator counter() {
    return frames;
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    if (end.taskInfo() == null || !end.taskInfo().successful()) {
      return;
    }
    for (AccumulableInfo info : CollectionConverters.asJava(end.taskInfo().accumulables())) {
      if (info.id() == frames.id() && info.update().isDefined()) {
        synchronized (this) {
          long step = Math.min(total - done, ((Number) info.update().get()).longValue());
          done += step;
          bar.stepBy(step);
        }
      }
    }
  }

  @Override
  public void close() {
    sc.removeSparkListener(this);
    bar.close();
  }
}
