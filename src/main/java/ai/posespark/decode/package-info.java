/**
 * A {@code FrameTask} → upright RGB frames ({@code DecodedFrame}; a bad file becomes an error frame with a reason):
 * images within {@code ImageLimits} (EXIF orientation, ICC, reduced decoding of huge JPEGs as {@code Subsampling}),
 * video ranges through FFmpeg with exact frame indices, a time budget per frame ({@code TimedFrameDecoder}). Also the
 * input transforms with exact inverses every stage maps back through ({@code InputTransform}: {@code Letterbox},
 * {@code AffineCrop}, {@code Subsampling}).
 */
package ai.posespark.decode;
