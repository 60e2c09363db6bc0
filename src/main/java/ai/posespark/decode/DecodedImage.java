package ai.posespark.decode;

/**
 * What {@link ImageDecoder} made of an image's bytes.
 *
 * @param image       the upright pixels (subsampled when the image is larger than {@link ImageLimits} allow)
 * @param subsampling how the pixels map to the source image's, or null at full resolution
 * @param warning     what the decoder reported while still producing pixels (a truncated JPEG's missing rows), or
 *                    null
 */
public record DecodedImage(RgbImage image, Subsampling subsampling, String warning) {}
