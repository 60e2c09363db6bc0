package ai.posespark.train;

import java.io.Serializable;
import java.util.List;

/**
 * How to fine-tune (job keys {@code train.*}).
 *
 * @param freeze regular expressions over weight names: matching weights stay as imported
 * @param learningRate Adam's step size
 * @param epochs passes over the training samples
 * @param batchSize samples per step
 * @param seed fixes the split, the augmentation and the sample order
 * @param sigma Gaussian σ of the heat and centre targets, in grid cells
 */
public record FineTuneSettings(List<String> freeze, double learningRate, int epochs, int batchSize, long seed,
    double sigma) implements Serializable {

  /** Fails on values no training can use, naming the key. */
  public FineTuneSettings {
    freeze = List.copyOf(freeze);
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("train.learningRate: must be > 0, got " + learningRate);
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("train.epochs: must be ≥ 1, got " + epochs);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("train.batchSize: must be ≥ 1, got " + batchSize);
    }
    if (!(sigma > 0)) {
      throw new IllegalArgumentException("train.sigma: must be > 0, got " + sigma);
    }
  }
}
