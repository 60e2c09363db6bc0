package ai.posespark.decode;

/**
 * A person's crop as a model input — the job RMPE's spatial transformer learns, done here in closed form: the
 * source region centred on {@code (centerX, centerY)}, {@code regionWidth × regionHeight} source pixels (the
 * person's box padded and widened to the model input's aspect, as MMPose's {@code bbox_xywh2cs}), scaled onto the
 * input; mirrored left-right when {@code flipped} (the flip test). Axis-aligned, so map and inverse are exact per
 * axis: {@code x = left + u · regionWidth / inputWidth} ({@code u → inputWidth − u} first when flipped). The region
 * may reach outside the frame; the warp reads zeros there ({@code cv2.warpAffine} with a constant border).
 *
 * @param srcWidth     source frame width, pixels
 * @param srcHeight    source frame height
 * @param inputWidth   model input width
 * @param inputHeight  model input height
 * @param centerX      region centre, continuous source pixels
 * @param centerY      region centre
 * @param regionWidth  region width, source pixels (&gt; 0)
 * @param regionHeight region height, source pixels (&gt; 0)
 * @param flipped      mirrored left-right
 */
public record AffineCrop(int srcWidth, int srcHeight, int inputWidth, int inputHeight, double centerX,
                         double centerY, double regionWidth, double regionHeight, boolean flipped)
    implements InputTransform {

  /** MMPose's and AlphaPose's default padding of a person box. */
  public static final double DEFAULT_PADDING = 1.25;

  public AffineCrop {
    if (!(regionWidth > 0 && regionHeight > 0) || inputWidth <= 0 || inputHeight <= 0) {
      throw new IllegalArgumentException("crop region " + regionWidth + "×" + regionHeight + " into " + inputWidth
          + "×" + inputHeight + " is empty");
    }
  }

  /**
   * The crop of box {@code (x, y, w, h)} (source pixels): same centre, the box widened along one axis to the input's
   * aspect ratio, then both sides times {@code padding}. A degenerate box gets at least one pixel.
   */
  public static AffineCrop around(double x, double y, double w, double h, double padding, int srcWidth,
                                  int srcHeight, int inputWidth, int inputHeight) {
    double aspect = (double) inputWidth / inputHeight;
    double bw = Math.max(1, w);
    double bh = Math.max(1, h);
    if (bw > aspect * bh) {
      bh = bw / aspect;
    } else {
      bw = bh * aspect;
    }
    return new AffineCrop(srcWidth, srcHeight, inputWidth, inputHeight, x + w / 2, y + h / 2, bw * padding,
        bh * padding, false);
  }

  /** The same region, mirrored left-right. */
  public AffineCrop mirrored() {
    return new AffineCrop(srcWidth, srcHeight, inputWidth, inputHeight, centerX, centerY, regionWidth, regionHeight,
        !flipped);
  }

  /** Left edge of the region, source pixels. */
  public double left() {
    return centerX - regionWidth / 2;
  }

  /** Top edge of the region, source pixels. */
  public double top() {
    return centerY - regionHeight / 2;
  }

  @Override
  public int sourceWidth() {
    return srcWidth;
  }

  @Override
  public int sourceHeight() {
    return srcHeight;
  }

  @Override
  public double sourceX(double inputX, double inputY) {
    double u = flipped ? inputWidth - inputX : inputX;
    return left() + u * regionWidth / inputWidth;
  }

  @Override
  public double sourceY(double inputX, double inputY) {
    return top() + inputY * regionHeight / inputHeight;
  }

  /** Source x → input x (the forward map; {@link #sourceX} undoes it). */
  public double inputX(double srcX) {
    double u = (srcX - left()) * inputWidth / regionWidth;
    return flipped ? inputWidth - u : u;
  }

  /** Source y → input y. */
  public double inputY(double srcY) {
    return (srcY - top()) * inputHeight / regionHeight;
  }
}
