package ai.posespark.decode;

/**
 * A frame decoded at every {@code step}-th row and column ({@link ImageLimits}): poses found on the decoded pixels
 * map back to the source image's pixels by the step (decoded pixel i covers source pixels [i·step, (i+1)·step)).
 *
 * @param step         rows and columns per decoded pixel, at least 2
 * @param sourceWidth  the upright source image's width
 * @param sourceHeight its height
 * @param inputWidth   the decoded image's width
 * @param inputHeight  its height
 */
public record Subsampling(int step, int sourceWidth, int sourceHeight, int inputWidth, int inputHeight)
    implements InputTransform {

  @Override
  public double sourceX(double inputX, double inputY) {
    return inputX * step;
  }

  @Override
  public double sourceY(double inputX, double inputY) {
    return inputY * step;
  }
}
