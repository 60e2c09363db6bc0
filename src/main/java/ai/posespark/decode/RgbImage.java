package ai.posespark.decode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;

/**
 * A decoded frame: 8-bit RGB, row-major height × width × 3, upright (EXIF orientation already applied).
 *
 * @param width  pixels
 * @param height pixels
 * @param rgb    {@code height * width * 3} bytes, R G B per pixel
 */
public record RgbImage(int width, int height, byte[] rgb) {

  public RgbImage {
    if (width <= 0 || height <= 0 || rgb.length != width * height * 3) {
      throw new IllegalArgumentException("bad RGB image " + width + "x" + height + " with " + rgb.length + " bytes");
    }
  }

  /** The pixels as a uint8 NDArray of shape (H, W, 3). */
  public NDArray toNDArray(NDManager manager) {
    return manager.create(ByteBuffer.wrap(rgb), new Shape(height, width, 3), DataType.UINT8);
  }

  /** Channel {@code c} (0 R, 1 G, 2 B) of pixel (x, y), 0..255. */
  public int channel(int x, int y, int c) {
    return rgb[(y * width + x) * 3 + c] & 0xff;
  }
}
