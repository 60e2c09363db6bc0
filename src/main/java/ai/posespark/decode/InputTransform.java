package ai.posespark.decode;

/**
 * How a model input was cut from a source frame (letterbox today, affine crops next), and its exact inverse:
 * decoders work in model-input pixels and never see the frame; this maps their results back, clamped to the frame
 * once, here. Coordinates are continuous pixels: pixel i covers [i, i+1).
 */
public interface InputTransform extends java.io.Serializable {

  /** Width of the source frame, pixels. */
  int sourceWidth();

  /** Height of the source frame, pixels. */
  int sourceHeight();

  /** Width of the model input, pixels. */
  int inputWidth();

  /** Height of the model input, pixels. */
  int inputHeight();

  /** Model-input point → source x, unclamped. */
  double sourceX(double inputX, double inputY);

  /** Model-input point → source y, unclamped. */
  double sourceY(double inputX, double inputY);

  /** Model-input x → source x clamped to {@code [0, sourceWidth]}. */
  default double clampedSourceX(double inputX, double inputY) {
    return Math.max(0, Math.min(sourceWidth(), sourceX(inputX, inputY)));
  }

  /** Model-input y → source y clamped to {@code [0, sourceHeight]}. */
  default double clampedSourceY(double inputX, double inputY) {
    return Math.max(0, Math.min(sourceHeight(), sourceY(inputX, inputY)));
  }

  /**
   * The smallest source box around the four corners of the input box {@code (x, y, w, h)}, each mapped and
   * clamped: {@code {x0, y0, x1, y1}} (all four corners, so a transform that rotates or mirrors is served too).
   */
  default double[] sourceBox(double x, double y, double w, double h) {
    double[] box = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.NEGATIVE_INFINITY};
    for (double cx : new double[] {x, x + w}) {
      for (double cy : new double[] {y, y + h}) {
        double sx = clampedSourceX(cx, cy);
        double sy = clampedSourceY(cx, cy);
        box[0] = Math.min(box[0], sx);
        box[1] = Math.min(box[1], sy);
        box[2] = Math.max(box[2], sx);
        box[3] = Math.max(box[3], sy);
      }
    }
    return box;
  }
}
