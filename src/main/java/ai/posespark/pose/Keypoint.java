package ai.posespark.pose;

/**
 * One body keypoint, in model-input pixels as decoders return it, in original-image pixels in every table.
 *
 * @param name  keypoint name in the model's skeleton (e.g. {@code left_wrist})
 * @param x     column, pixels, continuous (pixel i covers [i, i+1))
 * @param y     row, pixels
 * @param score model confidence 0..1
 */
public record Keypoint(String name, float x, float y, float score) implements java.io.Serializable {}
