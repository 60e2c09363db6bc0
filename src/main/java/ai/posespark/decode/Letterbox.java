package ai.posespark.decode;

/**
 * Aspect-preserving resize of a {@code srcWidth × srcHeight} image into a {@code size × size} model input: the
 * image is scaled so its longer side fills the input and centred, the rest padded with zeros. Coordinates map
 * between the two frames in continuous pixel units (pixel i covers [i, i+1)), so {@link #toSourceX} is the exact
 * inverse of {@link #toInputX}: the per-axis scale is the one the resize really used after rounding.
 *
 * @param srcWidth      original image width
 * @param srcHeight     original image height
 * @param inputWidth    model input width
 * @param inputHeight   model input height
 * @param scaledWidth   width of the resized image inside the input
 * @param scaledHeight  height of the resized image inside the input
 * @param padX          columns of padding left of the image
 * @param padY          rows of padding above the image
 */
public record Letterbox(int srcWidth, int srcHeight, int inputWidth, int inputHeight,
                        int scaledWidth, int scaledHeight, int padX, int padY) implements InputTransform {

  /** The whole {@code srcWidth × srcHeight} frame stretched to the input: no padding, aspect not kept. */
  public static Letterbox stretch(int srcWidth, int srcHeight, int inputWidth, int inputHeight) {
    return new Letterbox(srcWidth, srcHeight, inputWidth, inputHeight, inputWidth, inputHeight, 0, 0);
  }

  /** The letterbox of a {@code srcWidth × srcHeight} image into an {@code inputWidth × inputHeight} input. */
  public static Letterbox fit(int srcWidth, int srcHeight, int inputWidth, int inputHeight) {
    double scale = Math.min((double) inputWidth / srcWidth, (double) inputHeight / srcHeight);
    int sw = Math.max(1, Math.min(inputWidth, (int) Math.round(srcWidth * scale)));
    int sh = Math.max(1, Math.min(inputHeight, (int) Math.round(srcHeight * scale)));
    return new Letterbox(srcWidth, srcHeight, inputWidth, inputHeight, sw, sh,
        (inputWidth - sw) / 2, (inputHeight - sh) / 2);
  }

  /** The same scaled image at the input's top-left corner, the padding all right and below. */
  public Letterbox atTopLeft() {
    return new Letterbox(srcWidth, srcHeight, inputWidth, inputHeight, scaledWidth, scaledHeight, 0, 0);
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
    return toSourceX(inputX);
  }

  @Override
  public double sourceY(double inputX, double inputY) {
    return toSourceY(inputY);
  }

  /** Input-frame x (pixels) → source-image x (pixels). */
  public double toSourceX(double inputX) {
    return (inputX - padX) * srcWidth / scaledWidth;
  }

  /** Input-frame y (pixels) → source-image y (pixels). */
  public double toSourceY(double inputY) {
    return (inputY - padY) * srcHeight / scaledHeight;
  }

  /** Source-image x → input-frame x (the forward map; {@link #toSourceX} undoes it). */
  public double toInputX(double srcX) {
    return srcX * scaledWidth / srcWidth + padX;
  }

  /** Source-image y → input-frame y. */
  public double toInputY(double srcY) {
    return srcY * scaledHeight / srcHeight + padY;
  }
}
