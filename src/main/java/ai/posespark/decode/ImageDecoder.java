package ai.posespark.decode;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Image bytes → upright {@link RgbImage}. The format is read from the bytes, never the file name. Sound JPEGs go to
 * libjpeg-turbo ({@link TurboJpeg}, reduced in the DCT domain when a {@link DecodeTarget} allows), the rest to
 * ImageIO's readers: JPEG (broken, CMYK/YCCK and broken ICC profiles through TwelveMonkeys), PNG (grey, 16-bit,
 * palette, alpha), BMP, GIF (first frame), TIFF and WebP (TwelveMonkeys). EXIF orientation is applied; a JPEG's
 * ICC profile is ignored, as TF's decoders do ({@link JpegIccProfile}), and a PNG's text and ICC chunks are never
 * inflated ({@link PngChunks}). The header's declared size is checked
 * against {@link ImageLimits} before any pixel buffer is allocated. Anything that does not decode raises
 * {@link FrameDecodeException} with a reason fit for the frame row's {@code error} column.
 */
public final class ImageDecoder {
  private ImageDecoder() {}

  /** Decodes {@code bytes} within the default limits; never returns null. */
  public static RgbImage decode(byte[] bytes) throws FrameDecodeException {
    return read(bytes, ImageLimits.DEFAULTS).image();
  }

  /** Decodes {@code bytes} within {@code limits}, with the decoder's warnings; never returns null. */
  public static DecodedImage read(byte[] bytes, ImageLimits limits) throws FrameDecodeException {
    return read(bytes, limits, null);
  }

  /**
   * Decodes {@code bytes} within {@code limits}; a sound JPEG ({@link JpegStructure}) goes to libjpeg-turbo
   * ({@link TurboJpeg}), reduced in the DCT domain as far as {@code target} allows (null: full size), everything
   * else to ImageIO. Never returns null.
   */
  public static DecodedImage read(byte[] bytes, ImageLimits limits, DecodeTarget target)
      throws FrameDecodeException {
    if (bytes.length == 0) {
      throw new FrameDecodeException("empty file");
    }
    JpegStructure jpeg = TurboJpeg.available() ? JpegStructure.of(bytes) : null;
    if (jpeg != null) {
      DecodedImage fast = turbo(bytes, jpeg, limits, target);
      if (fast != null) {
        return fast;
      }
    }
    // metadata nothing uses is dropped before any parser sees it: ICC profiles (ignored), PNG text chunks (bombs)
    byte[] stripped = PngChunks.strip(JpegIccProfile.strip(bytes));
    // in memory: ImageIO's default stream caches to imageio*.tmp files, which a killed JVM leaves behind
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(stripped))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new FrameDecodeException("not a supported image format (" + bytes.length + " bytes, starts with "
            + signature(bytes) + ")");
      }
      ImageReader reader = readers.next();
      try {
        return read(reader, in, stripped, limits);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw new FrameDecodeException("cannot decode image: " + e, e);
    }
  }

  /**
   * A sound JPEG through libjpeg-turbo: reduced by the target's factor, raised (up to 8) while the result would
   * exceed {@code input.maxDecodePixels}; null when even 1/8 would, so ImageIO subsamples it further.
   */
  private static DecodedImage turbo(byte[] bytes, JpegStructure jpeg, ImageLimits limits, DecodeTarget target)
      throws FrameDecodeException {
    long w = jpeg.width();
    long h = jpeg.height();
    limits.checkDeclared("jpeg", w, h);
    int orientation = ExifOrientation.read(bytes);
    boolean swap = orientation >= 5;
    int k = target == null ? 1 : target.reduction((int) (swap ? h : w), (int) (swap ? w : h));
    while (k < 8 && decodedPixels(jpeg, k) > limits.maxDecodePixels()) {
      k *= 2;
    }
    if (decodedPixels(jpeg, k) > limits.maxDecodePixels()) {
      return null;
    }
    RgbImage rgb = ExifOrientation.apply(TurboJpeg.decode(bytes, k), orientation);
    Subsampling sub = k == 1 ? null
        : new Subsampling(k, (int) (swap ? h : w), (int) (swap ? w : h), rgb.width(), rgb.height());
    return new DecodedImage(rgb, sub, null);
  }

  /** Pixels of {@code jpeg} decoded at 1/{@code k} (libjpeg rounds each side up). */
  private static long decodedPixels(JpegStructure jpeg, int k) {
    return (long) DecodeTarget.ceilDiv(jpeg.width(), k) * DecodeTarget.ceilDiv(jpeg.height(), k);
  }

  private static DecodedImage read(ImageReader reader, ImageInputStream in, byte[] bytes, ImageLimits limits)
      throws IOException, FrameDecodeException {
    reader.setInput(in, false, false);
    String format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
    long w = reader.getWidth(0);
    long h = reader.getHeight(0);
    limits.checkDeclared(format, w, h);
    int step = limits.step(w, h);
    ImageReadParam param = reader.getDefaultReadParam();
    if (step > 1) {
      param.setSourceSubsampling(step, step, 0, 0);
    }
    List<String> warnings = new ArrayList<>();
    reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
    BufferedImage image = reader.read(0, param);
    RgbImage rgb = ExifOrientation.apply(toRgb(image), ExifOrientation.read(bytes));
    Subsampling sub = null;
    if (step > 1) {
      boolean swap = rgb.width() != image.getWidth();
      sub = new Subsampling(step, (int) (swap ? h : w), (int) (swap ? w : h), rgb.width(), rgb.height());
    }
    String warning = warnings.isEmpty() ? null : "decoder warning (" + format + "): " + String.join("; ", warnings);
    return new DecodedImage(rgb, sub, warning);
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
