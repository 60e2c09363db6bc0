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
 */
public record DecodeTarget(int width, int height, boolean letterbox) implements java.io.Serializable {

  /** Where a {@code w × h} frame sits in the input: letterboxed or stretched. */
  public Letterbox place(int w, int h) {
    return letterbox ? Letterbox.fit(w, h, width, height) : Letterbox.stretch(w, h, width, height);
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
