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
}
