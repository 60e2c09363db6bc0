package ai.posespark.train;

import java.io.Serializable;

/**
 * One person crop ready for training: the crop's RGB bytes at the model's input size and the person's keypoints in
 * it. Built on executors (crop, augmentation), sent to the trainer.
 *
 * @param id where it came from (image id, annotation id, augmentation round), for messages and ordering
 * @param size square side, pixels
 * @param rgb {@code size × size × 3} bytes, row-major
 * @param keypoints 17 × (x, y, v), normalised to the crop (v ≤ 0: not labelled or outside)
 * @param centreX the person's centre, normalised
 * @param centreY the person's centre, normalised
 */
public record TrainingSample(String id, int size, byte[] rgb, float[] keypoints, float centreX, float centreY)
    implements Serializable {}
