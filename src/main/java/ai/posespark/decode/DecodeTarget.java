package ai.posespark.decode;

/**
 * The size a whole frame is resized to next (a model input), so a JPEG far larger than that may be decoded reduced
 * in the DCT domain ({@link TurboJpeg}): by the largest factor 2, 4 or 8 that leaves the decoded image at least as
 * large as its resized size, so the resize still only shrinks and the input sees the same detail. Pipelines that
 * crop from the frame (top-down) need its full resolution and name no target.
 *
 * @param width     the model input's width
 * @param height    its height
 * @param letterbox the frame is letterboxed (aspect kept) rather than stretched
 * @param topLeft   a letterboxed frame sits at the input's top-left corner (YOLOX, RTMDet) rather than centred
 */
public record DecodeTarget(int width, int height, boolean letterbox, boolean topLeft)
    implements java.io.Serializable {

  /** A centred letterbox or a stretch. */
  public DecodeTarget(int width, int height, boolean letterbox) {
    this(width, height, letterbox, false);
  }

  /** Where a {@code w × h} frame sits in the input: letterboxed (centred or top-left) or stretched. */
  public Letterbox place(int w, int h) {
    if (!letterbox) {
      return Letterbox.stretch(w, h, width, height);
    }
    Letterbox centred = Letterbox.fit(w, h, width, height);
    return topLeft ? centred.atTopLeft() : centred;
  }

  /** The reduction (1, 2, 4 or 8) for an upright {@code w × h} image. */
  public int reduction(int w, int h) {
    Letterbox box = place(w, h);
    int k = 8;
    while (k > 1 && (ceilDiv(w, k) < box.scaledWidth() || ceilDiv(h, k) < box.scaledHeight())) {
      k /= 2;
    }
    return k;
  }

  static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }
}
