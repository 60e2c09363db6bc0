package ai.posespark.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.posespark.model.tfjs.ops.Tensors;
import ai.posespark.pose.MoveNetCodec;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Fine-tunes a {@link MoveNetTrainingGraph} with DJL's Adam: per step, the trained weights become autograd
 * leaves, the heads run through the interpreter, {@link HeadLoss} against the codec's targets is back-propagated
 * and each weight updated in place. Samples are shuffled per epoch by the seed, so a run is reproducible.
 */
public final class PoseTrainer {
  /**
   * One epoch's figures.
   *
   * @param epoch 1-based
   * @param meanLoss mean step loss
   * @param millis wall time of the epoch
   * @param steps optimizer steps
   */
  public record Epoch(int epoch, double meanLoss, double millis, int steps) {}

  private final MoveNetTrainingGraph model;
  private final MoveNetCodec codec;
  private final FineTuneSettings settings;
  private final Optimizer optimizer;

  /** A trainer of {@code model} (its weights change in place). */
  public PoseTrainer(MoveNetTrainingGraph model, FineTuneSettings settings) {
    this.model = model;
    this.settings = settings;
    this.codec = new MoveNetCodec(model.inputSize() / 4, settings.sigma());
    this.optimizer = Adam.builder().optLearningRateTracker(Tracker.fixed((float) settings.learningRate())).build();
  }

  /** Runs every epoch, handing each epoch's figures to {@code progress} as it ends. */
  public List<Epoch> train(List<TrainingSample> samples, Consumer<Epoch> progress) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("no training samples");
    }
    Random order = new Random(settings.seed());
    List<TrainingSample> shuffled = new ArrayList<>(samples);
    List<Epoch> epochs = new ArrayList<>();
    for (int e = 1; e <= settings.epochs(); e++) {
      Collections.shuffle(shuffled, order);
      long start = System.nanoTime();
      double sum = 0;
      int steps = 0;
      for (int from = 0; from < shuffled.size(); from += settings.batchSize()) {
        sum += step(shuffled.subList(from, Math.min(shuffled.size(), from + settings.batchSize())));
        steps++;
      }
      Epoch epoch = new Epoch(e, sum / steps, (System.nanoTime() - start) / 1e6, steps);
      epochs.add(epoch);
      progress.accept(epoch);
    }
    return epochs;
  }

  /** One optimizer step on {@code batch}; returns its loss before the update. */
  public double step(List<TrainingSample> batch) {
    NDManager owner = model.weights().values().iterator().next().getManager();
    try (NDManager scope = owner.newSubManager()) {
      NDArray x = model.normalise(scope, images(scope, batch));
      NDList targets = targets(scope, batch);
      Map<String, NDArray> leaves = new LinkedHashMap<>();
      for (String w : model.trainable()) {
        NDArray leaf = model.weights().get(w).stopGradient();
        leaf.attach(scope);
        leaf.setRequiresGradient(true);
        leaves.put(w, leaf);
      }
      double value;
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray loss = HeadLoss.of(model.heads(scope, x, leaves), targets);
        collector.backward(loss);
        value = loss.getFloat();
      }
      leaves.forEach((w, leaf) -> optimizer.update(w, model.weights().get(w), leaf.getGradient()));
      return value;
    }
  }

  /** The loss on {@code batch} without training. */
  public double loss(List<TrainingSample> batch) {
    NDManager owner = model.weights().values().iterator().next().getManager();
    try (NDManager scope = owner.newSubManager()) {
      NDArray x = model.normalise(scope, images(scope, batch));
      return HeadLoss.of(model.heads(scope, x, Map.of()), targets(scope, batch)).getFloat();
    }
  }

  /** The batch's crops as [N, S, S, 3] 0..255. */
  static NDArray images(NDManager scope, List<TrainingSample> batch) {
    int size = batch.get(0).size();
    byte[] all = new byte[batch.size() * size * size * 3];
    for (int i = 0; i < batch.size(); i++) {
      System.arraycopy(batch.get(i).rgb(), 0, all, i * size * size * 3, size * size * 3);
    }
    try (NDArray bytes = Tensors.owned(scope.create(ByteBuffer.wrap(all), new Shape(batch.size(), size, size, 3),
        DataType.UINT8))) {
      return bytes.toType(DataType.INT32, false);
    }
  }

  private NDList targets(NDManager scope, List<TrainingSample> batch) {
    int g = codec.grid();
    List<MoveNetCodec.Targets> encoded = batch.stream()
        .map(s -> codec.encode(s.keypoints(), s.centreX(), s.centreY())).toList();
    long n = batch.size();
    NDList out = new NDList(7);
    out.add(stack(scope, encoded.stream().map(MoveNetCodec.Targets::heatmap).toList(), new Shape(n, g, g, 17)));
    out.add(stack(scope, encoded.stream().map(MoveNetCodec.Targets::centre).toList(), new Shape(n, g, g, 1)));
    out.add(stack(scope, encoded.stream().map(MoveNetCodec.Targets::regress).toList(), new Shape(n, g, g, 34)));
    out.add(stack(scope, encoded.stream().map(MoveNetCodec.Targets::regressMask).toList(),
        new Shape(n, g, g, 34)));
    out.add(stack(scope, encoded.stream().map(MoveNetCodec.Targets::offset).toList(), new Shape(n, g, g, 34)));
    out.add(stack(scope, encoded.stream().map(MoveNetCodec.Targets::offsetMask).toList(),
        new Shape(n, g, g, 34)));
    out.add(stack(scope, encoded.stream().map(MoveNetCodec.Targets::jointWeight).toList(), new Shape(n, 1, 1, 17)));
    return out;
  }

  private static NDArray stack(NDManager scope, List<float[]> items, Shape shape) {
    int each = items.get(0).length;
    float[] all = new float[items.size() * each];
    for (int i = 0; i < items.size(); i++) {
      System.arraycopy(items.get(i), 0, all, i * each, each);
    }
    return Tensors.owned(scope.create(all, shape));
  }
}
