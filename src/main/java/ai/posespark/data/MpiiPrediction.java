package ai.posespark.data;

import java.io.Serializable;

/**
 * One single-person MPII prediction, matched to the ground-truth person with the same {@code id}.
 *
 * @param id     the ground-truth person's id
 * @param image  image file name (informative)
 * @param joints {@code [16][2]} (x, y) in the ground truth's pixel frame
 */
public record MpiiPrediction(long id, String image, double[][] joints) implements Serializable {}
