package ai.posespark.pipeline;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a pipeline's stages share while they work on one batch of frames: the NDArray scope (closed with the context,
 * so nothing a stage creates outlives the batch, as DJL's sub-managers) and the clock that charges each stage's
 * milliseconds to the frames it worked for. Stages are timed where they run: a per-frame stage charges its frame, a
 * batched call charges each item's frame an equal share, so a frame with five crops pays five shares.
 */
public final class StageContext implements AutoCloseable {
  private final NDManager scope;
  private final Map<String, Integer> stageIndex = new HashMap<>();
  private final double[][] ms;
  private final String[] notes;

  /**
   * @param device the device the batch's arrays live on
   * @param stages the pipeline's stage names ({@link PipelinePlan#stages()})
   * @param frames frames in the batch
   */
  public StageContext(Device device, List<String> stages, int frames) {
    for (int i = 0; i < stages.size(); i++) {
      stageIndex.put(stages.get(i), i);
    }
    this.ms = new double[frames][stages.size()];
    this.notes = new String[frames];
    this.scope = NDManager.newBaseManager(device, "PyTorch");
  }

  /** Where the batch's arrays live; closed with this context. */
  public NDManager scope() {
    return scope;
  }

  /** Frames in the batch. */
  public int frames() {
    return ms.length;
  }

  /** Charges {@code millis} of {@code stage} to {@code frame}. */
  public void charge(String stage, int frame, double millis) {
    ms[frame][index(stage)] += millis;
  }

  /** Charges {@code millis} spent on several items at once, an equal share per item, to each item's frame. */
  public void chargeShared(String stage, int[] itemFrames, double millis) {
    int s = index(stage);
    double share = millis / itemFrames.length;
    for (int f : itemFrames) {
      ms[f][s] += share;
    }
  }

  /** Milliseconds per stage, in the order of the stage names, that {@code frame} was charged. */
  public double[] times(int frame) {
    return ms[frame].clone();
  }

  /** Records why a stage did not work as configured on {@code frame} (a fallback): the frame row's {@code note}. */
  public void note(int frame, String note) {
    notes[frame] = notes[frame] == null ? note : notes[frame] + "; " + note;
  }

  /** What was noted for {@code frame}, or null. */
  public String note(int frame) {
    return notes[frame];
  }

  /** Milliseconds since {@code startNanos} ({@link System#nanoTime()}). */
  public static double millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e6;
  }

  private int index(String stage) {
    Integer i = stageIndex.get(stage);
    if (i == null) {
      throw new IllegalArgumentException("stage '" + stage + "' is not one of this pipeline's " + stageIndex.keySet());
    }
    return i;
  }

  @Override
  public void close() {
    scope.close();
  }
}
