package ai.posespark.decode;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Image bytes → upright {@link RgbImage}. JPEG (baseline and progressive), PNG (grey, palette, alpha), BMP and GIF
 * through ImageIO; EXIF orientation applied; a JPEG's ICC profile ignored, as TF's decoders do
 * ({@link JpegIccProfile}). Anything that does not decode raises {@link FrameDecodeException} with a reason fit for
 * the frame row's {@code error} column.
 */
public final class ImageDecoder {
  private ImageDecoder() {}

  /** Decodes {@code bytes}; never returns null. */
  public static RgbImage decode(byte[] bytes) throws FrameDecodeException {
    if (bytes.length == 0) {
      throw new FrameDecodeException("empty file");
    }
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(JpegIccProfile.strip(bytes)));
    } catch (IOException | RuntimeException e) {
      throw new FrameDecodeException("cannot decode image: " + e.getMessage(), e);
    }
    if (image == null) {
      throw new FrameDecodeException("not a supported image format (" + bytes.length + " bytes, starts with "
          + signature(bytes) + ")");
    }
    return ExifOrientation.apply(toRgb(image), ExifOrientation.read(bytes));
  }

  /** Copies any BufferedImage into packed RGB bytes (colour models, palettes and alpha handled by Java2D). */
  static RgbImage toRgb(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    BufferedImage bgr = image;
    if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
      bgr = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
      var g = bgr.createGraphics();
      g.drawImage(image, 0, 0, null);
      g.dispose();
    }
    byte[] data = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
    byte[] rgb = new byte[w * h * 3];
    for (int i = 0; i < rgb.length; i += 3) {
      rgb[i] = data[i + 2];
      rgb[i + 1] = data[i + 1];
      rgb[i + 2] = data[i];
    }
    return new RgbImage(w, h, rgb);
  }

  private static String signature(byte[] bytes) {
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < Math.min(4, bytes.length); i++) {
      hex.append(String.format("%02x", bytes[i] & 0xff));
    }
    return "0x" + hex;
  }
}
