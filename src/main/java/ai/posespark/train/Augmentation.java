package ai.posespark.train;

import java.io.Serializable;
import java.util.Random;

/**
 * One crop's random changes: mirror (left and right joints swap), scale of the region, rotation about its centre,
 * and colour jitter (brightness, contrast, saturation factors). Drawn from a {@link Random} seeded per sample, so
 * the same seed gives the same crops on any executor.
 *
 * @param flip mirror left-right
 * @param scale region side × this (> 1 zooms out)
 * @param rotationDegrees counter-clockwise rotation of the region
 * @param brightness pixel values × this
 * @param contrast distance from mid-grey × this
 * @param saturation distance from the pixel's grey × this
 */
public record Augmentation(boolean flip, double scale, double rotationDegrees, double brightness, double contrast,
    double saturation) implements Serializable {

  /** The crop as it is. */
  public static final Augmentation NONE = new Augmentation(false, 1, 0, 1, 1, 1);

  /**
   * How much to augment (job keys {@code train.augment.*}).
   *
   * @param flip whether to mirror half of the crops
   * @param scale maximum relative change of the region side (0.25: × 0.75 .. 1.25)
   * @param rotationDegrees maximum rotation either way
   * @param colour maximum relative change of brightness, contrast and saturation
   */
  public record Settings(boolean flip, double scale, double rotationDegrees, double colour) implements Serializable {
    /** MMPose-like defaults for fine-tuning on few images. */
    public static final Settings DEFAULT = new Settings(true, 0.25, 30, 0.2);
    /** No augmentation. */
    public static final Settings OFF = new Settings(false, 0, 0, 0);
  }

  /** Draws one augmentation. */
  public static Augmentation draw(Random random, Settings s) {
    return new Augmentation(s.flip() && random.nextBoolean(), 1 + s.scale() * (2 * random.nextDouble() - 1),
        s.rotationDegrees() * (2 * random.nextDouble() - 1), 1 + s.colour() * (2 * random.nextDouble() - 1),
        1 + s.colour() * (2 * random.nextDouble() - 1), 1 + s.colour() * (2 * random.nextDouble() - 1));
  }
}
