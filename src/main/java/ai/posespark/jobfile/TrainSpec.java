package ai.posespark.jobfile;

import java.util.List;

/**
 * Job key {@code train} (with {@code input.kind: train}): how to fine-tune {@code model.pose}. Every field may be
 * left out; {@link #orDefaults()} fills in the documented defaults.
 *
 * @param epochs             passes over the training crops (default 10)
 * @param batchSize          crops per optimizer step (default 8)
 * @param learningRate       Adam's step size (default 2e-5: larger steps undo the imported weights at once)
 * @param seed               fixes the split, the augmentation and the order (default 16)
 * @param freeze             regular expressions over weight names; matching weights are not trained (default: the
 *                           MobileNetV2 backbone, {@code model_1/model/}; {@code []} trains everything)
 * @param validationFraction share of the annotated images held out for validation (default 0.25)
 * @param copies             augmented crops per training person (default 4)
 * @param minKeypoints       people with fewer labelled keypoints are not used (default 5)
 * @param sigma              Gaussian σ of the heat and centre targets, grid cells (default 1, the widest whose
 *                           decoding gives the encoded keypoints back exactly)
 * @param cropPadding        person box → crop scale (default 1.25, as top-down inference)
 * @param augment            {@code flip}, {@code scale}, {@code rotation} (degrees), {@code colour}
 */
public record TrainSpec(Integer epochs, Integer batchSize, Double learningRate, Long seed, List<String> freeze,
    Double validationFraction, Integer copies, Integer minKeypoints, Double sigma, Double cropPadding,
    Augment augment) implements java.io.Serializable {

  /** The backbone of MoveNet's graphs: what a fine-tune on few images leaves alone by default. */
  public static final List<String> BACKBONE = List.of("model_1/model/");

  /**
   * Key {@code train.augment}.
   *
   * @param flip     mirror half the crops, left/right joints swapped (default true)
   * @param scale    crop side changes by up to ± this share (default 0.25)
   * @param rotation degrees either way (default 30)
   * @param colour   brightness, contrast, saturation change by up to ± this share (default 0.2)
   */
  public record Augment(Boolean flip, Double scale, Double rotation, Double colour) implements java.io.Serializable {}

  /** This spec with every missing key at its default. */
  public TrainSpec orDefaults() {
    Augment a = augment == null ? new Augment(null, null, null, null) : augment;
    return new TrainSpec(or(epochs, 10), or(batchSize, 8), or(learningRate, 2e-5), or(seed, 16L),
        freeze == null ? BACKBONE : List.copyOf(freeze), or(validationFraction, 0.25), or(copies, 4),
        or(minKeypoints, 5), or(sigma, 1.0), or(cropPadding, 1.25),
        new Augment(or(a.flip(), true), or(a.scale(), 0.25), or(a.rotation(), 30.0), or(a.colour(), 0.2)));
  }

  /**
   * Checks the keys of a training job (defaults filled in), naming the key at fault.
   *
   * @throws JobSpecException for a value no training can use
   */
  void validate(InputSpec input) {
    if (input.annotations() == null) {
      throw new JobSpecException("input.annotations", "required when input.kind is 'train' (the annotated images)");
    }
    if (input.paths().size() != 1) {
      throw new JobSpecException("input.paths", "kind 'train' takes one folder: where the annotations' images are");
    }
    positive("train.epochs", epochs);
    positive("train.batchSize", batchSize);
    positive("train.copies", copies);
    if (!(learningRate > 0)) {
      throw new JobSpecException("train.learningRate", "must be > 0, got " + learningRate);
    }
    if (!(validationFraction >= 0 && validationFraction < 1)) {
      throw new JobSpecException("train.validationFraction", "must be in [0, 1), got " + validationFraction);
    }
    if (minKeypoints < 1 || minKeypoints > 17) {
      throw new JobSpecException("train.minKeypoints", "must be 1..17, got " + minKeypoints);
    }
    if (!(sigma > 0)) {
      throw new JobSpecException("train.sigma", "must be > 0, got " + sigma);
    }
    if (!(cropPadding >= 1 && cropPadding <= 4)) {
      throw new JobSpecException("train.cropPadding", "must be in 1..4, got " + cropPadding);
    }
    if (!(augment.scale() >= 0 && augment.scale() < 1) || !(augment.colour() >= 0 && augment.colour() < 1)) {
      throw new JobSpecException("train.augment", "scale and colour must be in [0, 1)");
    }
    for (int i = 0; i < freeze.size(); i++) {
      try {
        java.util.regex.Pattern.compile(freeze.get(i));
      } catch (java.util.regex.PatternSyntaxException e) {
        throw new JobSpecException("train.freeze[" + i + "]", "not a regular expression: " + e.getDescription());
      }
    }
  }

  private static void positive(String key, int value) {
    if (value < 1) {
      throw new JobSpecException(key, "must be ≥ 1, got " + value);
    }
  }

  private static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
